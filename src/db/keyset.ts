/**
 * Keyset paging in SQL: a list ordered by (key, id) continues after (or before) a
 * cursor with a comparison that an index on (…, key, id) answers by
 * reading only the page. Without a cursor, the page number's offset.
 */
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { type PageAt, pageWindow } from "../lib/paging";

export interface Keyset {
	key: SQL | AnyColumn;
	id: SQL | AnyColumn;
	/** The list's order; walking back (`before`) reads the other way, and toKeysetPage turns it round. */
	direction: "asc" | "desc";
}

export function keysetWindow(
	ks: Keyset,
	at: PageAt,
): { where: SQL | undefined; orderBy: SQL[]; limit: number; offset: number } {
	const cursor = at.after ?? at.before ?? null;
	const backwards = !at.after && !!at.before;
	const ascending = (ks.direction === "asc") !== backwards;
	const dir = sql.raw(ascending ? "asc" : "desc");
	const orderBy = [sql`${ks.key} ${dir}`, sql`${ks.id} ${dir}`];
	if (!cursor) return { where: undefined, orderBy, ...pageWindow(at.page) };
	const op = sql.raw(ascending ? ">" : "<");
	// Not the row value `(key, id) < (…)`: SQLite seeks an index with it on columns only, not on
	// an expression key (the Contacts list's). This form seeks on `key` and filters the ties.
	const where = sql`${ks.key} ${op}= ${cursor.key} and (${ks.key} ${op} ${cursor.key} or ${ks.id} ${op} ${cursor.id})`;
	return { where, orderBy, ...pageWindow(1) };
}
