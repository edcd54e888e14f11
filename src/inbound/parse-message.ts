/**
 * The body parse, with postal-mime, into the plain fields the rules use. It runs
 * only once the sender is authenticated (see process-inbound.ts); the header
 * block was read on its own before (mail-headers.ts). Every part is bounded:
 * nesting depth, attachments looked at, calendar parts and their bytes,
 * attached messages.
 */
import PostalMime, { type Attachment } from "postal-mime";
import { decodeFlowed, withoutFlowed } from "../lib/format-flowed";
import { htmlToText } from "../lib/html-to-text";
import { headersOf, MAIL_LIMITS, type MailHeaders } from "./mail-headers";
import { type MeetingInvite, readInvites } from "./meeting-invite";

export { mailboxes, parseMessageIds } from "./mail-headers";

export interface ParsedMail extends MailHeaders {
	text: string;
	html: string | null;
	attachments: { filename: string | null; mimeType: string }[];
	/** Meeting invites and cancellations (REQUEST/CANCEL) from the calendar parts, read once. */
	invites: MeetingInvite[];
	/** Attached messages (forward as attachment), raw. */
	attachedMessages: Uint8Array[];
}

const bytesOf = (a: Attachment) =>
	typeof a.content === "string" ? new TextEncoder().encode(a.content) : new Uint8Array(a.content);

const isCalendarPart = (a: Attachment) =>
	a.mimeType === "text/calendar" ||
	a.mimeType === "application/ics" ||
	(a.filename ?? "").toLowerCase().endsWith(".ics");

/** The whole message. Throws on what postal-mime cannot read (the caller refuses the mail). */
export async function parseMessage(raw: Uint8Array | string): Promise<ParsedMail> {
	const flowed = withoutFlowed(raw);
	const email = await PostalMime.parse(flowed.raw, {
		rfc822Attachments: true,
		maxNestingDepth: MAIL_LIMITS.nesting,
		maxHeadersSize: MAIL_LIMITS.headerBytes,
	});
	const plain = email.text && flowed.flowed ? decodeFlowed(email.text, flowed.delSp) : email.text;
	const text = plain?.trim() ? plain : email.html ? htmlToText(email.html) : "";
	const parts = email.attachments.slice(0, MAIL_LIMITS.parts);
	const calendars = parts
		.filter(isCalendarPart)
		.slice(0, MAIL_LIMITS.calendarParts)
		.map((a) => ({ a, bytes: bytesOf(a) }))
		.filter(({ bytes }) => bytes.byteLength <= MAIL_LIMITS.calendarBytes);
	return {
		...headersOf(email),
		text,
		html: email.html ?? null,
		attachments: parts.map((a) => ({ filename: a.filename, mimeType: a.mimeType })),
		invites: readInvites(
			calendars.map(({ a, bytes }) => ({
				mimeType: a.mimeType,
				method: a.method ?? null,
				filename: a.filename,
				content: new TextDecoder().decode(bytes),
			})),
		).filter((i) => i.method === "REQUEST" || i.method === "CANCEL"),
		attachedMessages: parts
			.filter((a) => a.mimeType === "message/rfc822")
			.slice(0, MAIL_LIMITS.attachedMessages)
			.map(bytesOf),
	};
}
