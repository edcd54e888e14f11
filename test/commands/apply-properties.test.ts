/**
 * Properties of applying commands, against real D1: a command never changes an item
 * it was not given, and a command with no valid target changes nothing at all.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { buildServices } from "../../src/app/services";
import { applyCommands } from "../../src/commands/apply-commands";
import { parseCommands } from "../../src/commands/command-grammar";
import { itemsByIds } from "../../src/commands/command-items";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { users } from "../../src/db/schema";
import { nonEmpty } from "../../src/lib/non-empty";
import { db, nudgesOf, send, signUp } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const services = buildServices(requireConfig(env), fixedClock(T));
const snapshot = async (userId: string) =>
	(await nudgesOf(userId)).map((r) => `${r.nudge.id}:${r.nudge.state}:${r.nudge.dueAt.getTime()}`).sort();

describe("applying commands", () => {
	let userId = "";
	let itemIds: string[] = [];
	beforeAll(async () => {
		userId = await signUp("prop@example.com", T);
		// Five people tracked; the "mail" shows only the first two of their nudges.
		await send(
			{
				from: "prop@example.com",
				to: "A One <a@p.example>, B Two <b@p.example>, C Three <c@p.example>, D Four <d@p.example>, E Five <e@p.example>",
			},
			T,
		);
		const all = await nudgesOf(userId);
		itemIds = all.slice(0, 2).map((r) => r.nudge.id);
	});

	const account = async () => {
		const [user] = await db.select().from(users).where(eq(users.id, userId));
		if (!user) throw new Error("no user");
		return { user, addresses: ["prop@example.com"] };
	};

	it("never changes an item it was not given", async () => {
		const verbs = fc.constantFrom("done", "replied", "met", "snooze 3d", "snooze until monday");
		const line = fc
			.tuple(verbs, fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }))
			.map(([v, ns]) => `${ns.join(" ")} ${v}`);
		await fc.assert(
			fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 3 }), async (lines) => {
				const before = await snapshot(userId);
				const others = before.filter((s) => !itemIds.some((id) => s.startsWith(id)));
				const items = await itemsByIds(db, userId, itemIds);
				const applied = await applyCommands(
					{ services, now: T },
					await account(),
					items,
					parseCommands(lines.join("\n")).commands,
				);
				if (applied.writes.length) await db.batch(nonEmpty(applied.writes));
				const after = await snapshot(userId);
				// Every nudge that was not one of the mail's items is exactly as it was.
				for (const s of others) expect(after).toContain(s);
			}),
			{ numRuns: 60, seed: 11 },
		);
	});

	it("a command with no valid target does nothing", async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom("done", "replied", "met", "stop", "snooze 1w"),
				fc.array(fc.integer({ min: 3, max: 99 }), { minLength: 1, maxLength: 3 }),
				async (verb, numbers) => {
					const before = await snapshot(userId);
					const items = await itemsByIds(db, userId, itemIds);
					const applied = await applyCommands(
						{ services, now: T },
						await account(),
						items,
						parseCommands(`${numbers.join(" ")} ${verb}`).commands,
					);
					expect(applied.writes).toEqual([]);
					expect(applied.done).toEqual([]);
					expect(applied.problems.length).toBeGreaterThan(0);
					expect(await snapshot(userId)).toEqual(before);
				},
			),
			{ numRuns: 40, seed: 5 },
		);
	});

	it("a name that matches no one does nothing, and says so", async () => {
		const before = await snapshot(userId);
		const items = await itemsByIds(db, userId, itemIds);
		const applied = await applyCommands(
			{ services, now: T },
			await account(),
			items,
			parseCommands("stop Zed").commands,
		);
		expect(applied).toEqual({ writes: [], done: [], problems: ['"stop Zed": no one called "zed" is tracked.'] });
		expect(await snapshot(userId)).toEqual(before);
	});
});
