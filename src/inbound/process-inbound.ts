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
import type { InboundEmail } from "./inbound-email";
import { type InboundOutcome, ignoredOutcome, rejectedOutcome } from "./inbound-outcome";
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
		return final(rejectedOutcome({ reason: "too_large", size: email.rawSize, limit: config.maxInboundBytes }));
	}
	let mail: ParsedMail;
	try {
		mail = await parseMessage(email.raw);
	} catch (err) {
		const why = err instanceof Error ? err.message : "unknown error";
		return final(rejectedOutcome({ reason: "unreadable", why }));
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
		const why = { reason: `automatic_${automatic.kind}`, why: automatic.why } as const;
		return final(ignoredOutcome(null, why), mail, messageKey);
	}
	const auth = checkSenderAuth(mail.headers, fromAddress);
	if (!auth.ok || fromAddress === null) {
		const why = auth.ok
			? ({ reason: "unauthenticated_no_from", why: "the message has no From address" } as const)
			: ({ reason: `unauthenticated_${auth.reason}`, why: auth.detail } as const);
		return final(rejectedOutcome(why), mail, messageKey);
	}
	const sender = await lookupSender(services.db, fromAddress, messageKey, opts.seenAs);
	if (sender.seen) {
		return final(ignoredOutcome(null, { reason: "duplicate" }), mail, messageKey);
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
