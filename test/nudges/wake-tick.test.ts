/**
 * The tick's "delivered" step (DESIGN.md lifecycle): a delivered rung stays open until
 * its next rung replaces it at wake_at, in one tick, read once. A regression: a waking
 * rung used to be read again on every page, so the tick spent its budget and handed
 * the same work to the queue forever.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { runTick } from "../../src/nudges/run-tick";
import { nudgesOf, send, userFactory } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z"); // Mon 09:15 in New York
const newUser = userFactory("wake", T);
const tickAt = (iso: string) => runTick(buildServices(requireConfig(env), fixedClock(new Date(iso))));

describe("a delivered rung wakes into its successor", () => {
	it("in one tick, once, with nothing handed on", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
		const first = await tickAt("2026-11-26T13:05:00Z"); // Thu: 1st follow-up delivered
		expect(first.nudges?.digests).toBe(1);
		const woke = await tickAt("2026-12-02T13:05:00Z"); // Wed 2 Dec: the 2nd replaces it
		expect(woke).toMatchObject({ nudges: { digests: 1, more: false }, handedOn: [] });
		const again = await tickAt("2026-12-02T13:20:00Z");
		expect(again).toMatchObject({ nudges: { digests: 0, singles: 0, more: false }, handedOn: [] });
		const rows = (await nudgesOf(userId)).map((r) => [r.nudge.kind, r.nudge.attempt, r.nudge.state]);
		expect(rows).toEqual(
			expect.arrayContaining([
				["follow_up", 1, "superseded"],
				["follow_up", 2, "sent"],
			]),
		);
		expect(rows).toHaveLength(2);
	});
});
