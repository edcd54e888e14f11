/** The Contacts page: search by name or address, filter by status, each with last contact, next nudge and referrer. */
import { and, eq, like, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { keysetWindow } from "../db/keyset";
import { CONTACT_STATUSES, contacts, nudges, recentAt } from "../db/schema";
import { type Page, type PageAt, toKeysetPage } from "../lib/paging";
import { openNudge } from "./nudge-kinds";

export type ContactStatus = (typeof CONTACT_STATUSES)[number];
const referrer = alias(contacts, "referrer");

export interface ContactFilter {
	q?: string | undefined;
	status?: ContactStatus | undefined;
	at: PageAt;
}

export async function listContacts(db: Db, userId: string, filter: ContactFilter): Promise<Page<ContactRow>> {
	// Most recent first, by the key of contacts_user_(status_)recent_idx: a page reads its rows.
	const recent = recentAt(contacts);
	const { where, orderBy, limit, offset } = keysetWindow(
		{ key: recent, id: contacts.id, direction: "desc" },
		filter.at,
	);
	const conditions: SQL[] = [eq(contacts.userId, userId)];
	const q = filter.q?.trim().replace(/[%_\\]/g, "");
	if (q) {
		const pattern = `%${q}%`;
		const match = or(like(contacts.name, pattern), like(contacts.email, pattern));
		if (match) conditions.push(match);
	}
	if (filter.status) conditions.push(eq(contacts.status, filter.status));
	if (where) conditions.push(where);
	const rows = await db
		.select({
			id: contacts.id,
			name: contacts.name,
			email: contacts.email,
			status: contacts.status,
			lastContactAt: contacts.lastContactAt,
			referrerName: referrer.name,
			referrerEmail: referrer.email,
			// The thread's one open nudge (a join, not a subquery per contact), due or delivered: as Today shows it.
			nextNudgeAt: nudges.dueAt,
			recentAt: recent,
		})
		.from(contacts)
		.leftJoin(referrer, and(eq(referrer.id, contacts.referrerId), eq(referrer.userId, userId)))
		.leftJoin(
			nudges,
			// One lookup in nudges_one_open_per_contact per contact shown.
			and(eq(nudges.contactId, contacts.id), eq(nudges.userId, userId), openNudge(nudges.state)),
		)
		.where(and(...conditions))
		.orderBy(...orderBy)
		.limit(limit)
		.offset(offset);
	return toKeysetPage(
		rows.map(({ recentAt, ...r }) => ({
			...r,
			position: { key: Number(recentAt), id: r.id },
		})),
		filter.at,
		(r) => r.position,
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
	/** Where the row stands in the list (its cursor). */
	position: { key: number; id: string };
};

export const isContactStatus = (s: string | undefined): s is ContactStatus =>
	CONTACT_STATUSES.includes(s as ContactStatus);
