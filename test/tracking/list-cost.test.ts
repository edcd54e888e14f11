/**
 * Every list reads O(page) rows (issue 14): each list is requested through the real
 * endpoints for a user with 10,000 contacts and one with 10, and D1's own
 * `meta.rows_read` is summed over the request. The large user's pages, deep ones
 * included, read about what the small user's do: a few rows per row shown.
 */
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendarTokenRepo, FEED_LIMIT } from "../../src/insights/calendar-tokens";
import { WEEKS_SHOWN } from "../../src/insights/insights-math";
import { PAGE_SIZE } from "../../src/lib/paging";
import { createApiTokenRepo } from "../../src/session/api-tokens";
import { type D1Meter, d1Meter } from "../support/d1-meter";
import { db, userFactory } from "../support/inbound";
import { seedContacts } from "../support/seed-contacts";
import { call, sessionCookie } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");
const LARGE = 10_000;
const SMALL = 10;
/**
 * Rows a request may read beyond its page: the session, the user, a join or two per row
 * shown (referrer, open nudge, thread). Independent of how many contacts the user has.
 */
const PER_ROW = 4;
const FIXED = 40;
const bound = (rows: number) => FIXED + PER_ROW * rows;

interface Account {
	userId: string;
	cookie: string;
	token: string;
	firstContact: string;
}
const newUser = userFactory("listcost", T);
let large: Account;
let small: Account;
let meter: D1Meter;
const figures: string[] = [];
afterAll(() => console.log(`LIST COST\n${figures.join("\n")}`));

async function account(contacts: number): Promise<Account> {
	const { userId } = await newUser();
	await seedContacts(userId, contacts, T);
	return {
		userId,
		cookie: await sessionCookie(userId),
		token: await createApiTokenRepo(db).create(userId, "list cost", T),
		firstContact: `${userId}-c0`,
	};
}

/** Rows read by one request through the real fetch() handler, on the metered binding. */
async function measured(path: string, who: Account, api = false) {
	meter.reset();
	const res = await call(path, api ? { headers: { authorization: `Bearer ${who.token}` } } : { cookie: who.cookie }, {
		...env,
		DB: meter.db,
	} as unknown as Record<string, unknown>);
	expect(res.status).toBe(200);
	const body = await res.text();
	expect(meter.roundTrips()).toBeGreaterThan(0);
	figures.push(`${who === large ? "large" : "small"} ${path.slice(0, 60)}: ${meter.rowsRead()} rows read`);
	return { rows: meter.rowsRead(), body };
}

/** A pager link of an HTML page (it carries the cursor). */
const link = (html: string, label: string) => {
	const m = html.match(new RegExp(`<a href="([^"]+)">${label}</a>`));
	if (!m?.[1]) throw new Error(`no ${label} link`);
	return m[1].replace(/&amp;/g, "&");
};
const nextLink = (html: string) => link(html, "Next →");

beforeAll(async () => {
	meter = d1Meter(env.DB);
	large = await account(LARGE);
	small = await account(SMALL);
});

describe("list cost with 10,000 contacts", () => {
	it("the meter counts D1's rows read, raw() selects included", async () => {
		meter.reset();
		await meter.db.prepare("select id from contacts where user_id = ?1").bind(large.userId).raw();
		expect(meter.rowsRead()).toBeGreaterThanOrEqual(LARGE);
	});

	it("Contacts: page 1, a deep page by cursor, and a status filter", async () => {
		const one = await measured("/app/contacts", large);
		const base = await measured("/app/contacts", small);
		expect(one.body).toContain("Person 1<");
		expect(one.rows).toBeLessThanOrEqual(bound(PAGE_SIZE));
		expect(one.rows).toBeLessThanOrEqual(base.rows + PER_ROW * PAGE_SIZE);
		// Walk three pages on by their Next links: page 4 costs what page 1 does.
		let page = one;
		for (let i = 0; i < 3; i++) page = await measured(nextLink(page.body), large);
		expect(page.body).toContain("Page 4");
		expect(page.body).toContain(`Person ${3 * PAGE_SIZE + 1}<`);
		expect(page.rows).toBeLessThanOrEqual(bound(PAGE_SIZE));
		expect(page.rows).toBeLessThanOrEqual(one.rows + 5);
		// And one back by its Previous link (a `before` cursor): page 3, as cheap.
		const back = await measured(link(page.body, "← Previous"), large);
		expect(back.body).toContain("Page 3");
		expect(back.body).toContain(`Person ${2 * PAGE_SIZE}<`);
		expect(back.body).toContain(`Person ${3 * PAGE_SIZE - 1}<`);
		expect(back.body).not.toContain(`Person ${3 * PAGE_SIZE}<`);
		expect(back.rows).toBeLessThanOrEqual(one.rows + 5);
		const filtered = await measured("/app/contacts?status=awaiting_reply", large);
		expect(filtered.rows).toBeLessThanOrEqual(bound(PAGE_SIZE));
	});

	it("Today: page 1 and the next", async () => {
		const one = await measured("/app", large);
		expect(one.rows).toBeLessThanOrEqual(bound(PAGE_SIZE));
		const two = await measured(nextLink(one.body), large);
		expect(two.body).toContain("Page 2");
		expect(two.rows).toBeLessThanOrEqual(bound(PAGE_SIZE));
	});

	it("Activity: page 1, then pages on by cursor, each reading its own rows", async () => {
		const shown = (body: string) => [...body.matchAll(/Hello (\d+)</g)].map((m) => Number(m[1]));
		const one = await measured("/app/activity", large);
		expect(one.body).toContain("Hello 0<");
		expect(one.rows).toBeLessThanOrEqual(bound(PAGE_SIZE));
		const pages = [one];
		for (let i = 0; i < 3; i++) pages.push(await measured(nextLink(pages.at(-1)?.body ?? ""), large));
		const [, , three, four] = pages;
		expect(four?.body).toContain("Page 4");
		// Newest first, with nothing skipped or repeated from one page to the next.
		const walked = pages.flatMap((p) => shown(p.body));
		expect(walked).toEqual(Array.from({ length: walked.length }, (_, i) => i));
		expect(walked.length).toBeGreaterThan(3 * PAGE_SIZE);
		expect(four?.rows).toBeLessThanOrEqual(one.rows + 5);
		const back = await measured(link(four?.body ?? "", "← Previous"), large);
		expect(back.body).toContain("Page 3");
		expect(shown(back.body)).toEqual(shown(three?.body ?? ""));
		expect(back.rows).toBeLessThanOrEqual(one.rows + 5);
	});

	it("the calendar feed (a list of up to 1,000 open nudges) reads its own rows", async () => {
		const feed = async (who: Account, limit: number) => {
			const secret = await createCalendarTokenRepo(db).create(who.userId, T);
			const res = await measured(`/api/v1/calendar/${secret}.ics`, who);
			expect(res.body.match(/BEGIN:VEVENT/g)).toHaveLength(limit);
			return res.rows;
		};
		expect(await feed(large, FEED_LIMIT)).toBeLessThanOrEqual(bound(FEED_LIMIT));
	});

	it("Insights is an aggregate (it reads the user's rows), but not once per week shown", async () => {
		await measured("/app/insights", large);
		const [heaviest] = meter.readBySql();
		expect(heaviest?.[1]).toBeLessThan(WEEKS_SHOWN * LARGE);
	});

	it("a contact's page and its timeline", async () => {
		const one = await measured(`/app/contacts/${large.firstContact}`, large);
		const base = await measured(`/app/contacts/${small.firstContact}`, small);
		expect(one.body).toContain("Hello 0");
		expect(one.rows).toBeLessThanOrEqual(base.rows + FIXED);
	});

	it("GET /api/v1/contacts, /api/v1/nudges (and their next pages), /api/v1/contacts/{id}", async () => {
		for (const path of ["/api/v1/contacts", "/api/v1/nudges"]) {
			const one = await measured(path, large, true);
			const { next, data } = JSON.parse(one.body) as { next: string; data: unknown[] };
			expect(data).toHaveLength(PAGE_SIZE);
			expect(one.rows).toBeLessThanOrEqual(bound(PAGE_SIZE));
			const two = await measured(`${path}?after=${next}`, large, true);
			expect(two.rows).toBeLessThanOrEqual(bound(PAGE_SIZE));
		}
		const detail = await measured(`/api/v1/contacts/${large.firstContact}`, large, true);
		const base = await measured(`/api/v1/contacts/${small.firstContact}`, small, true);
		expect(detail.rows).toBeLessThanOrEqual(base.rows + FIXED);
	});
});
