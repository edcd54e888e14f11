/**
 * What we promise to delete, deleted (DESIGN.md, Trust and safety), by the cron
 * after each tick: held mail 7 days after it came; pending accounts nobody
 * confirmed (7 days old, and no verification still live), with everything of
 * theirs; expired tokens (reply addresses, verification and add-address
 * requests, sign-in links, API tokens); expired sessions; sign-in rate-limit
 * rows older than a day. Each statement deletes at most its batch size, through
 * an index, so a tick's cost is bounded; what is left goes on the next tick.
 */
import { and, eq, gt, inArray, lt, lte, notExists } from "drizzle-orm";
import type { Db } from "../db/client";
import { heldMail, sessions, signInAttempts, tokens, users } from "../db/schema";
import { HOLD_DAYS } from "./pending-account";

/** Rows per statement and tick. Held mail rows are up to 1 MiB each, so fewer of them. */
export const PURGE_BATCH = { pendingAccounts: 100, heldMail: 50, tokens: 1000, sessions: 500, signInAttempts: 500 };

export type PurgeCounts = Record<keyof typeof PURGE_BATCH, number>;

const DAY_MS = 86_400_000;

export async function purgeExpired(db: Db, now: Date, batch = PURGE_BATCH): Promise<PurgeCounts> {
	const stalePending = db
		.select({ id: users.id })
		.from(users)
		.where(
			and(
				eq(users.status, "pending"),
				lt(users.createdAt, new Date(now.getTime() - HOLD_DAYS * DAY_MS)),
				notExists(
					db
						.select({ id: tokens.id })
						.from(tokens)
						.where(and(eq(tokens.userId, users.id), eq(tokens.purpose, "verify"), gt(tokens.expiresAt, now))),
				),
			),
		)
		.limit(batch.pendingAccounts);
	const expiredHeld = db
		.select({ id: heldMail.id })
		.from(heldMail)
		.where(lte(heldMail.expiresAt, now))
		.limit(batch.heldMail);
	const expiredTokens = db.select({ id: tokens.id }).from(tokens).where(lte(tokens.expiresAt, now)).limit(batch.tokens);
	const expiredSessions = db
		.select({ id: sessions.id })
		.from(sessions)
		.where(lte(sessions.expiresAt, now))
		.limit(batch.sessions);
	const oldAttempts = db
		.select({ id: signInAttempts.id })
		.from(signInAttempts)
		.where(lt(signInAttempts.createdAt, new Date(now.getTime() - DAY_MS)))
		.limit(batch.signInAttempts);
	const [pendingAccounts, held, tokenRows, sessionRows, attempts] = await db.batch([
		// Cascades to the account's address, held mail, tokens, log rows and our mail to it.
		db.delete(users).where(inArray(users.id, stalePending)).returning({ id: users.id }),
		db.delete(heldMail).where(inArray(heldMail.id, expiredHeld)).returning({ id: heldMail.id }),
		db.delete(tokens).where(inArray(tokens.id, expiredTokens)).returning({ id: tokens.id }),
		db.delete(sessions).where(inArray(sessions.id, expiredSessions)).returning({ id: sessions.id }),
		db.delete(signInAttempts).where(inArray(signInAttempts.id, oldAttempts)).returning({ id: signInAttempts.id }),
	]);
	return {
		pendingAccounts: pendingAccounts.length,
		heldMail: held.length,
		tokens: tokenRows.length,
		sessions: sessionRows.length,
		signInAttempts: attempts.length,
	};
}
