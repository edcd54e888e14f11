/**
 * A D1 binding that meters what goes through it, from D1's own result meta:
 * round trips (each run/all/first/raw is one, a batch is one however many
 * statements it holds), and the sum of `meta.rows_read` / `meta.rows_written`.
 * For tests and the bench only: pass it as the DB binding where services are built.
 *
 * `raw()` returns no meta, so a SELECT run through it is also run once through
 * `all()` for its meta (counted as the one round trip it is in production); any
 * other statement run through `raw()` is counted in `unmetered`, so a test can
 * say that every row was measured.
 */
export interface D1Cost {
	roundTrips: number;
	rowsRead: number;
	rowsWritten: number;
	/** Statements whose rows could not be read from meta. */
	unmetered: number;
}

/** One round trip: the statements it ran (SQL text) and what they read and wrote. */
export interface RoundTrip {
	sql: string[];
	rowsRead: number;
	rowsWritten: number;
}

export interface MeteredD1 {
	db: D1Database;
	/** Cost since the last reset. */
	cost(): D1Cost;
	/** Every round trip since the last reset, in order. */
	trips(): RoundTrip[];
	reset(): void;
}

/**
 * An inbound email's cost split at its commit (the batch that writes the
 * inbound_log row): processing is up to and including it; after it come
 * delivering the mail it queued and releasing held mail.
 */
export function splitAtCommit(trips: readonly RoundTrip[]): { processing: D1Cost; afterCommit: D1Cost } {
	const at = trips.findIndex((t) => t.sql.some((q) => /^\s*(insert into|update) "inbound_log"/i.test(q)));
	const end = at < 0 ? trips.length : at + 1;
	const sum = (ts: readonly RoundTrip[]): D1Cost => ({
		roundTrips: ts.length,
		rowsRead: ts.reduce((n, t) => n + t.rowsRead, 0),
		rowsWritten: ts.reduce((n, t) => n + t.rowsWritten, 0),
		unmetered: 0,
	});
	return { processing: sum(trips.slice(0, end)), afterCommit: sum(trips.slice(end)) };
}

const zero = (): D1Cost => ({ roundTrips: 0, rowsRead: 0, rowsWritten: 0, unmetered: 0 });

export function meteredD1(inner: D1Database): MeteredD1 {
	let cost = zero();
	let trips: RoundTrip[] = [];
	const trip = (sql: string[]): RoundTrip => {
		cost.roundTrips++;
		const t = { sql, rowsRead: 0, rowsWritten: 0 };
		trips.push(t);
		return t;
	};
	const add = (t: RoundTrip, meta: { rows_read?: number; rows_written?: number } | undefined) => {
		t.rowsRead += meta?.rows_read ?? 0;
		t.rowsWritten += meta?.rows_written ?? 0;
		cost.rowsRead += meta?.rows_read ?? 0;
		cost.rowsWritten += meta?.rows_written ?? 0;
	};
	const real = new WeakMap<object, { stmt: D1PreparedStatement; query: string }>();
	const wrap = (stmt: D1PreparedStatement, query: string): D1PreparedStatement => {
		const proxy = new Proxy(stmt, {
			get(target, prop) {
				if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args), query);
				if (prop === "run" || prop === "all")
					return async () => {
						const t = trip([query]);
						const r = await target[prop]();
						add(t, r.meta);
						return r;
					};
				if (prop === "first")
					return async (column?: string) => {
						const t = trip([query]);
						const r = await target.all<Record<string, unknown>>();
						add(t, r.meta);
						const row = r.results[0];
						if (row === undefined) return null;
						return column === undefined ? row : (row[column] ?? null);
					};
				if (prop === "raw")
					return async (options?: { columnNames?: boolean }) => {
						const t = trip([query]);
						if (/^\s*(select|with)\b/i.test(query)) add(t, (await target.all()).meta);
						else cost.unmetered++;
						return options?.columnNames ? target.raw({ columnNames: true }) : target.raw();
					};
				const value = Reflect.get(target, prop, target);
				return typeof value === "function" ? value.bind(target) : value;
			},
		});
		real.set(proxy, { stmt, query });
		return proxy;
	};
	const db = new Proxy(inner, {
		get(target, prop) {
			if (prop === "prepare") return (query: string) => wrap(target.prepare(query), query);
			if (prop === "batch")
				return async (stmts: D1PreparedStatement[]) => {
					const t = trip(stmts.map((s) => real.get(s)?.query ?? "?"));
					const results = await target.batch(stmts.map((s) => real.get(s)?.stmt ?? s));
					for (const r of results) add(t, r.meta);
					return results;
				};
			const value = Reflect.get(target, prop, target);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
	return {
		db,
		cost: () => ({ ...cost }),
		trips: () => [...trips],
		reset: () => {
			cost = zero();
			trips = [];
		},
	};
}
