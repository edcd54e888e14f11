import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { users } from "../../src/db/schema";

it("builds one drizzle instance per D1 binding and reuses it", async () => {
	const db = createDb(env.DB);
	expect(createDb(env.DB)).toBe(db);
	// A different binding (a wrapper, as the metering tests use) gets its own instance.
	const wrapped = { ...env.DB, prepare: env.DB.prepare.bind(env.DB), batch: env.DB.batch.bind(env.DB) } as D1Database;
	const other = createDb(wrapped);
	expect(other).not.toBe(db);
	// Both still query.
	expect(await other.select().from(users).limit(1)).toEqual(await db.select().from(users).limit(1));
});
