/**
 * The inbound pipeline for one email, cheapest and safest first: the size cap,
 * then the header block alone, then sender authentication; only an authenticated
 * mail has its body, attachments and calendars parsed. Machine mail is never
 * answered: unauthenticated, it is ignored (and logged); authenticated, only a
 * contact's out-of-office reply or a calendar invite does anything. Then
 * duplicates, then what the mail asks for. Returns one outcome and the writes
 * that go with it; never throws for bad input.
 */
import type { Services } from "../app/services";
import { sha256Hex } from "../lib/crypto";
import { hashSecretToken } from "../lib/secret-token";
import { routeRecipient } from "./address-grammar";
import { detectAutomatic } from "./automatic-mail";
import { fitsAhead } from "./contact-read-ahead";
import { extractForward } from "./forwarded-message";
import type { Effects, ReleaseHeld } from "./inbound-context";
import type { InboundEmail } from "./inbound-email";
import { type InboundOutcome, ignoredOutcome, rejectedOutcome } from "./inbound-outcome";
import { contactMailIn } from "./kinds/contact-reply";
import { runKinds } from "./kinds/run-kinds";
import { type MailHeaders, readHeaders } from "./mail-headers";
import { absenceFromContact } from "./out-of-office";
import { type ParsedMail, parseMessage } from "./parse-message";
import { readAheadFor, tracksPeople } from "./read-ahead";
import { checkSenderAuth } from "./sender-auth";
import { lookupSender } from "./sender-lookup";

export interface Processed {
	effects: Effects;
	/** The headers (or the whole parsed mail); null when not even the headers were read. */
	mail: MailHeaders | null;
	/** Message-ID, or a hash of the bytes; null when the mail was not read. */
	messageKey: string | null;
}

const final = (
	outcome: InboundOutcome,
	mail: MailHeaders | null = null,
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

const unreadable = (err: unknown) =>
	({ reason: "unreadable", why: err instanceof Error ? err.message : String(err) }) as const;

export async function processInbound(
	email: InboundEmail,
	services: Services,
	opts: ProcessOptions,
): Promise<Processed> {
	const { config } = services;
	if (email.raw === null || email.rawSize > config.maxInboundBytes) {
		return final(rejectedOutcome({ reason: "too_large", size: email.rawSize, limit: config.maxInboundBytes }));
	}
	const read = await readHeaders(email.raw);
	if (!read.ok) return final(rejectedOutcome({ reason: "unreadable", why: read.why }));
	const head = read.headers;
	const messageKey = head.messageId ?? `sha256:${await sha256Hex(email.raw)}`;
	const fromAddress = head.from?.address ?? null;
	const automatic = detectAutomatic(
		{ headers: head.headers, fromAddress, envelopeFrom: email.envelopeFrom, subject: head.subject },
		config.mailDomain,
	);
	if (automatic?.kind === "loop") {
		return final(ignoredOutcome(null, { reason: "automatic_loop", why: automatic.why }), head, messageKey);
	}
	const auth = checkSenderAuth(head.headers, fromAddress);
	if (automatic && !auth.ok) {
		// Machine mail we cannot trust: never answered, never parsed further.
		return final(ignoredOutcome(null, { reason: `automatic_${automatic.kind}`, why: automatic.why }), head, messageKey);
	}
	if (!auth.ok || fromAddress === null) {
		const why = auth.ok
			? ({ reason: "unauthenticated_no_from", why: "the message has no From address" } as const)
			: ({ reason: `unauthenticated_${auth.reason}`, why: auth.detail } as const);
		return final(rejectedOutcome(why), head, messageKey);
	}

	let mail: ParsedMail;
	try {
		mail = await parseMessage(email.raw);
	} catch (err) {
		return final(rejectedOutcome(unreadable(err)), head, messageKey);
	}
	if (automatic && !(mail.invites.length > 0)) {
		const absence =
			automatic.kind === "auto_reply"
				? await absenceFromContact(
						{ services, email, mail, messageKey, logId: opts.logId, releaseHeld: opts.releaseHeld },
						fromAddress,
					)
				: null;
		if (absence) return { effects: absence, mail, messageKey };
		const why = { reason: `automatic_${automatic.kind}`, why: automatic.why } as const;
		return final(ignoredOutcome(null, why), mail, messageKey);
	}
	const route = routeRecipient(email.envelopeTo, config.mailDomain);
	// Read once: for the read-ahead here, and for the kinds (a failure is theirs to report).
	const forwarded = tracksPeople(route) ? extractForward(mail) : null;
	const fwd = forwarded ? await forwarded.catch(() => null) : null;
	// The kinds before contact mail's take these routes whoever sends (ordered-kinds.ts).
	const contactMail =
		route.kind === "reply" || route.kind === "other_domain"
			? null
			: contactMailIn(fromAddress, mail, config.mailDomain);
	// One instant for the email: what is read ahead for it (held mail, the day's cap) and what its kinds decide.
	const now = services.clock.now();
	const ahead = {
		...readAheadFor(route, mail, fwd, config.mailDomain, fromAddress, messageKey),
		now,
		...(route.kind === "reply" ? { tokenHash: await hashSecretToken(route.token) } : {}),
		...(contactMail && fitsAhead(contactMail) ? { contactMail } : {}),
		...(route.kind === "status" ? { status: true } : {}),
	};
	const sender = await lookupSender(services.db, fromAddress, messageKey, opts.seenAs, ahead);
	if (sender.seen) {
		return final(ignoredOutcome(null, { reason: "duplicate" }), mail, messageKey);
	}
	const effects = await runKinds(
		{
			services,
			now,
			email,
			mail,
			route,
			messageKey,
			logId: opts.logId,
			releaseHeld: opts.releaseHeld,
			known: sender.known,
			reply: sender.reply,
			contactMail: sender.contactMail,
			accountAhead: sender.accountAhead,
		},
		{ address: fromAddress, account: sender.account },
		undefined,
		forwarded,
	);
	return { effects, mail, messageKey };
}
