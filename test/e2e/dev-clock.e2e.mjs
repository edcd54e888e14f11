// The dev clock and the product's first promise through it (DESIGN.md, "Local runtime
// contract"). Every scenario of issue 11 lives on this clock.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { at, everyDay, itemsNaming, newUser, outreach, person, signUp } from "./lib/story.mjs";
import { getClock, mailbox, mark, resetClock, setClock } from "./lib/worker.mjs";

const SCENARIO = { timeout: 60_000 };
const near = (actual, expected, what) =>
	assert.ok(
		actual >= expected - 2_000 && actual <= expected + 10_000,
		`${what}: GET /dev/clock said ${new Date(actual).toISOString()}, expected about ${new Date(expected).toISOString()}`,
	);

describe("the dev clock", () => {
	it(
		"POST /dev/clock sets the Worker's now, GET /dev/clock reads it back, DELETE returns to real time",
		SCENARIO,
		async () => {
			const monday = Date.parse("2026-11-23T14:00:00Z");
			await setClock(monday);
			near(await getClock(), monday, "after POST /dev/clock");
			await resetClock();
			near(await getClock(), Date.now(), "after DELETE /dev/clock");
		},
	);

	it(
		"BCC track@ on Monday: Thursday's 08:00 digest says 'Follow up with Ann Lee (3 days, no reply)', and nothing before",
		SCENARIO,
		async () => {
			const tag = "clock";
			const user = newUser(tag);
			const ann = person("Ann Lee", "acme", tag);
			await signUp(user, "2026-11-23 09:00");
			await at(user, "2026-11-23 09:15");
			await outreach(user, {
				to: [ann],
				subject: "Coffee next week?",
				body: "Hi Ann,\n\nCarol said you lead the data team at Acme. Could we have a 20-minute coffee next week?\n\nThanks,\nDee",
			});
			const since = await mark();
			await everyDay(user, "2026-11-24", "2026-11-25");
			const early = itemsNaming(await mailbox(user.address, since), "Ann Lee");
			assert.deepEqual(
				early.map((i) => i.title),
				[],
				"nothing about Ann is due before Thursday",
			);
			await everyDay(user, "2026-11-26", "2026-11-26");
			const thursday = itemsNaming(await mailbox(user.address, since), "Ann Lee");
			assert.equal(thursday.length, 1, "Thursday's digest names Ann Lee once");
			assert.match(thursday[0].text, /3 days, no reply/);
		},
	);
});
