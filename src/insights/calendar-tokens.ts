/**
 * The secret calendar feed address: one per user at a time, stored only as a
 * hash in the tokens table (purpose "calendar"), revocable from Settings.
 * Making a new one retires the old one.
 */
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { contacts, nudges, threads, tokens, users } from "../db/schema";
import { newId } from "../lib/crypto";
import { hashSecretToken, newSecretToken } from "../lib/secret-token";
import { inDays } from "../time/local-time";
import { openNudge } from "../tracking/nudge-kinds";
import type { FeedNudge } from "./calendar-feed";

/** A feed is polled by calendar apps for years; it lasts until revoked (or ten years). */
const FEED_DAYS = 3650;
const SECRET = /^[a-z2-7]{26}$/;
/** A calendar does not need more than this many open items; the oldest due come first. */
export const FEED_LIMIT = 1000;

export function createCalendarTokenRepo(db: Db) {
	const live = (userId: string, now: Date) =>
		and(eq(tokens.userId, userId), eq(tokens.purpose, "calendar"), isNull(tokens.usedAt), gt(tokens.expiresAt, now));
	return {
		/** A new secret; any earlier feed address stops working in the same batch. */
		async create(userId: string, now: Date): Promise<string> {
			const secret = newSecretToken();
			await db.batch([
				db.update(tokens).set({ usedAt: now }).where(live(userId, now)),
				db.insert(tokens).values({
					id: newId(),
					userId,
					purpose: "calendar",
					tokenHash: await hashSecretToken(secret),
					label: "Calendar feed",
					expiresAt: inDays(now, FEED_DAYS),
					createdAt: now,
				}),
			]);
			return secret;
		},

		async current(userId: string, now: Date): Promise<{ createdAt: Date } | null> {
			const rows = await db
				.select({ createdAt: tokens.createdAt })
				.from(tokens)
				.where(live(userId, now))
				.orderBy(desc(tokens.createdAt))
				.limit(1);
			return rows[0] ?? null;
		},

		async revoke(userId: string, now: Date): Promise<boolean> {
			const rows = await db.update(tokens).set({ usedAt: now }).where(live(userId, now)).returning({ id: tokens.id });
			return rows.length > 0;
		},

		async userFor(secret: string, now: Date) {
			if (!SECRET.test(secret)) return null;
			const rows = await db
				.select({ user: users })
				.from(tokens)
				.innerJoin(users, eq(users.id, tokens.userId))
				.where(
					and(
						eq(tokens.tokenHash, await hashSecretToken(secret)),
						eq(tokens.purpose, "calendar"),
						isNull(tokens.usedAt),
						gt(tokens.expiresAt, now),
					),
				)
				.limit(1);
			return rows[0]?.user ?? null;
		},
	};
}

/** The user's open nudges (pending, delivered and not acted on, snoozed), soonest first. */
export function openNudgesForFeed(db: Db, userId: string): Promise<FeedNudge[]> {
	return (
		db
			.select({
				id: nudges.id,
				kind: nudges.kind,
				dueAt: nudges.dueAt,
				dueOn: nudges.dueOn,
				note: nudges.note,
				contactId: nudges.contactId,
				contactName: contacts.name,
				contactEmail: contacts.email,
				subject: threads.subject,
			})
			.from(nudges)
			.leftJoin(contacts, eq(contacts.id, nudges.contactId))
			.leftJoin(threads, eq(threads.id, nudges.threadId))
			// As nudges_user_open_due_idx says it: the feed reads its rows in order, not every open one.
			.where(and(eq(nudges.userId, userId), openNudge(nudges.state)))
			.orderBy(asc(nudges.dueAt), asc(nudges.id))
			.limit(FEED_LIMIT)
	);
}
