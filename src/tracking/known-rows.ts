/**
 * Rows read ahead for one inbound email, in the same D1 round trip as the sender
 * lookup: the sender's contacts among the addresses on the mail (and their
 * referrers), those contacts' open nudges and threads, and the messages the mail
 * refers to. The tracking reads (tracking-repo.ts, lifecycle/thread-store.ts)
 * answer from here when it covers what they ask, and go to D1 when it does not,
 * so a read ahead only saves round trips and never changes an answer.
 */
import { and, desc, eq, getTableColumns, inArray, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { contacts, messages, nudges, threads } from "../db/schema";
import { openNudge } from "./nudge-kinds";

type ContactRow = typeof contacts.$inferSelect;
type NudgeRow = typeof nudges.$inferSelect;
type ThreadRow = typeof threads.$inferSelect;
export interface MessageRef {
	messageId: string;
	subject: string;
	direction: "outbound" | "inbound";
}

/** Addresses and Message-IDs read ahead, at most (the statements stay under D1's 100 parameters). */
export const MAX_KNOWN_ADDRESSES = 30;
export const MAX_KNOWN_MESSAGES = 40;

export interface KnownRows {
	userId: string;
	/** The addresses looked up: a contact missing from `byEmail` for one of them does not exist. */
	emails: ReadonlySet<string>;
	byEmail: ReadonlyMap<string, ContactRow>;
	/** Those contacts and their referrers. */
	byId: ReadonlyMap<string, ContactRow>;
	/** Open nudges of every contact in `byId`, by contact id. */
	openNudges: ReadonlyMap<string, NudgeRow>;
	/** Threads of the contacts in `byEmail`, newest first; null when they were not read. */
	threads: readonly ThreadRow[] | null;
	/** The Message-IDs looked up, and those found. */
	messageIds: ReadonlySet<string>;
	messages: readonly MessageRef[];
	/** The user's threads under one key (a meeting's), when it was read ahead. */
	byKey: { key: string; threads: readonly ThreadRow[] } | null;
}

/**
 * The one open nudge of each of these contacts (a subquery of ids), probed per contact through
 * nudges_one_open_per_contact: a CROSS JOIN keeps contacts the outer loop in SQLite; asked directly,
 * "contact_id in (…) and state in (…)" lets it walk every open nudge of every user by state.
 */
export function openNudgesOfContacts(db: Db, contactIds: SQLWrapper) {
	return db
		.select(getTableColumns(nudges))
		.from(contacts)
		.crossJoin(nudges)
		.where(and(inArray(contacts.id, contactIds), eq(nudges.contactId, contacts.id), openNudge(nudges.state)));
}

/**
 * The read-ahead statements for `db.batch`, for the user whose id `userId` yields
 * (a subquery, so they can run before the user is known). Every lookup is by
 * index, per address: a large account costs what a small one does.
 */
export function knownRowsQueries(
	db: Db,
	userId: SQLWrapper,
	emails: readonly string[],
	messageIds: readonly string[],
	/** Without the threads (a reply needs only the contact and its open nudge); the threads under `key`. */
	opts: { threads: boolean; key?: string } = { threads: true },
) {
	const e = emails.length ? emails.slice(0, MAX_KNOWN_ADDRESSES) : [""];
	const m = messageIds.slice(0, MAX_KNOWN_MESSAGES);
	// A part with nothing to look up is null: the batch skips it, and it reads as no rows.
	// Hand-written subqueries: drizzle renders nested builders slowly, and this runs for every email.
	// The contacts and their referrers, by primary key (an OR here would walk all the user's contacts).
	const theirs = sql`(select id from contacts where user_id = ${userId} and email in ${e})`;
	const withReferrers = sql`(select id from contacts where user_id = ${userId} and email in ${e} union select referrer_id from contacts where user_id = ${userId} and email in ${e})`;
	return [
		db.select().from(contacts).where(inArray(contacts.id, withReferrers)),
		openNudgesOfContacts(db, withReferrers),
		opts.threads
			? db
					.select()
					.from(threads)
					.where(and(eq(threads.userId, userId), inArray(threads.contactId, theirs)))
					.orderBy(desc(threads.updatedAt))
			: null,
		m.length
			? db
					.select({ messageId: messages.messageId, subject: messages.subject, direction: messages.direction })
					.from(messages)
					.where(and(eq(messages.userId, userId), inArray(messages.messageId, m)))
			: null,
		opts.key !== undefined
			? db
					.select()
					.from(threads)
					.where(and(eq(threads.userId, userId), eq(threads.subjectKey, opts.key)))
			: null,
	] as const;
}

type Results = [ContactRow[], NudgeRow[], ThreadRow[], MessageRef[], ThreadRow[]];

export function knownRowsOf(
	userId: string,
	emails: readonly string[],
	messageIds: readonly string[],
	[found, open, threadRows, refs, keyed]: Results,
	opts: { threads: boolean; key?: string } = { threads: true },
): KnownRows {
	const asked = new Set(emails.slice(0, MAX_KNOWN_ADDRESSES));
	const byId = new Map(found.filter((c) => c.userId === userId).map((c) => [c.id, c]));
	const byEmail = new Map([...byId.values()].filter((c) => asked.has(c.email)).map((c) => [c.email, c]));
	return {
		userId,
		emails: asked,
		byEmail,
		byId,
		openNudges: new Map(open.filter((n) => n.contactId !== null).map((n) => [n.contactId as string, n])),
		threads: opts.threads ? threadRows.filter((t) => t.userId === userId) : null,
		messageIds: new Set(messageIds.slice(0, MAX_KNOWN_MESSAGES)),
		messages: refs,
		byKey: opts.key !== undefined ? { key: opts.key, threads: keyed.filter((t) => t.userId === userId) } : null,
	};
}

/** The known contacts for these addresses, or null when some were not looked up. */
export function knownContacts(known: KnownRows | undefined, userId: string, emails: readonly string[]) {
	if (known?.userId !== userId || !emails.every((e) => known.emails.has(e))) return null;
	const out = new Map<string, ContactRow>();
	for (const e of emails) {
		const c = known.byEmail.get(e);
		if (c) out.set(e, c);
	}
	return out;
}
