/** Outgoing mail in development and tests: a D1 table instead of Resend. */
import { asc, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { devMailbox } from "../db/schema";
import type { Mailer, OutgoingMail } from "./mailer";

/** What the dev mailbox shows: the mail as sent, and when. */
export type DevMailboxEntry = OutgoingMail & { createdAt: string };

export function createDevMailboxMailer(db: Db, now: () => Date): Mailer {
	return {
		name: "dev-mailbox",
		/** One statement for the whole batch, as Resend takes one call. */
		async sendBatch(mails: OutgoingMail[]) {
			if (!mails.length) return [];
			const rows = mails.map((m) => ({
				id: m.id,
				from: m.from,
				to: m.to,
				replyTo: m.replyTo,
				subject: m.subject,
				text: m.text,
				html: m.html,
				headers: JSON.stringify(m.headers),
			}));
			await db.run(sql`insert or ignore into dev_mailbox (id, from_address, to_address, reply_to, subject, text, html, headers_json, created_at)
				select j.value ->> 'id', j.value ->> 'from', j.value ->> 'to', j.value ->> 'replyTo', j.value ->> 'subject', j.value ->> 'text',
					j.value ->> 'html', j.value ->> 'headers', ${now().getTime()}
				from json_each(${JSON.stringify(rows)}) j`);
			return mails.map(() => ({ ok: true as const, providerId: null }));
		},
		async send(mail: OutgoingMail) {
			// Keyed by outbox id: a retried delivery is a no-op, as Idempotency-Key is for Resend.
			await db
				.insert(devMailbox)
				.values({
					id: mail.id,
					fromAddress: mail.from,
					toAddress: mail.to,
					replyTo: mail.replyTo,
					subject: mail.subject,
					text: mail.text,
					html: mail.html,
					headersJson: JSON.stringify(mail.headers),
					createdAt: now(),
				})
				.onConflictDoNothing();
			return { ok: true, providerId: null };
		},
	};
}

/** Every dev mail, oldest first (insertion order). */
export async function listDevMailbox(db: Db): Promise<DevMailboxEntry[]> {
	const rows = await db.select().from(devMailbox).orderBy(asc(sql`rowid`));
	return rows.map((r) => ({
		id: r.id,
		from: r.fromAddress,
		to: r.toAddress,
		replyTo: r.replyTo,
		subject: r.subject,
		text: r.text,
		html: r.html,
		headers: JSON.parse(r.headersJson) as Record<string, string>,
		createdAt: r.createdAt.toISOString(),
	}));
}
