/**
 * Mail that may be a contact's (a reply-all with us in Cc), read ahead with the
 * sender lookup (sender-lookup.ts): whose contact the sender is, through a
 * Message-ID we stored or a user's verified address among the recipients (as
 * kinds/contact-reply.ts decides), that user, and the sender's thread with them.
 * Reads nothing when the sender has an address of their own with us.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import type { UserRow } from "../accounts/accounts-repo";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { type KnownRows, knownRowsOf, knownRowsQueries } from "../tracking/known-rows";

export interface ContactMailLookup {
	address: string;
	/** Message-IDs the mail answers. */
	refs: string[];
	/** Everyone else it went to. */
	recipients: string[];
}

export interface ContactAhead {
	address: string;
	/** The user whose contact's mail this is (null: no one's). */
	user: UserRow | null;
	/** The sender's contact row and thread with that user. */
	known: KnownRows | null;
}

/** Whose contact's mail this is: a stored Message-ID first, then a verified recipient address. */
function ownerOf(m: ContactMailLookup): SQL {
	const refs = m.refs.length ? m.refs : [""];
	const recipients = m.recipients.length ? m.recipients : [""];
	// Hand-written: drizzle renders nested builders slowly, and this runs for most emails.
	return sql`(case when exists (select 1 from user_addresses where address = ${m.address}) then null else coalesce(
		(select user_id from messages where message_id in ${refs} limit 1),
		(select user_id from user_addresses where address in ${recipients} and verified_at is not null limit 1)) end)`;
}

/** Message-IDs and recipients read ahead, at most: more (rare) are looked up after (D1's 100 parameters). */
export const MAX_AHEAD_LOOKUPS = 10;

export const fitsAhead = (m: ContactMailLookup) =>
	m.refs.length <= MAX_AHEAD_LOOKUPS && m.recipients.length <= MAX_AHEAD_LOOKUPS;

export function contactAheadQueries(db: Db, m: ContactMailLookup) {
	const owner = ownerOf(m);
	return [
		db.select().from(users).where(eq(users.id, owner)).limit(1),
		...knownRowsQueries(db, owner, [m.address], [], { threads: false }),
	] as const;
}

type Results = [UserRow[], ...Parameters<typeof knownRowsOf>[3]];

export function contactAheadOf(m: ContactMailLookup, [user, ...known]: Results): ContactAhead {
	const u = user[0] ?? null;
	return {
		address: m.address,
		user: u,
		known: u ? knownRowsOf(u.id, [m.address], [], known, { threads: false }) : null,
	};
}
