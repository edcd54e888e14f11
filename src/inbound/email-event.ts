/**
 * The email() edge: reads the Email Routing message into plain data, runs the
 * pipeline, commits its effects with the one log row, and maps the outcome to
 * SMTP (setReject) here and nowhere else.
 */
import type { Services } from "../app/services";
import { newId } from "../lib/crypto";
import { commitInbound } from "./commit-inbound";
import type { InboundEmail } from "./inbound-email";
import { insertInboundLog } from "./inbound-log-repo";
import type { InboundOutcome } from "./inbound-outcome";
import { processInbound } from "./process-inbound";
import { releaseHeldMail } from "./release-held-mail";

export interface EmailMessageLike {
	readonly from: string;
	readonly to: string;
	readonly raw: ReadableStream<Uint8Array>;
	readonly rawSize: number;
	setReject(reason: string): void;
}

async function readRaw(message: EmailMessageLike, cap: number): Promise<Uint8Array | null> {
	if (message.rawSize > cap) return null;
	const bytes = new Uint8Array(await new Response(message.raw).arrayBuffer());
	return bytes.byteLength > cap ? null : bytes;
}

/**
 * Lower case, and a space read back as "+": an envelope address has no unquoted
 * spaces, but a URL query (wrangler's local /cdn-cgi/handler/email?to=r+abc) turns
 * "+" into one.
 */
export function normaliseRecipient(to: string): string {
	return to.trim().toLowerCase().replace(/ /g, "+");
}

function answerSmtp(message: EmailMessageLike, outcome: InboundOutcome): void {
	if (outcome.outcome === "rejected") message.setReject(outcome.detail);
}

export async function handleEmailEvent(message: EmailMessageLike, services: Services): Promise<InboundOutcome> {
	const { config, clock, db } = services;
	const raw = await readRaw(message, config.maxInboundBytes);
	const email: InboundEmail = {
		envelopeFrom: message.from,
		envelopeTo: normaliseRecipient(message.to),
		rawSize: raw?.byteLength ?? message.rawSize,
		raw,
	};
	const logId = newId();
	const processed = await processInbound(email, services, {
		logId,
		seenAs: email.envelopeTo,
		releaseHeld: releaseHeldMail,
	});
	const { mail, messageKey } = processed;
	const outcome = await commitInbound(services, {
		effects: processed.effects,
		seen: messageKey ? { messageKey, recipient: email.envelopeTo } : null,
		log: (o) =>
			insertInboundLog(db, {
				id: logId,
				messageKey: messageKey ?? `unread:${logId}`,
				envelopeFrom: email.envelopeFrom,
				envelopeTo: email.envelopeTo,
				fromHeader: mail?.from?.address ?? null,
				subject: mail?.subject ?? null,
				sizeBytes: email.rawSize,
				outcome: o,
				at: clock.now(),
			}),
	});
	console.log(
		JSON.stringify({ event: "inbound", to: email.envelopeTo, outcome: outcome.outcome, reason: outcome.reason }),
	);
	answerSmtp(message, outcome);
	return outcome;
}
