import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

export type Db = ReturnType<typeof build>;

const build = (d1: D1Database) => drizzle(d1, { schema });

/**
 * One drizzle instance per D1 binding for the isolate's life (issue 14): drizzle()
 * walks the whole schema to build its relational config, ~0.1–0.25 ms per call, and
 * every event called it twice. The instance holds only the binding, no request state.
 */
const dbs = new WeakMap<D1Database, Db>();

export function createDb(d1: D1Database): Db {
	let db = dbs.get(d1);
	if (!db) {
		db = build(d1);
		dbs.set(d1, db);
	}
	return db;
}
