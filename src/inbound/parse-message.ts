/** One parse per email, with postal-mime, into the plain fields the rules use. */
import PostalMime, { type Address, type Email, type Mailbox } from "postal-mime";

export interface MailAddress {
	address: string;
	name: string;
}

export interface ParsedMail {
	headers: { key: string; value: string }[];
	from: MailAddress | null;
	to: MailAddress[];
	cc: MailAddress[];
	subject: string;
	/** Without angle brackets. */
	messageId: string | null;
	inReplyTo: string | null;
	references: string[];
	date: Date | null;
	text: string;
	html: string | null;
	attachments: { filename: string | null; mimeType: string }[];
	/** The parsed message, for parsers of special parts (calendar, forwards). */
	email: Email;
}

const isMailbox = (a: Address): a is Mailbox => typeof (a as Mailbox).address === "string";

/** Flattens groups and drops entries without an address. */
export function mailboxes(list: readonly Address[] | undefined): MailAddress[] {
	const out: MailAddress[] = [];
	for (const a of list ?? []) {
		const members = isMailbox(a) ? [a] : a.group;
		for (const m of members) {
			const address = m.address.trim().toLowerCase();
			if (address.includes("@")) out.push({ address, name: (m.name ?? "").trim() });
		}
	}
	return out;
}

const stripBrackets = (id: string) => id.trim().replace(/^<|>$/g, "").trim();

export function parseMessageIds(value: string | undefined): string[] {
	return (value?.match(/<[^<>]+>/g) ?? []).map(stripBrackets).filter(Boolean);
}

export async function parseMessage(raw: Uint8Array): Promise<ParsedMail> {
	const email = await PostalMime.parse(raw, { rfc822Attachments: true });
	const date = email.date ? new Date(email.date) : null;
	return {
		headers: email.headers.map((h) => ({ key: h.key, value: h.value })),
		from: mailboxes(email.from ? [email.from] : undefined)[0] ?? null,
		to: mailboxes(email.to),
		cc: mailboxes(email.cc),
		subject: (email.subject ?? "").trim(),
		messageId: email.messageId ? stripBrackets(email.messageId) || null : null,
		inReplyTo: parseMessageIds(email.inReplyTo)[0] ?? null,
		references: parseMessageIds(email.references),
		date: date && !Number.isNaN(date.getTime()) ? date : null,
		text: email.text ?? "",
		html: email.html ?? null,
		attachments: email.attachments.map((a) => ({ filename: a.filename, mimeType: a.mimeType })),
		email,
	};
}
