/** One contact, scoped to its user: who referred them, their nudges and threads, and a paged timeline. */
import { and, desc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { keysetWindow } from "../db/keyset";
import { contacts, messagePeople, messages, nudges, threads } from "../db/schema";
import { type Page, type PageAt, toKeysetPage } from "../lib/paging";
import { FOLLOW_UP_KINDS } from "./nudge-kinds";

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

/**
 * The contact's threads, newest first (the API's contact carries them; the page shows the timeline),
 * each with `attempts`: the follow-ups delivered on it (the ladder's rungs live on its nudges).
 */
export function contactThreads(db: Db, userId: string, contactId: string) {
	return db
		.select({
			...getTableColumns(threads),
			// "threads"."id" written out: drizzle renders a one-table select's columns unqualified, and
			// inside this subquery a bare "id" would be the nudge's.
			attempts: sql<number>`(select count(*) from ${nudges} n where n.thread_id = "threads"."id"
				and n.user_id = ${userId} and n.kind in ${FOLLOW_UP_KINDS} and n.sent_at is not null)`.mapWith(Number),
		})
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
	/** Inbound mail from someone else than the contact (an introducer): their name or address. */
	sender: string | null;
	at: Date;
	id: string;
}

/**
 * Mail with the contact and nudges about them, newest first, one page at a time.
 * Mail to several people is stored once; message_people says whom it names, so it is
 * found by the contact's address (or their threads) through indexes. Each part reads
 * at most a page from its cursor, then the parts are merged.
 */
export async function contactTimeline(
	db: Db,
	userId: string,
	contact: { id: string; email: string },
	at: PageAt,
): Promise<Page<TimelineEntry>> {
	const email = contact.email.toLowerCase();
	// The page window of each part: ordered by (at, id) newest first, from the cursor.
	const part = (key: SQL, id: SQL) => {
		const w = keysetWindow({ key, id, direction: "desc" }, at);
		return {
			where: w.where ?? sql`1`,
			orderBy: sql.join(w.orderBy, sql`, `),
			// Without a cursor a part must hold every row up to the page's end.
			limit: w.limit + w.offset,
		};
	};
	const named = part(sql`p.at`, sql`p.message_id`);
	const threaded = part(sql`coalesce(m.sent_at, m.created_at)`, sql`m.id`);
	// A nudge shows when it was acted on, else when it comes back from a snooze, else delivered, else due.
	const nudgeAt = sql`coalesce(n.closed_at, case when n.state = 'snoozed' then n.due_at end, n.sent_at, n.due_at)`;
	const nudged = part(nudgeAt, sql`n.id`);
	const page = keysetWindow({ key: sql`at`, id: sql`id`, direction: "desc" }, at);
	// Mail that reached us about them from someone else (an introduction): who wrote it.
	const sender = sql`case when m.direction = 'inbound' and lower(m.from_address) != ${email}
		then coalesce(nullif(m.from_name, ''), m.from_address) end`;
	const rows = await db.all<{
		type: "mail" | "nudge";
		what: string;
		title: string;
		detail: string | null;
		at: number;
		id: string;
		sender: string | null;
	}>(sql`
		select * from (
			select * from (
				select 'mail' as type, m.direction as what, m.subject as title, m.snippet as detail, p.at as at, m.id as id,
					${sender} as sender
				from ${messagePeople} p join ${messages} m on m.id = p.message_id
				where p.user_id = ${userId} and p.address = ${email} and ${named.where}
				order by ${named.orderBy} limit ${named.limit})
			union
			select * from (
				select 'mail', m.direction, m.subject, m.snippet, coalesce(m.sent_at, m.created_at), m.id, ${sender}
				from ${threads} t join ${messages} m on m.thread_id = t.id
				where t.user_id = ${userId} and t.contact_id = ${contact.id} and ${threaded.where}
				order by ${threaded.orderBy} limit ${threaded.limit})
			union all
			select * from (
				select 'nudge', n.kind, n.state, n.note, ${nudgeAt}, n.id, null
				from ${nudges} n where n.contact_id = ${contact.id} and n.user_id = ${userId} and ${nudged.where}
				order by ${nudged.orderBy} limit ${nudged.limit})
		) ${page.where ? sql`where ${page.where}` : sql``}
		order by ${sql.join(page.orderBy, sql`, `)} limit ${page.limit} offset ${page.offset}`);
	return toKeysetPage(
		rows.map((r) => ({ ...r, at: new Date(Number(r.at)) })),
		at,
		(r) => ({ key: r.at.getTime(), id: r.id }),
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
