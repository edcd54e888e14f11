/** Turns a mail we want to send into an outbox row: our Message-ID and the headers every mail carries. */
import type { OUTBOX_KINDS, outbox } from "../db/schema";

export interface MailDraft {
	kind: (typeof OUTBOX_KINDS)[number];
	userId: string | null;
	to: string;
	subject: string;
	text: string;
	html?: string | null;
	replyTo?: string | null;
	/** Extra headers; names are lower-cased. */
	headers?: Record<string, string>;
	dedupeKey?: string | null;
}

export interface Sender {
	readonly mailFrom: string;
	readonly mailDomain: string;
}

const CRLF = /[\r\n]+/g;

/** Header values never carry line breaks: a name or subject cannot inject a header. */
export function headerSafe(value: string): string {
	return value.replace(CRLF, " ").trim();
}

export type ComposedRow = ReturnType<typeof composeOutboxRow>;

export function composeOutboxRow(draft: MailDraft, sender: Sender, ids: { id: string; now: Date }) {
	const messageId = `${ids.id}@${sender.mailDomain}`;
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(draft.headers ?? {})) {
		headers[name.toLowerCase()] = headerSafe(value);
	}
	headers["message-id"] = `<${messageId}>`;
	headers["auto-submitted"] = "auto-generated";
	return {
		id: ids.id,
		userId: draft.userId,
		kind: draft.kind,
		dedupeKey: draft.dedupeKey ?? null,
		fromAddress: sender.mailFrom,
		toAddress: headerSafe(draft.to),
		replyTo: draft.replyTo ? headerSafe(draft.replyTo) : null,
		subject: headerSafe(draft.subject),
		text: draft.text,
		html: draft.html ?? null,
		headersJson: JSON.stringify(headers),
		messageId,
		state: "pending",
		attempts: 0,
		nextAttemptAt: ids.now,
		createdAt: ids.now,
	} satisfies typeof outbox.$inferInsert;
}
