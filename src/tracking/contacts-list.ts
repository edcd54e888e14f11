/** The Contacts page: search by name or address, filter by status, each with last contact, next nudge and referrer. */
import { and, asc, desc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { CONTACT_STATUSES, contacts, nudges } from "../db/schema";
import { type Page, pageWindow, toPage } from "../lib/paging";
import { OPEN_NUDGE_STATES } from "./nudge-kinds";

export type ContactStatus = (typeof CONTACT_STATUSES)[number];
const referrer = alias(contacts, "referrer");

export interface ContactFilter {
	q?: string | undefined;
	status?: ContactStatus | undefined;
	page: number;
}

export async function listContacts(db: Db, userId: string, filter: ContactFilter): Promise<Page<ContactRow>> {
	const { limit, offset } = pageWindow(filter.page);
	const conditions: SQL[] = [eq(contacts.userId, userId)];
	const q = filter.q?.trim().replace(/[%_\\]/g, "");
	if (q) {
		const pattern = `%${q}%`;
		const match = or(like(contacts.name, pattern), like(contacts.email, pattern));
		if (match) conditions.push(match);
	}
	if (filter.status) conditions.push(eq(contacts.status, filter.status));
	// The thread's one open nudge (a join, not a subquery per contact): when it is
	// next in front of the user; a delivered one, when its next rung comes.
	const nextNudge = sql<
		number | null
	>`case when ${nudges.state} = 'sent' then ${nudges.wakeAt} else ${nudges.dueAt} end`;
	const rows = await db
		.select({
			id: contacts.id,
			name: contacts.name,
			email: contacts.email,
			status: contacts.status,
			lastContactAt: contacts.lastContactAt,
			referrerName: referrer.name,
			referrerEmail: referrer.email,
			nextNudgeAt: nextNudge,
		})
		.from(contacts)
		.leftJoin(referrer, and(eq(referrer.id, contacts.referrerId), eq(referrer.userId, userId)))
		.leftJoin(
			nudges,
			and(eq(nudges.contactId, contacts.id), eq(nudges.userId, userId), inArray(nudges.state, OPEN_NUDGE_STATES)),
		)
		.where(and(...conditions))
		.orderBy(desc(sql`coalesce(${contacts.lastContactAt}, ${contacts.createdAt})`), asc(contacts.id))
		.limit(limit)
		.offset(offset);
	return toPage(
		rows.map((r) => ({ ...r, nextNudgeAt: r.nextNudgeAt === null ? null : new Date(Number(r.nextNudgeAt)) })),
		filter.page,
	);
}

export type ContactRow = {
	id: string;
	name: string | null;
	email: string;
	status: ContactStatus;
	lastContactAt: Date | null;
	referrerName: string | null;
	referrerEmail: string | null;
	nextNudgeAt: Date | null;
};

export const isContactStatus = (s: string | undefined): s is ContactStatus =>
	CONTACT_STATUSES.includes(s as ContactStatus);
