/** Pause and resume, the one rule behind the reply commands, Settings and the unsubscribe link. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setPaused } from "../../src/accounts/pause";
import { type USER_STATUSES, users } from "../../src/db/schema";
import { db } from "../support/outbox";

type Status = (typeof USER_STATUSES)[number];
const T = new Date("2026-11-23T14:15:00Z");

const cases: [Status, "pause" | "resume", Status][] = [
	["active", "pause", "paused"],
	["paused", "pause", "paused"],
	["paused", "resume", "active"],
	["active", "resume", "active"],
	// An account that was never confirmed is not switched on (or off) by a link or a form.
	["pending", "pause", "pending"],
	["pending", "resume", "pending"],
];

describe("setPaused", () => {
	it.for(cases)("%s, %s → %s", async ([before, action, after]) => {
		const id = crypto.randomUUID();
		await db.insert(users).values({ id, status: before, timezone: "UTC", digestMinutes: 480, createdAt: T });
		await setPaused(db, id, action === "pause");
		const [row] = await db.select({ status: users.status }).from(users).where(eq(users.id, id));
		expect(row?.status).toBe(after);
	});

	it("changes no other account", async () => {
		const [mine, theirs] = [crypto.randomUUID(), crypto.randomUUID()];
		for (const id of [mine, theirs])
			await db.insert(users).values({ id, status: "active", timezone: "UTC", digestMinutes: 480, createdAt: T });
		await setPaused(db, mine, true);
		const [row] = await db.select({ status: users.status }).from(users).where(eq(users.id, theirs));
		expect(row?.status).toBe("active");
	});
});
