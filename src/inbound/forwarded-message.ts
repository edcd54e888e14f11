/**
 * Where forwarded emails get parsed: the original message's From/To/Cc/Date/Subject,
 * from an attached message/rfc822, or from the forward block in the text as any
 * major client writes it (email-forward-parser, 13 clients, 23 languages).
 */
import EmailForwardParser, { type EmailForwardMailbox } from "email-forward-parser";
import { logRecovered } from "../lib/log";
import { parserInput } from "../lib/parser-input";
import type { MailAddress } from "../mail/mail-address";
import { type ParsedMail, parseMessage } from "./parse-message";

export interface ForwardedOriginal {
	/** The original sender; `address` is empty when the client wrote a name only. */
	from: MailAddress | null;
	to: MailAddress[];
	cc: MailAddress[];
	subject: string;
	/** As the client wrote it (often localised), or an ISO string from an attached message. */
	dateText: string | null;
	/**
	 * Only from an attached message's Date header, which carries its offset. An inline
	 * header's text is read by forwarded-date.ts, which knows the user's timezone.
	 */
	date: Date | null;
	/** The original message's text. */
	body: string;
	/** What the user wrote above the forward. */
	note: string;
	via: "attachment" | "inline";
}

const parser = new EmailForwardParser();
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * Gmail writes the forwarding user as "me" (moi, ich, yo, io, eu) in a forwarded
 * header's To line, and the parser glues it onto the next name ("me, Bob Stone").
 * Anchored, with no nested repetition: linear.
 */
const SELF_PREFIX = /^(?:(?:me|moi|ich|yo|io|eu)\s*,\s*)+/i;
const SELF = /^(?:me|moi|ich|yo|io|eu)$/i;

function toMailbox(m: EmailForwardMailbox | null | undefined): MailAddress | null {
	if (!m) return null;
	const address = (m.address ?? "").trim().toLowerCase();
	const name = (m.name ?? "")
		.trim()
		.replace(/^["']|["']$/g, "")
		.replace(SELF_PREFIX, "");
	if (SELF.test(name) && !EMAIL.test(address)) return null;
	if (!EMAIL.test(address) && !name) return null;
	return { address: EMAIL.test(address) ? address : "", name: name === address ? "" : name };
}

const toList = (v: EmailForwardMailbox | EmailForwardMailbox[] | null | undefined): MailAddress[] =>
	(Array.isArray(v) ? v : v ? [v] : []).map(toMailbox).filter((m): m is MailAddress => m !== null);

/** Reads the forward block of a text body; the forwarding mail's subject helps Outlook-style bodies. */
export function readInlineForward(text: string, subject: string | null): ForwardedOriginal | null {
	let result: ReturnType<EmailForwardParser["read"]>;
	try {
		// Its patterns backtrack over runs of whitespace: it reads a bounded, tidied copy (issue 12).
		result = parser.read(parserInput(text), subject);
	} catch (err) {
		logRecovered("parse_fallback", err, { where: "email-forward-parser", fallback: "not a forward" });
		return null;
	}
	if (!result.forwarded) return null;
	const e = result.email;
	return {
		from: toMailbox(e.from),
		to: toList(e.to),
		cc: toList(e.cc),
		subject: (e.subject ?? "").trim(),
		dateText: e.date ?? null,
		// Not new Date(text): V8 reads a text without an offset as UTC, not the user's time.
		date: null,
		body: e.body ?? "",
		note: (result.message ?? "").trim(),
		via: "inline",
	};
}

export async function extractForward(mail: ParsedMail): Promise<ForwardedOriginal | null> {
	const attached = mail.attachedMessages[0];
	if (attached) {
		try {
			const inner = await parseMessage(attached);
			if (inner.from) {
				return {
					from: inner.from,
					to: inner.to,
					cc: inner.cc,
					subject: inner.subject,
					dateText: inner.date?.toISOString() ?? null,
					date: inner.date,
					body: inner.text,
					note: mail.text.trim(),
					via: "attachment",
				};
			}
		} catch (err) {
			// An unreadable attachment: fall back to the text body.
			logRecovered("parse_fallback", err, { where: "attached message", fallback: "the text body" });
		}
	}
	return readInlineForward(mail.text, mail.subject || null);
}
