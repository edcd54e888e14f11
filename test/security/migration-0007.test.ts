/**
 * Migration 0007 on data: rows the old "Add an address" wrote before any answer
 * (unconfirmed, not primary) held mail under the asking account; the migration
 * drops them, and keeps every confirmed address and every pending account's own.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { userAddresses, users } from "../../src/db/schema";
import { db } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");

it("drops unconfirmed added addresses, and nothing else", async () => {
	const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0007_"));
	const statement = migration?.queries.find((q) => q.includes("DELETE FROM `user_addresses`"));
	expect(statement).toBeDefined();
	await db.insert(users).values([
		{ id: "u-active", status: "active", createdAt: T, verifiedAt: T },
		{ id: "u-pending", status: "pending", createdAt: T },
	]);
	await db.insert(userAddresses).values([
		{ id: "a1", userId: "u-active", address: "own@a.example", isPrimary: true, createdAt: T, verifiedAt: T },
		{ id: "a2", userId: "u-active", address: "second@a.example", isPrimary: false, createdAt: T, verifiedAt: T },
		{ id: "a3", userId: "u-active", address: "stranger@b.example", isPrimary: false, createdAt: T },
		{ id: "a4", userId: "u-pending", address: "new@c.example", isPrimary: true, createdAt: T },
	]);
	await env.DB.prepare(statement ?? "").run();
	const left = (await db.select().from(userAddresses)).map((a) => a.address).sort();
	expect(left).toEqual(["new@c.example", "own@a.example", "second@a.example"]);
	expect(await db.select().from(userAddresses).where(eq(userAddresses.address, "stranger@b.example"))).toEqual([]);
});
