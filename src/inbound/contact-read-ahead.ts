/**
 * Mail that may be a contact's (a reply-all with us in Cc), read ahead with the
 * sender lookup (sender-lookup.ts): whose contact the sender is, through a
 * Message-ID we stored or a user's verified address among the recipients (as
 * kinds/contact-reply.ts decides), that user, and the sender's thread with them.
 * Reads nothing when the sender has an address of their own with us.
 */
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { UserRow } from "../accounts/accounts-repo";
import type { Db } from "../db/client";
import { userAddresses, users } from "../db/schema";
import { type KnownRows, knownRowsOf, knownRowsQueries } from "../tracking/known-rows";

export interface ContactMailLookup {
	address: string;
	/** Message-IDs the mail answers. */
	refs: string[];
	/** Everyone else it went to. */
	recipients: string[];
	/** One of our addresses is in its To/Cc: a reply-all to mail that copied us, not a BCC. */
	copiesUs: boolean;
}

export interface ContactAhead {
	address: string;
	/** The user whose contact's mail this is (null: no one's). */
	user: UserRow | null;
	/** The sender's contact row and thread with that user. */
	known: KnownRows | null;
	/** With no owner: it copied us and went to an address of an account not yet confirmed. */
	toUnconfirmed: boolean;
}

/**
 * Whose contact's mail this is: of the users it names (through a stored Message-ID first, then a
 * verified recipient address), one who tracks the sender; else the first named. Each list is one
 * JSON parameter, probed through its index.
 */
export function ownerOf(m: ContactMailLookup): SQL {
	const refs = JSON.stringify(m.refs);
	const recipients = JSON.stringify(m.recipients);
	// Hand-written: drizzle renders nested builders slowly, and this runs for most emails.
	return sql`(case when exists (select 1 from user_addresses where address = ${m.address}) then null else coalesce(
		(select m.user_id from messages m join contacts c on c.user_id = m.user_id and c.email = ${m.address}
			where m.message_id in (select value from json_each(${refs})) limit 1),
		(select a.user_id from user_addresses a join contacts c on c.user_id = a.user_id and c.email = ${m.address}
			where a.address in (select value from json_each(${recipients})) and a.verified_at is not null limit 1),
		(select user_id from messages where message_id in (select value from json_each(${refs})) limit 1),
		(select user_id from user_addresses where address in (select value from json_each(${recipients}))
			and verified_at is not null limit 1)) end)`;
}

/**
 * An address of an account not yet confirmed among the recipients of a mail that copied us; nothing
 * read when the sender has an address of their own with us (their mail is theirs, not a contact's).
 */
export function unconfirmedRecipient(db: Db, m: ContactMailLookup) {
	if (!m.copiesUs || !m.recipients.length) return null;
	return db
		.select({ userId: userAddresses.userId })
		.from(userAddresses)
		.where(
			and(
				sql`not exists (select 1 from user_addresses where address = ${m.address})`,
				sql`${userAddresses.address} in (select value from json_each(${JSON.stringify(m.recipients)}))`,
				isNull(userAddresses.verifiedAt),
			),
		)
		.limit(1);
}

/** Message-IDs and recipients read ahead, at most: more (rare) are looked up after (D1's 100 parameters). */
export const MAX_AHEAD_LOOKUPS = 10;

export const fitsAhead = (m: ContactMailLookup) =>
	m.refs.length <= MAX_AHEAD_LOOKUPS && m.recipients.length <= MAX_AHEAD_LOOKUPS;

export function contactAheadQueries(db: Db, m: ContactMailLookup) {
	const owner = ownerOf(m);
	return [
		db.select().from(users).where(eq(users.id, owner)).limit(1),
		unconfirmedRecipient(db, m),
		...knownRowsQueries(db, owner, [m.address], [], { threads: false }),
	] as const;
}

type Results = [UserRow[], { userId: string }[], ...Parameters<typeof knownRowsOf>[3]];

export function contactAheadOf(m: ContactMailLookup, [user, unconfirmed, ...known]: Results): ContactAhead {
	const u = user[0] ?? null;
	return {
		address: m.address,
		user: u,
		known: u ? knownRowsOf(u.id, [m.address], [], known, { threads: false }) : null,
		toUnconfirmed: u === null && unconfirmed.length > 0,
	};
}
