/** One parse per email, with postal-mime, into the plain fields the rules use. */
import PostalMime, { type Address, type Attachment, type Mailbox } from "postal-mime";
import { decodeFlowed, withoutFlowed } from "../lib/format-flowed";
import { htmlToText } from "../lib/html-to-text";
import type { MailAddress } from "../mail/mail-address";
import { type MeetingInvite, readInvites } from "./meeting-invite";

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
	/** Meeting invites and cancellations (REQUEST/CANCEL) from the calendar parts, read once. */
	invites: MeetingInvite[];
	/** Attached messages (forward as attachment), raw. */
	attachedMessages: Uint8Array[];
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

const bytesOf = (a: Attachment) =>
	typeof a.content === "string" ? new TextEncoder().encode(a.content) : new Uint8Array(a.content);

const isCalendarPart = (a: Attachment) =>
	a.mimeType === "text/calendar" || a.mimeType === "application/ics" || /\.ics$/i.test(a.filename ?? "");

export async function parseMessage(raw: Uint8Array | string): Promise<ParsedMail> {
	const flowed = withoutFlowed(raw);
	const email = await PostalMime.parse(flowed.raw, { rfc822Attachments: true });
	const plain = email.text && flowed.flowed ? decodeFlowed(email.text, flowed.delSp) : email.text;
	const text = plain?.trim() ? plain : email.html ? htmlToText(email.html) : "";
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
		text,
		html: email.html ?? null,
		attachments: email.attachments.map((a) => ({ filename: a.filename, mimeType: a.mimeType })),
		invites: readInvites(
			email.attachments.filter(isCalendarPart).map((a) => ({
				mimeType: a.mimeType,
				method: a.method ?? null,
				filename: a.filename,
				content: new TextDecoder().decode(bytesOf(a)),
			})),
		).filter((i) => i.method === "REQUEST" || i.method === "CANCEL"),
		attachedMessages: email.attachments.filter((a) => a.mimeType === "message/rfc822").map(bytesOf),
	};
}
