/** One contact, scoped to its user: who referred them, their nudges and threads, and a paged timeline. */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { contacts, messages, nudges, threads } from "../db/schema";
import { type Page, pageWindow, toPage } from "../lib/paging";

export const NOTES_MAX = 2000;

export async function contactDetail(db: Db, userId: string, contactId: string) {
	const [contact] = await db
		.select()
		.from(contacts)
		.where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
		.limit(1);
	if (!contact) return null;
	const [referrer] = contact.referrerId
		? await db
				.select({ id: contacts.id, name: contacts.name, email: contacts.email })
				.from(contacts)
				.where(and(eq(contacts.userId, userId), eq(contacts.id, contact.referrerId)))
		: [];
	const theirNudges = await db
		.select()
		.from(nudges)
		.where(and(eq(nudges.userId, userId), eq(nudges.contactId, contactId)))
		.orderBy(desc(nudges.dueAt))
		.limit(NUDGES_MAX);
	return { contact, referrer: referrer ?? null, nudges: theirNudges };
}

/** The contact's threads, newest first (the API's contact carries them; the page shows the timeline). */
export function contactThreads(db: Db, userId: string, contactId: string) {
	return db
		.select()
		.from(threads)
		.where(and(eq(threads.userId, userId), eq(threads.contactId, contactId)))
		.orderBy(desc(threads.createdAt))
		.limit(50);
}

/** The contact's latest nudges returned with the contact (the timeline pages through all of them). */
export const NUDGES_MAX = 100;

export interface TimelineEntry {
	type: "mail" | "nudge";
	/** Mail: "outbound" or "inbound"; nudge: its kind. */
	what: string;
	/** Mail: the subject; nudge: its state. */
	title: string;
	detail: string | null;
	at: Date;
}

/**
 * Mail with the contact and nudges about them, newest first, one page at a time.
 * Mail to several people is stored once, so it is found by thread, sender or recipient.
 */
export async function contactTimeline(
	db: Db,
	userId: string,
	contact: { id: string; email: string },
	page: number,
): Promise<Page<TimelineEntry>> {
	const { limit, offset } = pageWindow(page);
	const email = contact.email.toLowerCase();
	const rows = await db.all<{
		type: "mail" | "nudge";
		what: string;
		title: string;
		detail: string | null;
		at: number;
	}>(sql`
		select * from (
			select 'mail' as type, m.direction as what, m.subject as title, m.snippet as detail, coalesce(m.sent_at, m.created_at) as at
			from ${messages} m
			where m.user_id = ${userId} and (
				m.thread_id in (select t.id from ${threads} t where t.user_id = ${userId} and t.contact_id = ${contact.id})
				or lower(m.from_address) = ${email}
				or exists (select 1 from json_each(m.to_json) j where lower(j.value ->> 'address') = ${email})
				or exists (select 1 from json_each(m.cc_json) j where lower(j.value ->> 'address') = ${email}))
			union all
			select 'nudge', n.kind, n.state, n.note, coalesce(n.sent_at, n.due_at)
			from ${nudges} n where n.user_id = ${userId} and n.contact_id = ${contact.id}
		) order by at desc limit ${limit} offset ${offset}`);
	return toPage(
		rows.map((r) => ({ ...r, at: new Date(Number(r.at)) })),
		page,
	);
}

export type ContactDetail = NonNullable<Awaited<ReturnType<typeof contactDetail>>>;

/** Saves the user's notes on a contact; false when the contact is not theirs. */
export async function saveNotes(db: Db, userId: string, contactId: string, notes: string, now: Date) {
	const rows = await db
		.update(contacts)
		.set({ notes: notes.slice(0, NOTES_MAX), updatedAt: now })
		.where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
		.returning({ id: contacts.id });
	return rows.length > 0;
}
