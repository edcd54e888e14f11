/** One contact, scoped to its user: who referred them, the threads and messages, and every nudge. */
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { contacts, messages, nudges, threads } from "../db/schema";

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
	const theirThreads = await db
		.select()
		.from(threads)
		.where(and(eq(threads.userId, userId), eq(threads.contactId, contactId)))
		.orderBy(desc(threads.createdAt))
		.limit(50);
	const threadIds = theirThreads.map((t) => t.id);
	// Mail to several people is stored once: find it by thread, sender or recipient.
	const email = contact.email.toLowerCase();
	const involves = or(
		threadIds.length ? inArray(messages.threadId, threadIds) : undefined,
		eq(sql`lower(${messages.fromAddress})`, email),
		sql`exists (select 1 from json_each(${messages.toJson}) j where lower(j.value ->> 'address') = ${email})`,
		sql`exists (select 1 from json_each(${messages.ccJson}) j where lower(j.value ->> 'address') = ${email})`,
	);
	const mail = await db
		.select({
			id: messages.id,
			threadId: messages.threadId,
			direction: messages.direction,
			subject: messages.subject,
			snippet: messages.snippet,
			at: messages.sentAt,
			createdAt: messages.createdAt,
		})
		.from(messages)
		.where(and(eq(messages.userId, userId), involves))
		.orderBy(asc(messages.createdAt))
		.limit(200);
	const theirNudges = await db
		.select()
		.from(nudges)
		.where(and(eq(nudges.userId, userId), eq(nudges.contactId, contactId)))
		.orderBy(asc(nudges.dueAt))
		.limit(200);
	return { contact, referrer: referrer ?? null, threads: theirThreads, messages: mail, nudges: theirNudges };
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
