/**
 * Everything the pipeline needs to know about a sender before routing, in one D1
 * round trip: was this message already processed, whose address is it, and the
 * rows the sender's mail will need (tracking/known-rows.ts): their contacts among
 * the addresses on the mail, with open nudges and threads, and the messages it
 * refers to. So a tracked mail takes this read and its commit, nothing between.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { UserRow } from "../accounts/accounts-repo";
import type { Db } from "../db/client";
import { inboundSeen, userAddresses, users } from "../db/schema";
import { nonEmpty } from "../lib/non-empty";
import { type KnownRows, knownRowsOf, knownRowsQueries } from "../tracking/known-rows";
import { type ContactAhead, type ContactMailLookup, contactAheadOf, contactAheadQueries } from "./contact-read-ahead";
import { type ReplyAhead, replyAheadOf, replyAheadQueries } from "./reply-read-ahead";

/** What a batch of these statements returns, statement by statement. */
type Rows<Q extends readonly unknown[]> = { -readonly [K in keyof Q]: Awaited<NonNullable<Q[K]>> };

export interface SenderLookup {
	seen: boolean;
	account: { user: UserRow; addressVerified: boolean; addresses: string[] } | null;
	/** Rows read ahead for the account's mail; absent without an account or anything to read. */
	known?: KnownRows;
	/** A reply's token and what its kinds read (reply-read-ahead.ts). */
	reply?: ReplyAhead;
	/** Whose contact the sender is, and their thread (contact-read-ahead.ts). */
	contactMail?: ContactAhead;
}

/** What to read ahead: the addresses on the mail and the Message-IDs it refers to. */
export interface ReadAhead {
	emails: readonly string[];
	messageIds: readonly string[];
	/** A meeting's thread key (met@), to read the user's threads under it. */
	threadKey?: string;
	/** The hash of a reply address's token. */
	tokenHash?: string;
	/** Mail that may be a contact's, if the sender has no account. */
	contactMail?: ContactMailLookup;
}

export async function lookupSender(
	db: Db,
	address: string,
	messageKey: string,
	recipient: string,
	ahead: ReadAhead = { emails: [], messageIds: [] },
): Promise<SenderLookup> {
	const owner = sql`(select user_id from user_addresses where address = ${address})`;
	const base = [
		db
			.select({ k: inboundSeen.messageKey })
			.from(inboundSeen)
			.where(and(eq(inboundSeen.messageKey, messageKey), eq(inboundSeen.recipient, recipient)))
			.limit(1),
		db
			// Aliased: inside batch() drizzle maps rows by column name, and users has a verified_at too.
			.select({
				user: users,
				addressVerifiedAt: sql<number | null>`${userAddresses.verifiedAt}`.as("address_verified_at"),
			})
			.from(userAddresses)
			.innerJoin(users, eq(users.id, userAddresses.userId))
			.where(eq(userAddresses.address, address))
			.limit(1),
		db
			.select({ address: userAddresses.address })
			.from(userAddresses)
			.where(eq(userAddresses.userId, owner))
			.orderBy(desc(userAddresses.isPrimary), asc(userAddresses.createdAt)),
	] as const;
	const reading = ahead.emails.length > 0 || ahead.messageIds.length > 0 || ahead.threadKey !== undefined;
	const opts = { threads: true, key: ahead.threadKey };
	const knownQ = reading ? knownRowsQueries(db, owner, ahead.emails, ahead.messageIds, opts) : null;
	const replyQ = ahead.tokenHash !== undefined ? replyAheadQueries(db, ahead.tokenHash) : null;
	const contactQ = ahead.contactMail ? contactAheadQueries(db, ahead.contactMail) : null;
	// Parts with nothing to read are null: left out of the batch, they read as no rows.
	const parts = [...base, ...(knownQ ?? []), ...(replyQ ?? []), ...(contactQ ?? [])];
	const got: unknown[] = await db.batch(nonEmpty(parts.filter((p) => p !== null)));
	let j = 0;
	const results = parts.map((p) => (p === null ? [] : got[j++]));
	const [seen, found, addresses] = results.slice(0, base.length) as Rows<typeof base>;
	let at = base.length;
	const next = <Q extends readonly unknown[]>(q: Q | null): Rows<Q> | null => {
		if (!q) return null;
		at += q.length;
		return results.slice(at - q.length, at) as Rows<Q>;
	};
	const knownRows = next(knownQ);
	const replyRows = next(replyQ);
	const contactRows = next(contactQ);
	const row = found[0];
	return {
		seen: seen.length > 0,
		account: row
			? { user: row.user, addressVerified: row.addressVerifiedAt !== null, addresses: addresses.map((a) => a.address) }
			: null,
		...(row && knownRows ? { known: knownRowsOf(row.user.id, ahead.emails, ahead.messageIds, knownRows, opts) } : {}),
		...(ahead.tokenHash !== undefined && replyRows ? { reply: replyAheadOf(ahead.tokenHash, replyRows) } : {}),
		...(!row && ahead.contactMail && contactRows
			? { contactMail: contactAheadOf(ahead.contactMail, contactRows) }
			: {}),
	};
}
