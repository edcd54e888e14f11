/** The Today page's list: what is due now (or was just sent and not yet done), then what is coming. */
import { and, asc, eq, gte, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { contacts, nudges, threads } from "../db/schema";
import { type Page, pageWindow, toPage } from "../lib/paging";
import { inDays } from "../time/local-time";
import { OPEN_NUDGE_STATES } from "./nudge-kinds";

const referrer = alias(contacts, "referrer");

/** A delivered nudge stays on Today this long, until it is marked done or snoozed. */
const SENT_STAYS_DAYS = 7;

export async function todayNudges(db: Db, userId: string, now: Date, page: number): Promise<Page<TodayNudge>> {
	return toPage(await todayRows(db, userId, now, page), page);
}

function todayRows(db: Db, userId: string, now: Date, page: number) {
	const { limit, offset } = pageWindow(page);
	return db
		.select({
			id: nudges.id,
			kind: nudges.kind,
			state: nudges.state,
			dueAt: nudges.dueAt,
			attempt: nudges.attempt,
			note: nudges.note,
			contactId: nudges.contactId,
			contactName: contacts.name,
			contactEmail: contacts.email,
			subject: threads.subject,
			referrerName: referrer.name,
			lastOutboundAt: threads.lastOutboundAt,
			lastInboundAt: threads.lastInboundAt,
			createdAt: nudges.createdAt,
		})
		.from(nudges)
		.leftJoin(contacts, eq(contacts.id, nudges.contactId))
		.leftJoin(threads, eq(threads.id, nudges.threadId))
		.leftJoin(referrer, eq(referrer.id, contacts.referrerId))
		.where(
			and(
				eq(nudges.userId, userId),
				or(
					inArray(nudges.state, OPEN_NUDGE_STATES),
					and(eq(nudges.state, "sent"), gte(nudges.sentAt, inDays(now, -SENT_STAYS_DAYS))),
				),
			),
		)
		.orderBy(asc(nudges.dueAt), asc(nudges.id))
		.limit(limit)
		.offset(offset);
}

export type TodayNudge = Awaited<ReturnType<typeof todayRows>>[number];
