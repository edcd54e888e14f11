/** The Today page's list: each thread's one open nudge, soonest first (delivered ones stay until acted on). */
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { keysetWindow } from "../db/keyset";
import { contacts, nudges, threads } from "../db/schema";
import { type Page, type PageAt, toKeysetPage } from "../lib/paging";
import { openNudge } from "./nudge-kinds";

const referrer = alias(contacts, "referrer");

export async function todayNudges(db: Db, userId: string, _now: Date, at: PageAt): Promise<Page<TodayNudge>> {
	return toKeysetPage(await todayRows(db, userId, at), at, (n) => ({ key: n.dueAt.getTime(), id: n.id }));
}

function todayRows(db: Db, userId: string, at: PageAt) {
	// Soonest first, in nudges_user_open_due_idx's order: a page reads its own rows.
	const { where, orderBy, limit, offset } = keysetWindow({ key: nudges.dueAt, id: nudges.id, direction: "asc" }, at);
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
				threadKind: threads.kind,
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
			.where(and(eq(nudges.userId, userId), openNudge(nudges.state), where))
			.orderBy(...orderBy)
			.limit(limit)
			.offset(offset)
	);
}

export type TodayNudge = Awaited<ReturnType<typeof todayRows>>[number];
