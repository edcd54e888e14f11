/**
 * A D1 binding that sums what D1 bills by (`meta.rows_read`, `meta.rows_written`) over every
 * statement run through it, batches and `raw()` included. `raw()` (which drizzle uses for most
 * selects) drops the meta, so the sums are taken one level down: a D1Database built on a fetcher
 * that reads each response's meta on its way back. That is the binding's HTTP transport in
 * workerd without the `d1_binding_jsrpc` flag; `meter.roundTrips()` staying 0 would mean it changed.
 */
export interface D1Meter {
	db: D1Database;
	/** Zeroes the sums: measure one request at a time. */
	reset(): void;
	rowsRead(): number;
	rowsWritten(): number;
	/** Requests to D1 (a batch is one). */
	roundTrips(): number;
	/** Rows read per statement text (its first 120 characters), most first: where they went. */
	readBySql(): [string, number][];
}

interface D1Response {
	meta?: { rows_read?: number; rows_written?: number };
}

export function d1Meter(inner: D1Database): D1Meter {
	let read = 0;
	let written = 0;
	let trips = 0;
	const bySql = new Map<string, number>();
	const fetcher = (inner as unknown as { fetcher: Fetcher }).fetcher;
	const metered = {
		fetch: async (...args: Parameters<Fetcher["fetch"]>) => {
			const [input, init] = args;
			const sent = input instanceof Request ? await input.clone().text() : String(init?.body ?? "");
			const res = await fetcher.fetch(...args);
			trips++;
			const body = (await res.clone().json()) as D1Response | D1Response[];
			const statements = sqlOf(sent);
			(Array.isArray(body) ? body : [body]).forEach((r, i) => {
				read += r.meta?.rows_read ?? 0;
				written += r.meta?.rows_written ?? 0;
				const key = (statements[i] ?? "?").replace(/\s+/g, " ").slice(0, 120);
				bySql.set(key, (bySql.get(key) ?? 0) + (r.meta?.rows_read ?? 0));
			});
			return res;
		},
		connect: fetcher.connect.bind(fetcher),
	};
	const D1 = Object.getPrototypeOf(inner).constructor as new (f: unknown) => D1Database;
	return {
		db: new D1(metered),
		reset() {
			read = 0;
			written = 0;
			trips = 0;
			bySql.clear();
		},
		readBySql: () => [...bySql].sort((a, b) => b[1] - a[1]),
		rowsRead: () => read,
		rowsWritten: () => written,
		roundTrips: () => trips,
	};
}

/** The statements of a D1 request body: `{sql}` or an array of them. */
function sqlOf(body: string): string[] {
	try {
		const parsed = JSON.parse(body) as { sql?: string } | { sql?: string }[];
		return (Array.isArray(parsed) ? parsed : [parsed]).map((q) => q.sql ?? "?");
	} catch {
		return [];
	}
}
