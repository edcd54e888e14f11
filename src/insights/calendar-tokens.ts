/**
 * The secret calendar feed address: one per user at a time, stored only as a
 * hash in the tokens table (purpose "calendar"), revocable from Settings.
 * Making a new one retires the old one.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { hashedTokens } from "../db/hashed-tokens";
import { contacts, nudges, threads, tokens } from "../db/schema";
import { inDays } from "../time/local-time";
import { openNudge } from "../tracking/nudge-kinds";
import type { FeedNudge } from "./calendar-feed";

/** A feed is polled by calendar apps for years; it lasts until revoked (or ten years). */
const FEED_DAYS = 3650;
const SECRET = /^[a-z2-7]{26}$/;
/** A calendar does not need more than this many open items; the oldest due come first. */
export const FEED_LIMIT = 1000;

export function createCalendarTokenRepo(db: Db) {
	const held = hashedTokens(db, "calendar");
	return {
		/** A new secret; any earlier feed address stops working in the same batch. */
		async create(userId: string, now: Date): Promise<string> {
			const { secret, insert } = await held.mint(userId, "Calendar feed", inDays(now, FEED_DAYS), now);
			await db.batch([db.update(tokens).set({ usedAt: now }).where(held.live(userId, now)), insert]);
			return secret;
		},

		async current(userId: string, now: Date): Promise<{ createdAt: Date } | null> {
			const rows = await db
				.select({ createdAt: tokens.createdAt })
				.from(tokens)
				.where(held.live(userId, now))
				.orderBy(desc(tokens.createdAt))
				.limit(1);
			return rows[0] ?? null;
		},

		revoke: (userId: string, now: Date) => held.revoke(userId, now),

		userFor(secret: string, now: Date) {
			return SECRET.test(secret) ? held.userFor(secret, now) : Promise.resolve(null);
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
