/**
 * The inbound pipeline for one email: guard rails first (size, one parse,
 * machine mail, sender authentication, duplicates), then what it asks for.
 * Returns one outcome and the writes that go with it; never throws for bad input.
 */
import type { Services } from "../app/services";
import { sha256Hex } from "../lib/crypto";
import { routeRecipient } from "./address-grammar";
import { detectAutomatic } from "./automatic-mail";
import type { Effects, ReleaseHeld } from "./inbound-context";
import type { InboundEmail, InboundOutcome } from "./inbound-email";
import { runKinds } from "./kinds/run-kinds";
import { absenceFromContact } from "./out-of-office";
import { type ParsedMail, parseMessage } from "./parse-message";
import { checkSenderAuth } from "./sender-auth";
import { lookupSender } from "./sender-lookup";

export interface Processed {
	effects: Effects;
	mail: ParsedMail | null;
	/** Message-ID, or a hash of the bytes; null when the mail was not read. */
	messageKey: string | null;
}

const MIB = 1024 * 1024;
const formatSize = (n: number) => (n >= MIB ? `${(n / MIB).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`);
const final = (
	outcome: InboundOutcome,
	mail: ParsedMail | null = null,
	messageKey: string | null = null,
): Processed => ({
	effects: { outcome, writes: [] },
	mail,
	messageKey,
});

export interface ProcessOptions {
	logId: string;
	/** The recipient key under which this delivery counts as seen (duplicates are ignored). */
	seenAs: string;
	releaseHeld: ReleaseHeld;
}

export async function processInbound(
	email: InboundEmail,
	services: Services,
	opts: ProcessOptions,
): Promise<Processed> {
	const { config } = services;
	if (email.raw === null || email.rawSize > config.maxInboundBytes) {
		const detail = `Message is ${formatSize(email.rawSize)}; the limit is ${formatSize(config.maxInboundBytes)}. Forward it without attachments.`;
		return final({ outcome: "rejected", reason: "too_large", detail, userId: null });
	}
	let mail: ParsedMail;
	try {
		mail = await parseMessage(email.raw);
	} catch (err) {
		const why = err instanceof Error ? err.message : "unknown error";
		return final({
			outcome: "rejected",
			reason: "unreadable",
			detail: `Message could not be parsed as MIME (${why}).`,
			userId: null,
		});
	}
	const messageKey = mail.messageId ?? `sha256:${await sha256Hex(email.raw)}`;
	const fromAddress = mail.from?.address ?? null;

	const isInvite = mail.invites.length > 0;
	const automatic = detectAutomatic(
		{ headers: mail.headers, fromAddress, envelopeFrom: email.envelopeFrom, subject: mail.subject },
		config.mailDomain,
	);
	if (automatic && !(isInvite && automatic.kind !== "loop")) {
		const absence =
			automatic.kind === "auto_reply" && fromAddress
				? await absenceFromContact(
						{ services, email, mail, messageKey, logId: opts.logId, releaseHeld: opts.releaseHeld },
						fromAddress,
					)
				: null;
		if (absence) return { effects: absence, mail, messageKey };
		const detail = `Automatic mail, not answered: ${automatic.why}.`;
		return final({ outcome: "ignored", reason: `automatic_${automatic.kind}`, detail, userId: null }, mail, messageKey);
	}
	const auth = checkSenderAuth(mail.headers, fromAddress);
	if (!auth.ok || fromAddress === null) {
		const detail = auth.ok ? "the message has no From address" : auth.detail;
		return final(
			{
				outcome: "rejected",
				reason: `unauthenticated_${auth.ok ? "no_from" : auth.reason}`,
				detail: `Not accepted: ${detail}.`,
				userId: null,
			},
			mail,
			messageKey,
		);
	}
	const sender = await lookupSender(services.db, fromAddress, messageKey, opts.seenAs);
	if (sender.seen) {
		return final(
			{ outcome: "ignored", reason: "duplicate", detail: "Already processed this message.", userId: null },
			mail,
			messageKey,
		);
	}
	const effects = await runKinds(
		{
			services,
			now: services.clock.now(),
			email,
			mail,
			route: routeRecipient(email.envelopeTo, config.mailDomain),
			messageKey,
			logId: opts.logId,
			releaseHeld: opts.releaseHeld,
		},
		{ address: fromAddress, account: sender.account },
	);
	return { effects, mail, messageKey };
}
