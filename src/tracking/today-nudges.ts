/** The Today page's list: each thread's one open nudge, soonest first (delivered ones stay until acted on). */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { contacts, nudges, threads } from "../db/schema";
import { type Page, pageWindow, toPage } from "../lib/paging";
import { OPEN_NUDGE_STATES } from "./nudge-kinds";

const referrer = alias(contacts, "referrer");

export async function todayNudges(db: Db, userId: string, _now: Date, page: number): Promise<Page<TodayNudge>> {
	return toPage(await todayRows(db, userId, page), page);
}

function todayRows(db: Db, userId: string, page: number) {
	const { limit, offset } = pageWindow(page);
	return (
		db
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
				createdAt:
					sql<Date>`case when ${nudges.kind} = 'reach_out' then coalesce(${contacts.introducedAt}, ${nudges.createdAt}) else ${nudges.createdAt} end`.mapWith(
						nudges.createdAt,
					),
			})
			.from(nudges)
			.leftJoin(contacts, eq(contacts.id, nudges.contactId))
			.leftJoin(threads, eq(threads.id, nudges.threadId))
			.leftJoin(referrer, eq(referrer.id, contacts.referrerId))
			// Each thread's one open nudge: undelivered, or delivered and not yet acted on.
			.where(and(eq(nudges.userId, userId), inArray(nudges.state, OPEN_NUDGE_STATES)))
			.orderBy(asc(nudges.dueAt), asc(nudges.id))
			.limit(limit)
			.offset(offset)
	);
}

export type TodayNudge = Awaited<ReturnType<typeof todayRows>>[number];
