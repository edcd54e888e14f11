/**
 * The inbound pipeline: guard rails first (size, parse, sender authentication),
 * then what the mail asks for. Returns one outcome; never throws for bad input.
 */

import type { InboundEmail, InboundOutcome } from "./inbound-email";
import type { ParsedMail } from "./parse-message";
import { parseMessage } from "./parse-message";
import { checkSenderAuth } from "./sender-auth";

export interface InboundLimits {
	maxInboundBytes: number;
}

export interface ProcessedInbound {
	outcome: InboundOutcome;
	/** Null when the message was not parsed (too large or unreadable). */
	mail: ParsedMail | null;
}

const MIB = 1024 * 1024;
const formatSize = (n: number) => (n >= MIB ? `${(n / MIB).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`);

export async function processInbound(email: InboundEmail, limits: InboundLimits): Promise<ProcessedInbound> {
	if (email.raw === null || email.rawSize > limits.maxInboundBytes) {
		return {
			mail: null,
			outcome: {
				outcome: "rejected",
				reason: "too_large",
				detail: `Message is ${formatSize(email.rawSize)}; the limit is ${formatSize(limits.maxInboundBytes)}. Forward it without attachments.`,
				userId: null,
			},
		};
	}
	let mail: ParsedMail;
	try {
		mail = await parseMessage(email.raw);
	} catch (err) {
		return {
			mail: null,
			outcome: {
				outcome: "rejected",
				reason: "unreadable",
				detail: `Message could not be parsed as MIME (${err instanceof Error ? err.message : "unknown error"}).`,
				userId: null,
			},
		};
	}
	const auth = checkSenderAuth(mail.headers, mail.from?.address ?? null);
	if (!auth.ok) {
		return {
			mail,
			outcome: {
				outcome: "rejected",
				reason: `unauthenticated_${auth.reason}`,
				detail: `Not accepted: ${auth.detail}.`,
				userId: null,
			},
		};
	}
	return {
		mail,
		outcome: {
			outcome: "ignored",
			reason: "not_processed",
			detail: `Authenticated mail from ${mail.from?.address} (${auth.via}) received; nothing is tracked from it yet.`,
			userId: null,
		},
	};
}
