/** Outgoing mail in development and tests: a D1 table instead of Resend. */
import { asc, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { devMailbox } from "../db/schema";
import type { Mailer, OutgoingMail } from "./mailer";

export interface DevMailboxEntry {
	id: string;
	from: string;
	to: string;
	replyTo: string | null;
	subject: string;
	text: string;
	html: string | null;
	headers: Record<string, string>;
	createdAt: string;
}

export function createDevMailboxMailer(db: Db, now: () => Date): Mailer {
	return {
		name: "dev-mailbox",
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
