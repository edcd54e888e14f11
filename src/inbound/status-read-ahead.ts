/**
 * What a status@ mail reads (kinds/status.ts): a page of the open nudges (by
 * nudges_user_open_due_idx), the contacts counted up to a cap, and the mail of
 * ours the provider refused lately. Read ahead with the sender lookup when the
 * mail goes to status@ (sender-lookup.ts), keyed by the sender's address, so the
 * status answer is one read and one commit; read by user id otherwise.
 */
import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { contacts, nudges } from "../db/schema";
import { createOutboxRepo } from "../mail/outbox-repo";
import { openNudge } from "../tracking/nudge-kinds";

/** Open nudges listed; one more is read to know there are more. */
export const STATUS_LIMIT = 25;
/** Contacts are counted up to this many: the count reads one index entry per contact. */
export const COUNT_CAP = 1000;
/** How far back undeliverable mail is reported, and how much of it. */
export const FAILED_DAYS = 30;
const FAILED_LIMIT = 5;

/** The queries, for the user `userId` (an id, or a subquery that yields one). */
export function statusQueries(db: Db, userId: string | SQL, now: Date) {
	const upTo = db
		.select({ one: sql`1` })
		.from(contacts)
		.where(eq(contacts.userId, userId))
		.limit(COUNT_CAP + 1)
		.as("counted");
	return [
		db
			.select({
				kind: nudges.kind,
				dueAt: nudges.dueAt,
				dueOn: nudges.dueOn,
				note: nudges.note,
				name: contacts.name,
				email: contacts.email,
			})
			.from(nudges)
			.leftJoin(contacts, eq(contacts.id, nudges.contactId))
			.where(and(eq(nudges.userId, userId), openNudge(nudges.state)))
			.orderBy(asc(nudges.dueAt))
			.limit(STATUS_LIMIT + 1),
		db.select({ n: count() }).from(upTo),
		createOutboxRepo(db).recentFailures(userId, now, FAILED_DAYS, FAILED_LIMIT),
	] as const;
}

type Rows<Q extends readonly unknown[]> = { -readonly [K in keyof Q]: Awaited<Q[K]> };
type Results = Rows<ReturnType<typeof statusQueries>>;

export interface StatusRows {
	/** Open nudges by due time, up to STATUS_LIMIT + 1, with their contacts. */
	pending: Results[0];
	/** Contacts, counted up to COUNT_CAP + 1. */
	tracked: number;
	failed: Results[2];
}

export function statusRowsOf([pending, counted, failed]: Results): StatusRows {
	return { pending, tracked: counted[0]?.n ?? 0, failed };
}

export async function readStatus(db: Db, userId: string, now: Date): Promise<StatusRows> {
	const [pending, counted, failed] = statusQueries(db, userId, now);
	return statusRowsOf(await db.batch([pending, counted, failed]));
}
