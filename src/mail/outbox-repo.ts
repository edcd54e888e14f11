/** D1 access for the outbox: claim due rows with a lease, then record what happened. */
import { and, asc, eq, inArray, lte, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { outbox } from "../db/schema";
import type { OutgoingMail } from "./mailer";

export type OutboxRow = typeof outbox.$inferSelect;

/** A tick that dies mid-send leaves rows `sending`; after this long another tick may take them. */
export const LEASE_MS = 10 * 60_000;

const claimable = (now: Date) =>
	or(
		and(eq(outbox.state, "pending"), lte(outbox.nextAttemptAt, now)),
		and(eq(outbox.state, "sending"), lte(outbox.leaseUntil, now)),
	);

export function createOutboxRepo(db: Db) {
	return {
		insert(row: typeof outbox.$inferInsert) {
			return db.insert(outbox).values(row);
		},

		/**
		 * Takes up to `limit` due rows in one conditional UPDATE. Two ticks running at
		 * once cannot both take a row: SQLite applies the statement atomically.
		 */
		async claimDue(now: Date, limit: number): Promise<OutboxRow[]> {
			const due = db
				.select({ id: outbox.id })
				.from(outbox)
				.where(claimable(now))
				.orderBy(asc(outbox.nextAttemptAt))
				.limit(limit);
			return db
				.update(outbox)
				.set({ state: "sending", leaseUntil: new Date(now.getTime() + LEASE_MS) })
				.where(and(inArray(outbox.id, due), claimable(now)))
				.returning();
		},

		async markSent(id: string, attempts: number, providerId: string | null, now: Date) {
			await db
				.update(outbox)
				.set({ state: "sent", attempts, providerId, sentAt: now, leaseUntil: null, lastError: null })
				.where(and(eq(outbox.id, id), eq(outbox.state, "sending")));
		},

		async markRetry(id: string, attempts: number, at: Date, error: string) {
			await db
				.update(outbox)
				.set({ state: "pending", attempts, nextAttemptAt: at, leaseUntil: null, lastError: error })
				.where(and(eq(outbox.id, id), eq(outbox.state, "sending")));
		},

		async markFailed(id: string, attempts: number, error: string) {
			await db
				.update(outbox)
				.set({ state: "failed", attempts, leaseUntil: null, lastError: error })
				.where(and(eq(outbox.id, id), eq(outbox.state, "sending")));
		},
	};
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;

export function toOutgoingMail(row: OutboxRow): OutgoingMail {
	return {
		id: row.id,
		from: row.fromAddress,
		to: row.toAddress,
		replyTo: row.replyTo,
		subject: row.subject,
		text: row.text,
		html: row.html,
		headers: JSON.parse(row.headersJson) as Record<string, string>,
	};
}
