/**
 * A reply to one of our mails (r+<token>@), read ahead with the sender lookup
 * (sender-lookup.ts): the token, its user and their addresses, the items its
 * mail numbered, and those items' threads (contacts, referrers, open nudges).
 * The reply kinds answer from here, so a reply command is one read and one commit.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias, union } from "drizzle-orm/sqlite-core";
import type { TokenRow, UserRow } from "../accounts/accounts-repo";
import type { Item } from "../commands/command-items";
import type { Db } from "../db/client";
import { contacts, nudges, tokens, userAddresses, users } from "../db/schema";
import { type KnownRows, openNudgesOfContacts } from "../tracking/known-rows";

export interface ReplyAhead {
	tokenHash: string;
	token: TokenRow | null;
	/** The token's user and their addresses (primary first). */
	user: UserRow | null;
	addresses: string[];
	/** The nudges the token's mail numbered (in any order), with their contacts. */
	items: Item[];
	/** Those contacts' threads. */
	known: KnownRows | null;
}

const item = alias(nudges, "ahead_item");
const person = alias(contacts, "ahead_person");

export function replyAheadQueries(db: Db, tokenHash: string) {
	const token = db.select({ userId: tokens.userId }).from(tokens).where(eq(tokens.tokenHash, tokenHash)).limit(1);
	// The nudge ids in the token's context, as the reply kinds read them (reply-commands.ts readContext).
	// A context that is not JSON reads as none (json_each would fail the whole batch).
	const context = sql`(select case when json_valid(${tokens.contextJson}) then ${tokens.contextJson} end from ${tokens} where ${tokens.tokenHash} = ${tokenHash})`;
	const numbered = sql`(select value from json_each(${context}, '$.nudges'))`;
	// By id; the user check is kept out of the index choice ("+"), or the planner may walk all the user's nudges.
	const itemsOf = and(inArray(item.id, numbered), sql`+${item.userId} = (${token})`);
	const itemContacts = () =>
		db
			.select({ id: sql`${item.contactId}` })
			.from(item)
			.where(itemsOf);
	const people = union(
		db.select({ id: person.id }).from(person).where(inArray(person.id, itemContacts())),
		db
			.select({ id: sql<string>`${person.referrerId}`.as("id") })
			.from(person)
			.where(inArray(person.id, itemContacts())),
	);
	return [
		db.select().from(tokens).where(eq(tokens.tokenHash, tokenHash)).limit(1),
		db.select().from(users).where(eq(users.id, token)).limit(1),
		db
			.select({ address: userAddresses.address })
			.from(userAddresses)
			.where(eq(userAddresses.userId, token))
			.orderBy(desc(userAddresses.isPrimary), asc(userAddresses.createdAt)),
		db
			.select({
				id: item.id,
				kind: item.kind,
				state: item.state,
				attempt: item.attempt,
				note: item.note,
				threadId: item.threadId,
				contactId: item.contactId,
				contactName: person.name,
				contactEmail: person.email,
			})
			.from(item)
			.leftJoin(person, eq(person.id, item.contactId))
			.where(itemsOf),
		db.select().from(contacts).where(inArray(contacts.id, people)),
		openNudgesOfContacts(db, people),
	] as const;
}

type Results = [
	TokenRow[],
	UserRow[],
	{ address: string }[],
	Item[],
	(typeof contacts.$inferSelect)[],
	(typeof nudges.$inferSelect)[],
];

export function replyAheadOf(tokenHash: string, [token, user, addresses, items, people, open]: Results): ReplyAhead {
	const u = user[0] ?? null;
	return {
		tokenHash,
		token: token[0] ?? null,
		user: u,
		addresses: addresses.map((a) => a.address),
		items,
		known: u
			? {
					userId: u.id,
					emails: new Set(),
					byEmail: new Map(),
					byId: new Map(people.filter((c) => c.userId === u.id).map((c) => [c.id, c])),
					openNudges: new Map(open.filter((n) => n.contactId !== null).map((n) => [n.contactId as string, n])),
					threads: null,
					byKey: null,
					messageIds: new Set(),
					messages: [],
				}
			: null,
	};
}
