/**
 * What more mail from a pending account's address needs (inbound/kinds/unconfirmed-sender.ts):
 * how much of its mail is held, and whether its verification token is still live. As columns of
 * the sender's account row (inbound/sender-lookup.ts): evaluated only when that address is not
 * confirmed, so a confirmed sender reads nothing more, and a pending one no more round trips.
 */
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { heldMail, tokens, userAddresses, users } from "../db/schema";

export interface PendingHold {
	/** Held mail still kept (expired rows wait for the purge and no longer count). */
	held: number;
	/** A verification token not used and not expired: the mail that carries it still works. */
	liveToken: boolean;
}

/** For a select from user_addresses joined to users: the hold, or nulls for a confirmed address. */
export function pendingHoldColumns(db: Db, now: Date) {
	const pending = sql`(${userAddresses.verifiedAt} is null or ${users.status} = 'pending')`;
	const held = db
		.select({ n: count() })
		.from(heldMail)
		.where(and(eq(heldMail.userId, users.id), gt(heldMail.expiresAt, now)));
	const live = db
		.select({ one: sql`1` })
		.from(tokens)
		.where(
			and(eq(tokens.userId, users.id), eq(tokens.purpose, "verify"), isNull(tokens.usedAt), gt(tokens.expiresAt, now)),
		);
	return {
		heldCount: sql<number | null>`case when ${pending} then ${held} end`.as("held_count"),
		liveToken: sql<number | null>`case when ${pending} then exists ${live} end`.as("live_token"),
	};
}

/** The hold from those columns; null for a confirmed address. */
export function pendingHoldOf(row: { heldCount: number | null; liveToken: number | null }): PendingHold | null {
	return row.heldCount === null || row.liveToken === null
		? null
		: { held: row.heldCount, liveToken: row.liveToken === 1 };
}
