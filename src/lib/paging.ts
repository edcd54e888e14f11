/** Every list is paged: 25 rows, fetched as 26 to know whether a next page exists. */
export const PAGE_SIZE = 25;

export interface Page<T> {
	items: T[];
	page: number;
	hasNext: boolean;
}

export const pageWindow = (page: number) => ({ limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });

export function toPage<T>(rows: T[], page: number): Page<T> {
	return { items: rows.slice(0, PAGE_SIZE), page, hasNext: rows.length > PAGE_SIZE };
}
