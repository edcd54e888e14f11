/**
 * Every list is paged: 25 rows, fetched as 26 to know whether a next page exists.
 * A page is found by a keyset cursor (the position of the row next to it), so it
 * reads its own rows however deep it lies; a bare page number (old links, the
 * API's `page`) still works, by offset.
 */
import { logRecovered } from "./log";

export const PAGE_SIZE = 25;

/** A position in a list ordered by (key, id): the key of a row (an instant in ms, say) and its id. */
export interface Cursor {
	key: number | string;
	id: string;
}

/** Which page: the rows after (or before) a cursor, or else the `page`-th by offset. `page` is also what is shown. */
export interface PageAt {
	page: number;
	after?: Cursor | null | undefined;
	before?: Cursor | null | undefined;
}

export interface Page<T> {
	items: T[];
	page: number;
	hasNext: boolean;
	/** The cursor of the page after this one (null on the last page). */
	next: string | null;
	/** The cursor of the page before this one (null on the first page). */
	prev: string | null;
}

export const pageWindow = (page: number) => ({ limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });

/** Opaque in URLs: base64url of `[key, id]`. */
export function encodeCursor(c: Cursor): string {
	return btoa(JSON.stringify([c.key, c.id]))
		.replace(/\+/g, "-")
		.replace(/\//g, "_")
		.replace(/=+$/, "");
}

/** The cursor, or null when the text is not one of ours. */
export function decodeCursor(text: string | undefined | null): Cursor | null {
	if (!text || text.length > 300) return null;
	try {
		const parsed: unknown = JSON.parse(atob(text.replace(/-/g, "+").replace(/_/g, "/")));
		if (!Array.isArray(parsed) || parsed.length !== 2) return null;
		const [key, id] = parsed as unknown[];
		if ((typeof key !== "number" && typeof key !== "string") || typeof id !== "string") return null;
		if (typeof key === "number" && !Number.isFinite(key)) return null;
		return { key, id };
	} catch (err) {
		// Not base64 or not JSON: not a cursor of ours (the caller answers 400); the line shows who sends them.
		logRecovered("bad_input", err, { where: "paging cursor", length: text.length, fallback: "no cursor" });
		return null;
	}
}

/**
 * The page from the rows a query read (at most PAGE_SIZE + 1, in list order, or in reverse
 * order when the page was asked for by `before`): `cursorOf` gives a row's position.
 */
export function toKeysetPage<T>(rows: T[], at: PageAt, cursorOf: (row: T) => Cursor): Page<T> {
	const more = rows.length > PAGE_SIZE;
	const taken = rows.slice(0, PAGE_SIZE);
	const backwards = !at.after && !!at.before;
	const items = backwards ? taken.reverse() : taken;
	// Walking back, the page we came from follows; with nothing before, this is page 1.
	const page = backwards && !more ? 1 : at.page;
	const hasNext = backwards ? true : more;
	const first = items[0];
	const last = items.at(-1);
	return {
		items,
		page,
		hasNext,
		next: hasNext && last ? encodeCursor(cursorOf(last)) : null,
		prev: page > 1 && first ? encodeCursor(cursorOf(first)) : null,
	};
}
