/** D1 access for the outbox: claim due rows with a lease, then record what happened. */
import { and, asc, desc, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { outbox } from "../db/schema";
import type { ComposedRow } from "./compose";
import type { OutgoingMail } from "./mailer";

export type OutboxRow = typeof outbox.$inferSelect;

/** What sending needs of a row: the mail, its batch and how often it was tried. */
export type Sendable = Pick<
	OutboxRow,
	"id" | "fromAddress" | "toAddress" | "replyTo" | "subject" | "text" | "html" | "headersJson" | "attempts" | "batchId"
>;

export interface DeliveryRecord {
	id: string;
	state: "sent" | "pending" | "failed";
	attempts: number;
	providerId: string | null;
	/** For a retry: when, in epoch ms. */
	nextAttemptAt: number | null;
	error: string | null;
}

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
				// A batch's rows share their due time: taken in order, they stay together.
				.orderBy(asc(outbox.nextAttemptAt), asc(outbox.batchId), asc(outbox.id))
				.limit(limit);
			return db
				.update(outbox)
				.set({ state: "sending", leaseUntil: new Date(now.getTime() + LEASE_MS) })
				.where(and(inArray(outbox.id, due), claimable(now)))
				.returning();
		},

		/**
		 * Mail to this user the provider refused for good in the last `days`, most recent first.
		 * `userId` may be a subquery: status@ reads it ahead, before the user's id is known.
		 */
		recentFailures(userId: string | SQL, now: Date, days: number, limit: number) {
			return db
				.select({ kind: outbox.kind, subject: outbox.subject, createdAt: outbox.createdAt, error: outbox.lastError })
				.from(outbox)
				.where(
					and(
						eq(outbox.userId, userId),
						eq(outbox.state, "failed"),
						gte(outbox.createdAt, new Date(now.getTime() - days * 86_400_000)),
					),
				)
				.orderBy(desc(outbox.createdAt))
				.limit(limit);
		},

		/**
		 * Records what happened to each claimed row in one statement. Only rows still
		 * `sending` change: a row another tick took over after our lease ran out is its.
		 */
		async record(now: Date, results: DeliveryRecord[]) {
			if (!results.length) return;
			// Each result finds its row by id (the `+` keeps SQLite off outbox_state_next_idx, with which
			// it read every row being sent once per result: rows read grew with the square of a tick's mail).
			await db.run(sql`update outbox set
					state = r.state,
					attempts = r.attempts,
					provider_id = coalesce(r.provider_id, outbox.provider_id),
					sent_at = case when r.state = 'sent' then ${now.getTime()} else outbox.sent_at end,
					next_attempt_at = coalesce(r.next_attempt_at, outbox.next_attempt_at),
					last_error = r.error,
					lease_until = null
				from (select j.value ->> 'id' as id, j.value ->> 'state' as state, j.value ->> 'attempts' as attempts,
						j.value ->> 'providerId' as provider_id, j.value ->> 'nextAttemptAt' as next_attempt_at, j.value ->> 'error' as error
					from json_each(${JSON.stringify(results)}) j) as r
				where outbox.id = r.id and +outbox.state = 'sending'`);
		},
	};
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;

/** A row this run just wrote, leased to it, as the sender needs it. */
export const freshSendable = (row: ComposedRow, batchId: string): Sendable => ({ ...row, batchId });

export function toOutgoingMail(row: Sendable): OutgoingMail {
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
