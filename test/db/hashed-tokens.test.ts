/** The one hashed-token store behind API tokens and calendar feed addresses. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashedTokens } from "../../src/db/hashed-tokens";
import { tokens, users } from "../../src/db/schema";
import { db } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z");
const later = (days: number) => new Date(T.getTime() + days * 86_400_000);

async function newUser() {
	const id = crypto.randomUUID();
	await db.insert(users).values({ id, status: "active", timezone: "UTC", digestMinutes: 480, createdAt: T });
	return id;
}

describe("hashedTokens", () => {
	it("stores only the hash, and the secret opens its own user's account", async () => {
		const userId = await newUser();
		const { secret, insert } = await hashedTokens(db, "api").mint(userId, "laptop", later(30), T);
		await insert;
		const stored = await db.select().from(tokens).where(eq(tokens.userId, userId));
		expect(stored).toHaveLength(1);
		expect(JSON.stringify(stored)).not.toContain(secret);
		expect((await hashedTokens(db, "api").userFor(secret, T))?.id).toBe(userId);
	});

	it("a secret of one purpose never opens another", async () => {
		const userId = await newUser();
		const { secret, insert } = await hashedTokens(db, "calendar").mint(userId, "feed", later(30), T);
		await insert;
		expect(await hashedTokens(db, "api").userFor(secret, T)).toBeNull();
		expect((await hashedTokens(db, "calendar").userFor(secret, T))?.id).toBe(userId);
	});

	it("expired and revoked secrets open nothing; revoking touches only that user's tokens", async () => {
		const [mine, theirs] = [await newUser(), await newUser()];
		const store = hashedTokens(db, "api");
		const expiring = await store.mint(mine, "short", later(1), T);
		const kept = await store.mint(mine, "kept", later(30), T);
		const other = await store.mint(theirs, "theirs", later(30), T);
		await db.batch([expiring.insert, kept.insert, other.insert]);
		expect(await store.userFor(expiring.secret, later(2))).toBeNull();
		expect(await store.revoke(mine, T)).toBe(true);
		expect(await store.userFor(kept.secret, T)).toBeNull();
		expect((await store.userFor(other.secret, T))?.id).toBe(theirs);
		expect(await store.revoke(mine, T)).toBe(false);
	});

	it("a token revoked by id is revoked even after it expired, and only once", async () => {
		const userId = await newUser();
		const store = hashedTokens(db, "api");
		const short = await store.mint(userId, "short", later(1), T);
		await short.insert;
		const [row] = await db.select({ id: tokens.id }).from(tokens).where(eq(tokens.userId, userId));
		expect(await store.revoke(userId, later(5), row?.id)).toBe(true);
		expect(await store.revoke(userId, later(5), row?.id)).toBe(false);
	});
});
