/**
 * The calendar feed through the real handlers: made in Settings (shown once),
 * fetched by its secret address, parsed by ical.js in three timezones across
 * DST changes, following nudges as they move, and 404 once revoked or replaced.
 */
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { nudges } from "../../src/db/schema";
import { createApiTokenRepo } from "../../src/session/api-tokens";
import { instantAt } from "../../src/time/local-time";
import { db } from "../support/outbox";
import { call, post, sessionCookie } from "../support/web";
import { seedContact, seedNudge, seedThread, seedUser } from "./seed-rows";

const NOW = new Date();

async function makeFeed(cookie: string): Promise<string> {
	const res = await post("/app/settings/calendar", {}, cookie);
	expect(res.status).toBe(200);
	const page = await res.text();
	const url = page.match(/value="(http:\/\/[^"]+\/api\/v1\/calendar\/[a-z2-7]{26}\.ics)"/)?.[1];
	expect(url, "the address is shown once").toBeTruthy();
	return url as string;
}

async function fetchFeed(url: string) {
	const res = await call(url);
	return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

function events(text: string) {
	const cal = new ICAL.Component(ICAL.parse(text));
	return cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

/** A user in `tz` with a follow-up due on a date-only day, a timed reminder at 09:00 local, and closed nudges. */
async function userWithNudges(tz: string, days: { allDay: string; timed: string }) {
	const userId = await seedUser(tz, NOW);
	const ann = await seedContact(userId, { name: "Ann Lee", at: NOW });
	const thread = await seedThread(userId, {
		contactId: ann,
		kind: "outreach",
		createdAt: NOW,
		lastOutboundAt: NOW,
		subject: "Coffee; next week, maybe?",
	});
	const followUp = await seedNudge(userId, {
		contactId: ann,
		threadId: thread,
		kind: "follow_up",
		state: "pending",
		dueAt: instantAt(days.allDay, 480, tz),
		dueOn: days.allDay,
		attempt: 1,
	});
	const reminder = await seedNudge(userId, {
		kind: "reminder",
		state: "snoozed",
		dueAt: instantAt(days.timed, 9 * 60, tz),
		note: "Send the portfolio, with the new case study",
	});
	// One open nudge per contact (DESIGN.md): the delivered check-in is about someone else.
	const bob = await seedContact(userId, { name: "Bob Stone", at: NOW });
	const delivered = await seedNudge(userId, {
		contactId: bob,
		kind: "check_in",
		state: "sent",
		dueAt: instantAt(days.allDay, 480, tz),
		dueOn: days.allDay,
		sentAt: NOW,
	});
	for (const state of ["done", "cancelled"] as const)
		await seedNudge(userId, { contactId: ann, kind: "follow_up", state, dueAt: NOW, dueOn: days.allDay });
	return { userId, ann, followUp, reminder, delivered, cookie: await sessionCookie(userId) };
}

// Each zone's DST change falls between now and the dates, or on them.
const ZONES = [
	{ tz: "Europe/Berlin", allDay: "2027-03-29", timed: "2027-03-28" },
	{ tz: "America/New_York", allDay: "2027-03-15", timed: "2027-03-14" },
	{ tz: "Asia/Kolkata", allDay: "2027-03-29", timed: "2027-03-28" },
];

describe("calendar feed", () => {
	it.for(ZONES)("is valid iCalendar in $tz: all-day on the due date, timed at 09:00 local, linked back", async (z) => {
		const u = await userWithNudges(z.tz, z);
		const url = await makeFeed(u.cookie);
		const feed = await fetchFeed(url);
		expect(feed.status).toBe(200);
		expect(feed.type).toBe("text/calendar; charset=utf-8");

		// RFC 5545 shape: CRLF lines of at most 75 octets, and ical.js reads back exactly what was written.
		const lines = feed.text.split("\r\n");
		expect(feed.text.endsWith("\r\n") || lines.at(-1) === "END:VCALENDAR").toBe(true);
		for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		const cal = new ICAL.Component(ICAL.parse(feed.text));
		expect(new ICAL.Component(ICAL.parse(cal.toString())).toString()).toBe(cal.toString());
		expect(cal.getFirstPropertyValue("version")).toBe("2.0");
		expect(cal.getFirstPropertyValue("prodid")).toBeTruthy();

		const evs = events(feed.text);
		expect(evs.map((e) => e.uid).sort()).toEqual(
			[u.followUp, u.reminder, u.delivered].map((id) => `${id}@followthrough.test`).sort(),
		);
		for (const e of evs) expect(e.component.getFirstPropertyValue("dtstamp")).toBeTruthy();

		const follow = evs.find((e) => e.uid.startsWith(u.followUp));
		expect(follow?.summary).toBe("Follow up with Ann Lee");
		expect(follow?.startDate.isDate).toBe(true);
		expect(follow?.startDate.toString()).toBe(z.allDay);
		expect(follow?.endDate.toString()).toBe(Temporal.PlainDate.from(z.allDay).add({ days: 1 }).toString());
		expect(follow?.component.getFirstPropertyValue("url")).toBe(`http://127.0.0.1:8787/app/contacts/${u.ann}`);
		expect(follow?.description).toContain('Last: "Coffee; next week, maybe?"');

		const timed = evs.find((e) => e.uid.startsWith(u.reminder));
		expect(timed?.summary).toBe("Reminder: Send the portfolio, with the new case study");
		expect(timed?.startDate.isDate).toBe(false);
		const start = timed?.startDate.toJSDate() as Date;
		expect(start.getTime()).toBe(instantAt(z.timed, 540, z.tz).getTime());
		const local = Temporal.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO(z.tz);
		expect([local.toPlainDate().toString(), local.hour, local.minute]).toEqual([z.timed, 9, 0]);
		expect(timed?.component.getFirstPropertyValue("url")).toBe("http://127.0.0.1:8787/app");
	});

	it("follows the nudges as they move, and a revoked or replaced address is a 404", async () => {
		const u = await userWithNudges("Europe/Berlin", ZONES[0] as (typeof ZONES)[0]);
		const settings = await (await call("/app/settings", { cookie: u.cookie })).text();
		expect(settings).toContain("Calendar feed");
		expect(settings).toContain("Get a calendar address");
		const url = await makeFeed(u.cookie);
		expect(await (await call("/app/settings", { cookie: u.cookie })).text()).toContain("Turn off");

		// Snoozed to a later day: the feed shows the new date; done: it leaves the feed.
		await db.update(nudges).set({ dueOn: "2027-04-06", state: "snoozed" }).where(eq(nudges.id, u.followUp));
		await db.update(nudges).set({ state: "done" }).where(eq(nudges.id, u.delivered));
		const moved = events((await fetchFeed(url)).text);
		expect(moved.find((e) => e.uid.startsWith(u.followUp))?.startDate.toString()).toBe("2027-04-06");
		expect(moved.some((e) => e.uid.startsWith(u.delivered))).toBe(false);

		// A new address retires the old one.
		const second = await makeFeed(u.cookie);
		expect(second).not.toBe(url);
		expect((await fetchFeed(url)).status).toBe(404);
		expect((await fetchFeed(second)).status).toBe(200);

		const off = await post("/app/settings/calendar/revoke", {}, u.cookie);
		expect(off.status).toBe(303);
		expect((await fetchFeed(second)).status).toBe(404);
		expect(await (await call("/app/settings", { cookie: u.cookie })).text()).toContain("Get a calendar address");

		// A feed secret is not an API token, and an API token's secret is not a feed.
		const live = await makeFeed(u.cookie);
		const secret = live.match(/([a-z2-7]{26})\.ics$/)?.[1] ?? "";
		expect((await call("/api/v1/insights", { headers: { authorization: `Bearer ft_${secret}` } })).status).toBe(401);
		const api = await createApiTokenRepo(db).create(u.userId, "x", new Date());
		expect((await fetchFeed(live.replace(secret, api.slice(3)))).status).toBe(404);

		// Not a token of ours, or not even token-shaped: the same 404.
		expect((await fetchFeed(second.replace(/[a-z2-7]{26}\.ics$/, `${"a".repeat(26)}.ics`))).status).toBe(404);
		expect((await call("/api/v1/calendar/../app")).status).toBe(404);
	});

	it("cannot be made or revoked without a session or from another site", async () => {
		expect((await post("/app/settings/calendar", {})).status).toBe(303);
		const u = await userWithNudges("UTC", { allDay: "2027-01-04", timed: "2027-01-05" });
		expect((await post("/app/settings/calendar", {}, u.cookie, "https://evil.example")).status).toBe(403);
	});
});
