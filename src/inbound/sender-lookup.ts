/**
 * Everything the pipeline needs to know about a sender before routing, in one D1
 * round trip: was this message already processed, whose address is it, and the
 * rows the sender's mail will need (tracking/known-rows.ts): their contacts among
 * the addresses on the mail, with open nudges and threads, and the messages it
 * refers to. So a tracked mail takes this read and its commit, nothing between.
 * The account kinds' reads ride along: a pending account's held mail and token
 * (columns of its row), the day's new accounts for an address with none, and
 * status@'s page for mail to status@.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { UserRow } from "../accounts/accounts-repo";
import { type PendingRoom, pendingCountQuery, pendingRoomOf } from "../accounts/pending-cap";
import { type PendingHold, pendingHoldColumns, pendingHoldOf } from "../accounts/pending-hold";
import type { Db } from "../db/client";
import { inboundSeen, userAddresses, users } from "../db/schema";
import { nonEmpty } from "../lib/non-empty";
import { type KnownRows, knownRowsOf, knownRowsQueries } from "../tracking/known-rows";
import {
	type ContactAhead,
	type ContactMailLookup,
	contactAheadOf,
	contactAheadQueries,
	ownerOf,
} from "./contact-read-ahead";
import { type ReplyAhead, replyAheadOf, replyAheadQueries } from "./reply-read-ahead";
import { type StatusRows, statusQueries, statusRowsOf } from "./status-read-ahead";

/** What a batch of these statements returns, statement by statement. */
type Rows<Q extends readonly unknown[]> = { -readonly [K in keyof Q]: Awaited<NonNullable<Q[K]>> };

/** What the account kinds read, read ahead. */
export interface AccountAhead {
	/** status@'s rows for the sender's account (status-read-ahead.ts). */
	status?: StatusRows;
	/** For an address without an account: room for a new pending one today (accounts/pending-cap.ts). */
	room?: PendingRoom;
}

export interface SenderLookup {
	seen: boolean;
	account: {
		user: UserRow;
		addressVerified: boolean;
		addresses: string[];
		/** For an address not confirmed yet: its held mail and verification token (accounts/pending-hold.ts). */
		hold?: PendingHold;
	} | null;
	accountAhead?: AccountAhead;
	/** Rows read ahead for the account's mail; absent without an account or anything to read. */
	known?: KnownRows;
	/** A reply's token and what its kinds read (reply-read-ahead.ts). */
	reply?: ReplyAhead;
	/** Whose contact the sender is, and their thread (contact-read-ahead.ts). */
	contactMail?: ContactAhead;
}

/** What to read ahead: the addresses on the mail and the Message-IDs it refers to. */
export interface ReadAhead {
	/** The moment the mail is processed (held mail, the day's cap and status@ are read as of it). */
	now: Date;
	emails: readonly string[];
	messageIds: readonly string[];
	/** A meeting's thread key (met@), to read the user's threads under it. */
	threadKey?: string;
	/** The hash of a reply address's token. */
	tokenHash?: string;
	/** Mail that may be a contact's, if the sender has no account. */
	contactMail?: ContactMailLookup;
	/** Mail to status@: read the status page too. */
	status?: boolean;
}

export async function lookupSender(
	db: Db,
	address: string,
	messageKey: string,
	recipient: string,
	ahead: ReadAhead,
): Promise<SenderLookup> {
	const owner = sql`(select user_id from user_addresses where address = ${address})`;
	const { now } = ahead;
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
				...pendingHoldColumns(db, now),
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
		// Read only for an address with no account, and no user's contact (whose mail never makes one).
		pendingCountQuery(db, address, now, mayBeNew(address, ahead.contactMail)),
	] as const;
	const reading = ahead.emails.length > 0 || ahead.messageIds.length > 0 || ahead.threadKey !== undefined;
	const opts = { threads: true, key: ahead.threadKey };
	const knownQ = reading ? knownRowsQueries(db, owner, ahead.emails, ahead.messageIds, opts) : null;
	const replyQ = ahead.tokenHash !== undefined ? replyAheadQueries(db, ahead.tokenHash) : null;
	const contactQ = ahead.contactMail ? contactAheadQueries(db, ahead.contactMail) : null;
	const statusQ = ahead.status ? statusQueries(db, owner, now) : null;
	// Parts with nothing to read are null: left out of the batch, they read as no rows.
	const parts = [...base, ...(knownQ ?? []), ...(replyQ ?? []), ...(contactQ ?? []), ...(statusQ ?? [])];
	const got: unknown[] = await db.batch(nonEmpty(parts.filter((p) => p !== null)));
	let j = 0;
	const results = parts.map((p) => (p === null ? [] : got[j++]));
	const [seen, found, addresses, pendingCount] = results.slice(0, base.length) as Rows<typeof base>;
	let at = base.length;
	const next = <Q extends readonly unknown[]>(q: Q | null): Rows<Q> | null => {
		if (!q) return null;
		at += q.length;
		return results.slice(at - q.length, at) as Rows<Q>;
	};
	const knownRows = next(knownQ);
	const replyRows = next(replyQ);
	const contactRows = next(contactQ);
	const statusRows = next(statusQ);
	const row = found[0];
	const hold = row ? pendingHoldOf(row) : null;
	const counted = pendingCount[0];
	const accountAhead: AccountAhead = {
		...(row && statusRows ? { status: statusRowsOf(statusRows) } : {}),
		...(counted ? { room: pendingRoomOf(counted) } : {}),
	};
	return {
		seen: seen.length > 0,
		account: row
			? {
					user: row.user,
					addressVerified: row.addressVerifiedAt !== null,
					addresses: addresses.map((a) => a.address),
					...(hold ? { hold } : {}),
				}
			: null,
		accountAhead,
		...(row && knownRows ? { known: knownRowsOf(row.user.id, ahead.emails, ahead.messageIds, knownRows, opts) } : {}),
		...(ahead.tokenHash !== undefined && replyRows ? { reply: replyAheadOf(ahead.tokenHash, replyRows) } : {}),
		...(!row && ahead.contactMail && contactRows
			? { contactMail: contactAheadOf(ahead.contactMail, contactRows) }
			: {}),
	};
}

/** The sender has no address with us, and (when the mail may be a contact's) is no user's contact. */
function mayBeNew(address: string, contactMail: ContactMailLookup | undefined) {
	const known = sql`exists (select 1 from ${userAddresses} where ${userAddresses.address} = ${address})`;
	// In a CASE, so that the owner's lookups run only for a sender with no address.
	return contactMail ? sql`case when ${known} then 0 else ${ownerOf(contactMail)} is null end` : sql`not ${known}`;
}
