/**
 * Mail that may be a contact's (a reply-all with us in Cc), read ahead with the
 * sender lookup (sender-lookup.ts): whose contact the sender is, through a
 * Message-ID we stored or a user's verified address among the recipients (as
 * kinds/contact-reply.ts decides), that user, and the sender's thread with them.
 * Reads nothing when the sender has an address of their own with us.
 */
import { and, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { UserRow } from "../accounts/accounts-repo";
import type { Db } from "../db/client";
import { messages, userAddresses, users } from "../db/schema";
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
function ownerOf(db: Db, m: ContactMailLookup): SQL {
	const byRef = db
		.select({ userId: messages.userId })
		.from(messages)
		.where(inArray(messages.messageId, m.refs.length ? m.refs : [""]))
		.limit(1);
	const byAddress = db
		.select({ userId: userAddresses.userId })
		.from(userAddresses)
		.where(
			and(
				inArray(userAddresses.address, m.recipients.length ? m.recipients : [""]),
				isNotNull(userAddresses.verifiedAt),
			),
		)
		.limit(1);
	const theirOwn = db.select({ one: sql`1` }).from(userAddresses).where(eq(userAddresses.address, m.address));
	return sql`(case when exists ${theirOwn} then null else coalesce(${byRef}, ${byAddress}) end)`;
}

/** Message-IDs and recipients read ahead, at most: more (rare) are looked up after (D1's 100 parameters). */
export const MAX_AHEAD_LOOKUPS = 10;

export const fitsAhead = (m: ContactMailLookup) =>
	m.refs.length <= MAX_AHEAD_LOOKUPS && m.recipients.length <= MAX_AHEAD_LOOKUPS;

export function contactAheadQueries(db: Db, m: ContactMailLookup) {
	const owner = ownerOf(db, m);
	return [
		db.select().from(users).where(eq(users.id, owner)).limit(1),
		...knownRowsQueries(db, owner, [m.address], []),
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
