/** D1 reads for reply commands: the numbered items of a mail, and contacts by name. Scoped to one user. */
import { and, eq, inArray, like, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { contacts, nudges } from "../db/schema";

export async function itemsByIds(db: Db, userId: string, ids: readonly string[]): Promise<NumberedItems> {
	if (!ids.length) return [];
	const rows = await db
		.select({
			id: nudges.id,
			kind: nudges.kind,
			state: nudges.state,
			attempt: nudges.attempt,
			note: nudges.note,
			threadId: nudges.threadId,
			contactId: nudges.contactId,
			contactName: contacts.name,
			contactEmail: contacts.email,
		})
		.from(nudges)
		.leftJoin(contacts, eq(contacts.id, nudges.contactId))
		.where(and(eq(nudges.userId, userId), inArray(nudges.id, ids.slice(0, 90))));
	return itemsIn(rows, ids);
}

export type Item = {
	id: string;
	kind: (typeof nudges.$inferSelect)["kind"];
	state: (typeof nudges.$inferSelect)["state"];
	attempt: number;
	note: string | null;
	threadId: string | null;
	contactId: string | null;
	contactName: string | null;
	contactEmail: string | null;
};

/**
 * A mail's items by number: position n - 1 is item n, null where that item is gone
 * (its contact deleted since), so "3 done" never lands on what was item 4.
 */
export type NumberedItems = readonly (Item | null)[];

/** The items among `rows` (the user's, read already), numbered as the mail numbered them. */
export function itemsIn(rows: readonly Item[], ids: readonly string[]): NumberedItems {
	return ids.map((id) => rows.find((r) => r.id === id) ?? null);
}

/** The items still there, in the mail's order. */
export const presentItems = (items: NumberedItems): Item[] => items.filter((i): i is Item => i !== null);

/** Contacts whose name or address starts with these words ("ann", "ann lee", "ann@"). */
export async function contactsNamed(db: Db, userId: string, name: string) {
	const prefix = `${name.replace(/[%_]/g, "")}%`;
	return db
		.select({ id: contacts.id, name: contacts.name, email: contacts.email })
		.from(contacts)
		.where(and(eq(contacts.userId, userId), or(like(contacts.name, prefix), like(contacts.email, prefix))))
		.limit(5);
}

/** These contacts of the user (others' ids find nothing). */
export function contactsById(db: Db, userId: string, ids: readonly string[]) {
	if (!ids.length) return Promise.resolve([]);
	return db
		.select({ id: contacts.id, name: contacts.name, email: contacts.email })
		.from(contacts)
		.where(and(eq(contacts.userId, userId), inArray(contacts.id, ids.slice(0, 90))));
}
