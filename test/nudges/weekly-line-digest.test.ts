/**
 * Issue 16's weekly line, through the real cron handler: Monday's digest opens with
 * last week's numbers when there was activity; no other digest does.
 */
import { describe, expect, it } from "vitest";
import { mailsTo, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T15:00:00Z"); // Mon 10:00 in New York
const newUser = userFactory("weekly", T);
/** 08:05 New York (EST). */
const digestAt = (date: string) => new Date(`${date}T13:05:00Z`);

describe("the weekly line", () => {
	it("opens Monday's digest after a week with activity, and no other day's", async () => {
		const { address, baseline } = await newUser();
		await send(
			{ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?", date: "Mon, 23 Nov 2026 10:00:00 -0500" },
			T,
		);
		// Wed 25 Nov: 3 business days later is Mon 30 Nov.
		await send(
			{ from: address, to: "Bob Stone <bob@stone.example>", subject: "Hello", date: "Wed, 25 Nov 2026 10:00:00 -0500" },
			new Date("2026-11-25T15:01:00Z"),
		);
		await tick(digestAt("2026-11-26")); // Thursday: Ann's first follow-up
		await tick(digestAt("2026-11-30")); // Monday: Bob's
		const [thursday, monday] = (await mailsTo(address)).slice(baseline);
		expect(thursday?.text).toContain("Follow up with Ann Lee");
		expect(thursday?.text).not.toContain("Last week:");
		expect(monday?.text).toContain("Follow up with Bob Stone");
		expect(monday?.text.split("\n")[0]).toMatch(/^Last week: 2 outreach\b/);
		expect(monday?.html).toContain("<p>Last week: 2 outreach");
	});

	it("a Monday after a quiet week has no line", async () => {
		const { address, baseline } = await newUser();
		// Written on Mon 23 Nov, first follow-up asked for Mon 7 Dec: the week before it is quiet.
		await send(
			{ from: address, to: "Cy Park <cy@initech.example>", subject: "Hi", rcpt: "dec7@followthrough.test" },
			T,
		);
		await tick(digestAt("2026-12-07"));
		const [monday] = (await mailsTo(address)).slice(baseline);
		expect(monday?.text).toContain("Follow up with Cy Park");
		expect(monday?.text).not.toContain("Last week:");
	});
});
