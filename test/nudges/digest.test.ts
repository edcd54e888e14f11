import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts, nudges, users } from "../../src/db/schema";
import { DOMAIN, db, mailsTo, nudgesOf, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z"); // Mon 09:15 in New York
const at = (iso: string) => new Date(iso);
const newUser = userFactory("digest", T);
const newMail = async (address: string, baseline: number) => (await mailsTo(address)).slice(baseline);

describe("the daily digest", () => {
	it("BCC'd outreach to two people: nothing the next day, one digest on day 3 at the digest hour, nothing more that day", async () => {
		const { address, userId, baseline } = await newUser();
		await send(
			{ from: address, to: "Ann Lee <ann@acme.example>, Bob Stone <bob@stone.example>", subject: "Coffee next week?" },
			T,
		);

		await tick(at("2026-11-24T13:00:00Z")); // Tue 08:00
		await tick(at("2026-11-26T12:45:00Z")); // Thu 07:45, before the digest hour
		expect(await newMail(address, baseline)).toEqual([]);

		await tick(at("2026-11-26T13:00:00Z")); // Thu 08:00
		const mails = await newMail(address, baseline);
		expect(mails).toHaveLength(1);
		const [digest] = mails;
		expect(digest?.subject).toBe("Follow up with Ann Lee · follow up with Bob Stone");
		expect(digest?.text).toContain("1. Follow up with Ann Lee\n   3 days, no reply · 1st follow-up of 3");
		expect(digest?.text).toContain("2. Follow up with Bob Stone\n   3 days, no reply · 1st follow-up of 3");
		expect(digest?.text).toContain('Last: "Coffee next week?" on Mon 23 Nov');
		expect(digest?.text).toContain(
			'Reply to this email with a command, or several at once: "1 done", "2 snooze 3d", "1 snooze until monday", "stop Ann", "pause", "help".',
		);
		expect(digest?.html).toContain("<ol>");
		expect(digest?.replyTo).toMatch(new RegExp(`^r\\+[a-z2-7]{26}@${DOMAIN}$`));
		expect(digest?.headers["auto-submitted"]).toBe("auto-generated");
		expect(digest?.headers["message-id"]).toMatch(new RegExp(`^<[0-9a-f-]{36}@${DOMAIN}>$`));
		expect(digest?.headers["list-unsubscribe"]).toMatch(
			new RegExp(
				`^<http://127\\.0\\.0\\.1:8787/u/[\\w-]+\\.[\\w-]+>, <mailto:${digest?.replyTo?.replace("+", "\\+")}\\?subject=unsubscribe>$`,
			),
		);
		expect(digest?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
		expect(digest?.headers["list-id"]).toBe(`Followthrough reminders <reminders.${DOMAIN}>`);

		await tick(at("2026-11-26T13:15:00Z"));
		await tick(at("2026-11-26T20:00:00Z"));
		expect(await newMail(address, baseline)).toHaveLength(1);

		// Delivered rungs stay open (one per contact); the ladder goes on from the delivery:
		// the 2nd follow-up replaces each 4 business days later (Wed 2 Dec, 08:00 New York).
		const open = (await nudgesOf(userId)).map((r) => [
			r.email,
			r.nudge.kind,
			r.nudge.attempt,
			r.nudge.state,
			r.nudge.wakeAt?.toISOString(),
		]);
		expect(open).toEqual([
			["ann@acme.example", "follow_up", 1, "sent", "2026-12-02T13:00:00.000Z"],
			["bob@stone.example", "follow_up", 1, "sent", "2026-12-02T13:00:00.000Z"],
		]);
	});

	it("two ticks at once send exactly one digest", async () => {
		const { address, baseline } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>" }, T);
		const when = at("2026-11-26T13:00:00Z");
		await Promise.all([tick(when), tick(when), tick(when)]);
		expect(await newMail(address, baseline)).toHaveLength(1);
	});

	it("a forwarded introduction after today's digest goes out at the next tick", async () => {
		const { address, baseline } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>" }, at("2026-11-18T14:00:00Z")); // Wed: due Mon 23
		await tick(at("2026-11-23T13:00:00Z")); // Mon 08:00: today's digest
		expect((await newMail(address, baseline)).map((m) => m.subject)).toEqual(["Follow up with Ann Lee"]);
		const body = [
			"Bob, meet Pat. Happy to introduce you two.",
			"",
			"---------- Forwarded message ---------",
			"From: Carol Diaz <carol@diaz.example>",
			"Date: Mon, Nov 23, 2026 at 8:02 AM",
			"Subject: Intro",
			`To: ${address}, Bob Stone <bob@stone.example>`,
			"",
			"Bob, meet Pat.",
		].join("\n");
		const forwardedAt = at("2026-11-23T18:00:00Z"); // 13:00 New York
		await send({ from: address, to: `track@${DOMAIN}`, subject: "Fwd: Intro", body }, forwardedAt);
		await tick(at("2026-11-23T18:15:00Z"));
		const mails = (await newMail(address, baseline)).slice(1);
		expect(mails.map((m) => m.subject)).toEqual(["Reach out to Bob Stone today"]);
		expect(mails[0]?.text).toContain("Carol Diaz introduced you today");
		expect(mails[0]?.text).not.toContain("introduced by Carol Diaz");
	});

	it("with no digest yet today, a late intro is that day's digest", async () => {
		const { address, baseline } = await newUser();
		const body = [
			"---------- Forwarded message ---------",
			"From: Carol Diaz <carol@diaz.example>",
			"Subject: Intro",
			`To: ${address}, Bob Stone <bob@stone.example>`,
			"",
			"Bob, meet Pat.",
		].join("\n");
		await send({ from: address, to: `track@${DOMAIN}`, subject: "Fwd: Intro", body }, at("2026-11-23T18:00:00Z"));
		await tick(at("2026-11-23T18:15:00Z"));
		const mails = await newMail(address, baseline);
		expect(mails.map((m) => m.subject)).toEqual(["Reach out to Bob Stone"]);
		expect(mails[0]?.text).toContain("1. Reach out to Bob Stone today");
	});

	it("an intro forwarded before the digest hour is in that morning's digest, with the most urgent first", async () => {
		const { address, baseline } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
		const body = [
			"---------- Forwarded message ---------",
			"From: Carol Diaz <carol@diaz.example>",
			"Subject: Intro",
			`To: ${address}, Dana Wu <dana@wu.example>`,
			"",
			"Dana, meet Pat: I'm introducing you.",
		].join("\n");
		await send({ from: address, to: `track@${DOMAIN}`, subject: "Fwd: Intro", body }, at("2026-11-26T11:00:00Z")); // Thu 06:00
		await tick(at("2026-11-26T13:00:00Z"));
		const [digest] = await newMail(address, baseline);
		expect(digest?.subject).toBe("Reach out to Dana Wu · follow up with Ann Lee");
		expect(digest?.text.indexOf("1. Reach out to Dana Wu today")).toBeGreaterThan(0);
	});

	it("instant mode sends one mail per nudge at its due time", async () => {
		const { address, userId, baseline } = await newUser();
		await db.update(users).set({ mode: "instant" }).where(eq(users.id, userId));
		await send({ from: address, to: "Ann Lee <ann@acme.example>, Bob Stone <bob@stone.example>" }, T);
		await tick(at("2026-11-26T13:00:00Z"));
		expect((await newMail(address, baseline)).map((m) => m.subject).sort()).toEqual([
			"Follow up with Ann Lee",
			"Follow up with Bob Stone",
		]);
	});

	it("a paused user gets nothing", async () => {
		const { address, userId, baseline } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>" }, T);
		await db.update(users).set({ status: "paused" }).where(eq(users.id, userId));
		await tick(at("2026-11-26T13:00:00Z"));
		expect(await newMail(address, baseline)).toEqual([]);
	});

	it("escapes names in the HTML part", async () => {
		const { address, userId, baseline } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>" }, T);
		await db.update(contacts).set({ name: '<img src=x onerror="alert(1)">' }).where(eq(contacts.userId, userId));
		await tick(at("2026-11-26T13:00:00Z"));
		const [digest] = await newMail(address, baseline);
		expect(digest?.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
		expect(digest?.html).not.toContain("<img");
	});

	it("a long digest shows the 25 most urgent and says how many more", async () => {
		const { address, baseline } = await newUser();
		const to = Array.from({ length: 15 }, (_, i) => `P${i} <p${i}@acme.example>`).join(", ");
		await send({ from: address, to, subject: "A" }, T);
		await send({ from: address, to: to.replaceAll("acme", "globex"), subject: "B" }, T);
		await tick(at("2026-11-26T13:00:00Z"));
		const [digest] = await newMail(address, baseline);
		expect(digest?.subject).toMatch(/\(\+28 more\)$/);
		expect(digest?.text).toContain("25. Follow up with");
		expect(digest?.text).not.toContain("26. ");
		expect(digest?.text).toContain("+5 more on your dashboard: http://127.0.0.1:8787");
	});
});

describe("digest hour across DST", () => {
	it.each([
		// Sent on a Wednesday: 3 business days later is the Monday after the change.
		["Europe/Berlin", "2026-10-21T06:00:00Z", "2026-10-26T06:00:00Z", "2026-10-26T07:00:00Z"],
		["America/New_York", "2026-10-28T12:00:00Z", "2026-11-02T12:00:00Z", "2026-11-02T13:00:00Z"],
		["Australia/Sydney", "2026-09-29T21:00:00Z", "2026-10-04T20:00:00Z", "2026-10-04T21:00:00Z"],
	])("%s: a nudge due the Monday after the change waits for 08:00 local", async (tz, sentIso, beforeIso, atIso) => {
		const { address, userId, baseline } = await newUser();
		await db.update(users).set({ timezone: tz }).where(eq(users.id, userId));
		await send(
			{ from: address, to: "Ann <ann@acme.example>", date: new Date(sentIso).toUTCString() },
			new Date(sentIso),
		);
		const [pending] = await db.select().from(nudges).where(eq(nudges.userId, userId));
		expect(pending?.dueAt.toISOString()).toBe(new Date(atIso).toISOString());
		await tick(new Date(beforeIso));
		expect(await newMail(address, baseline)).toEqual([]);
		await tick(new Date(atIso));
		expect(await newMail(address, baseline)).toHaveLength(1);
	});
});
