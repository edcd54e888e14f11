/**
 * The header block of a message, read before anything else: everything up to the
 * first blank line, at most MAIL_LIMITS.headerBytes, parsed with postal-mime on
 * its own. Sender authentication and the machine-mail check need nothing more,
 * so no body, attachment or calendar of an unauthenticated sender is ever parsed.
 */
import PostalMime, { type Address, type Mailbox } from "postal-mime";
import { boundedDisplayName } from "../lib/display-name";
import type { MailAddress } from "../mail/mail-address";
import type { HeaderField } from "./sender-auth";

/** Every bound on one inbound message, in one place. */
export const MAIL_LIMITS = {
	/** The header block: Cloudflare's stamp and a long Received chain fit many times over. */
	headerBytes: 128 * 1024,
	/** Header fields kept (top first, so the authentication stamp is always among them). */
	headerFields: 500,
	/** To and Cc addresses read, each. */
	recipients: 100,
	/** MIME nesting depth for the body parse. */
	nesting: 12,
	/** Attachments looked at at all. */
	parts: 64,
	/** Calendar parts read, and bytes of each. */
	calendarParts: 4,
	calendarBytes: 256 * 1024,
	/** Attached messages (forward as attachment) kept. */
	attachedMessages: 2,
} as const;

export interface MailHeaders {
	headers: HeaderField[];
	from: MailAddress | null;
	to: MailAddress[];
	cc: MailAddress[];
	subject: string;
	/** Without angle brackets. */
	messageId: string | null;
	inReplyTo: string | null;
	references: string[];
	date: Date | null;
}

export type HeaderRead = { ok: true; headers: MailHeaders } | { ok: false; why: string };

const isMailbox = (a: Address): a is Mailbox => typeof (a as Mailbox).address === "string";

/** Flattens groups, drops entries without an address, caps the list and each display name. */
export function mailboxes(list: readonly Address[] | undefined, max: number = MAIL_LIMITS.recipients): MailAddress[] {
	const out: MailAddress[] = [];
	for (const a of list ?? []) {
		for (const m of isMailbox(a) ? [a] : a.group) {
			if (out.length >= max) return out;
			const address = m.address.trim().toLowerCase();
			if (address.includes("@")) out.push({ address, name: boundedDisplayName(m.name ?? "") });
		}
	}
	return out;
}

const stripBrackets = (id: string) => id.trim().replace(/^<|>$/g, "").trim();

export function parseMessageIds(value: string | undefined): string[] {
	return (value?.match(/<[^<>]{1,998}>/g) ?? []).slice(0, 100).map(stripBrackets).filter(Boolean);
}

/** Where the header block ends (the index of its blank line), or -1 when none is within `cap` bytes. */
export function headerEnd(raw: Uint8Array, cap: number): number {
	const end = Math.min(raw.byteLength, cap);
	if (raw[0] === 10 || (raw[0] === 13 && raw[1] === 10)) return 0;
	for (let i = 0; i < end; i++) {
		if (raw[i] !== 10) continue;
		if (raw[i + 1] === 10) return i + 1;
		if (raw[i + 1] === 13 && raw[i + 2] === 10) return i + 1;
	}
	return raw.byteLength <= cap ? raw.byteLength : -1;
}

/** Reads only the header block; never throws. */
export async function readHeaders(raw: Uint8Array): Promise<HeaderRead> {
	const end = headerEnd(raw, MAIL_LIMITS.headerBytes);
	if (end < 0) return { ok: false, why: `headers longer than ${MAIL_LIMITS.headerBytes / 1024} KiB` };
	const block = new Uint8Array(end + 2);
	block.set(raw.subarray(0, end));
	block.set([13, 10], end);
	try {
		const email = await PostalMime.parse(block, { maxHeadersSize: MAIL_LIMITS.headerBytes + 2, maxNestingDepth: 1 });
		return { ok: true, headers: headersOf(email) };
	} catch (err) {
		return { ok: false, why: err instanceof Error ? err.message.slice(0, 200) : "unknown error" };
	}
}

export function headersOf(email: Awaited<ReturnType<typeof PostalMime.parse>>): MailHeaders {
	const date = email.date ? new Date(email.date) : null;
	return {
		headers: email.headers.slice(0, MAIL_LIMITS.headerFields).map((h) => ({ key: h.key, value: h.value })),
		from: mailboxes(email.from ? [email.from] : undefined, 1)[0] ?? null,
		to: mailboxes(email.to),
		cc: mailboxes(email.cc),
		subject: (email.subject ?? "").trim(),
		messageId: email.messageId ? stripBrackets(email.messageId) || null : null,
		inReplyTo: parseMessageIds(email.inReplyTo)[0] ?? null,
		references: parseMessageIds(email.references),
		date: date && !Number.isNaN(date.getTime()) ? date : null,
	};
}

/**
 * The Message-IDs a mail answers: In-Reply-To, then References, once each. The read-ahead and the
 * kinds must ask for the same list (a read ahead serves a lookup only when it covers every id).
 */
export const referencedIds = (m: { inReplyTo: string | null; references: readonly string[] }): string[] => [
	...new Set([...(m.inReplyTo ? [m.inReplyTo] : []), ...m.references]),
];
