import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { nudges, users } from "../../src/db/schema";
import { addDays, formatDate, localDate } from "../../src/time/local-time";
import { db, mailsTo, pendingOf, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";
import { call, post } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("click", T);

async function digestFor() {
	const u = await newUser();
	await send({ from: u.address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
	await tick(new Date("2026-11-26T13:00:00Z"));
	const digest = (await mailsTo(u.address)).at(-1);
	const done = digest?.text.match(/Done: (\S+)/)?.[1] ?? "";
	const snooze = digest?.text.match(/Snooze: (\S+)/)?.[1] ?? "";
	const [item] = await db
		.select()
		.from(nudges)
		.where(and(eq(nudges.userId, u.userId), eq(nudges.state, "sent")));
	return { ...u, digest, done, snooze, itemId: item?.id ?? "" };
}
const stateOf = async (id: string) => (await db.select().from(nudges).where(eq(nudges.id, id)))[0]?.state;

describe("one-click links", () => {
	it("the digest carries signed Done and Snooze links; GET only asks, POST does it", async () => {
		const d = await digestFor();
		expect(d.done).toMatch(/^http:\/\/127\.0\.0\.1:8787\/a\/[\w-]+\.[\w-]+$/);
		expect(d.digest?.html).toContain(`<a href="${d.done}">Done</a>`);
		const page = await call(d.done);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain("Mark Ann Lee as done?");
		expect(await stateOf(d.itemId)).toBe("sent");
		const res = await post(d.done);
		expect(await res.text()).toContain("Done: Ann Lee.");
		expect(await stateOf(d.itemId)).toBe("done"); // Opened again once acted on: it says so, and offers nothing.
		for (const link of [d.done, d.snooze]) {
			const again = await (await call(link)).text();
			expect(again).toContain("That reminder about Ann Lee is done already.");
			expect(again).not.toContain("<form");
		}
	});

	it("a link to an item a newer one replaced points to the latest digest, and offers nothing", async () => {
		const d = await digestFor();
		// A new mail to Ann restarts her ladder: the delivered follow-up is superseded.
		await send(
			{ from: d.address, to: "Ann Lee <ann@acme.example>", subject: "Any news?" },
			new Date("2026-11-26T15:00:00Z"),
		);
		expect(await stateOf(d.itemId)).toBe("superseded");
		const page = await (await call(d.done)).text();
		expect(page).toContain("That reminder about Ann Lee was replaced by a newer one: your latest digest has it.");
		expect(page).not.toContain("<form");
	});

	it("snooze by link moves the item and the ladder waits for it", async () => {
		const d = await digestFor();
		expect(await (await call(d.snooze)).text()).toContain("Snooze Ann Lee?");
		const res = await post(d.snooze, { days: "7" });
		// The web app runs on the real clock: a week from today, in the user's zone.
		const back = addDays(localDate(new Date(), "America/New_York"), 7);
		expect(await res.text()).toContain(`Snoozed Ann Lee until ${formatDate(back)}, 08:00.`);
		const [item] = await db.select().from(nudges).where(eq(nudges.id, d.itemId));
		expect([item?.state, item?.dueOn]).toEqual(["snoozed", back]);
		// The next rung made at delivery is withdrawn: the ladder continues from the snoozed item.
		expect(await pendingOf(d.userId)).toEqual([]);
	});

	it.each([
		["a tampered link", (u: string) => `${u.slice(0, -3)}abc`, 400],
		["a link without its signature", (u: string) => u.slice(0, u.lastIndexOf(".")), 400],
	])("refuses %s and changes nothing", async (_label, mangle, status) => {
		const d = await digestFor();
		const res = await post(mangle(d.done));
		expect(res.status).toBe(status);
		expect(await stateOf(d.itemId)).toBe("sent");
	});

	it("refuses a cross-site POST (CSRF)", async () => {
		const d = await digestFor();
		const res = await post(d.done, {}, undefined, "https://evil.example");
		expect(res.status).toBe(403);
		expect(await stateOf(d.itemId)).toBe("sent");
	});
});

describe("one-click unsubscribe (RFC 8058)", () => {
	it("List-Unsubscribe points at a signed URL with List-Unsubscribe-Post; the provider's POST pauses, and it can be undone", async () => {
		const d = await digestFor();
		const header = d.digest?.headers["list-unsubscribe"] ?? "";
		expect(d.digest?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
		const url = header.match(/<(http[^>]+)>/)?.[1] ?? "";
		expect(url).toMatch(/\/u\/[\w-]+\.[\w-]+$/);
		expect(header).toContain("<mailto:r+");

		expect(await (await call(url)).text()).toContain("Pause your reminders?");
		expect((await db.select().from(users).where(eq(users.id, d.userId)))[0]?.status).toBe("active");

		// A mail provider's server: no Origin, no Sec-Fetch-Site.
		const res = await call(url, {
			method: "POST",
			headers: { "content-type": "application/x-www-form-urlencoded" },
			body: "List-Unsubscribe=One-Click",
		});
		expect(res.status).toBe(200);
		expect((await db.select().from(users).where(eq(users.id, d.userId)))[0]?.status).toBe("paused");

		// The way back: the page now offers a Resume button, a signed link of its own.
		const resume = (await (await call(url)).text()).match(/action="(\/u\/[\w.-]+)"/)?.[1] ?? "";
		await post(resume);
		expect((await db.select().from(users).where(eq(users.id, d.userId)))[0]?.status).toBe("active");
	});
});
