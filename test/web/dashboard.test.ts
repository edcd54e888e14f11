/**
 * The dashboard through the real fetch() handler, signed in: Today with Done and
 * Snooze, contacts (search, filter, one contact, notes, stop), activity,
 * settings, export, and deleting the account.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts, nudges, outbox, users } from "../../src/db/schema";
import { db, nudgesOf, send, userFactory, userRow } from "../support/inbound";
import { enqueue } from "../support/outbox";
import { call, post, sessionCookie } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("dash", T);

async function userWithOutreach() {
	const u = await newUser();
	await send(
		{ from: u.address, to: "Ann Lee <ann@acme.example>, Ben Stone <ben@stone.example>", subject: "Coffee?" },
		T,
	);
	const cookie = await sessionCookie(u.userId);
	const pending = await nudgesOf(u.userId, "pending");
	const ann = pending.find((r) => r.email === "ann@acme.example");
	return { ...u, cookie, annNudge: ann?.nudge.id ?? "", annContact: ann?.nudge.contactId ?? "" };
}

const html = async (res: Response) => {
	expect(res.status).toBe(200);
	return res.text();
};

describe("Today", () => {
	it("lists upcoming nudges with Done and Snooze; both act and come back with a notice", async () => {
		const u = await userWithOutreach();
		const page = await html(await call("/app", { cookie: u.cookie }));
		expect(page).toContain("Follow up with Ann Lee");
		expect(page).toContain("Follow up with Ben Stone");
		expect(page).toContain(`action="/app/nudges/${u.annNudge}/done"`);

		const done = await post(`/app/nudges/${u.annNudge}/done`, { back: "/app" }, u.cookie);
		expect(done.status).toBe(303);
		const notice = done.headers.getSetCookie().find((c) => c.startsWith("ft_flash="));
		expect(decodeURIComponent(notice ?? "")).toContain("Done: Ann Lee.");
		const [row] = await db.select().from(nudges).where(eq(nudges.id, u.annNudge));
		expect(row?.state).toBe("done");

		const ben = (await nudgesOf(u.userId, "pending"))[0]?.nudge;
		const snoozed = await post(`/app/nudges/${ben?.id}/snooze`, { days: "7" }, u.cookie);
		expect(snoozed.status).toBe(303);
		const [after] = await db
			.select()
			.from(nudges)
			.where(eq(nudges.id, ben?.id ?? ""));
		expect(after?.state).toBe("snoozed");
	});

	it("refuses a snooze length it does not offer", async () => {
		const u = await userWithOutreach();
		expect((await post(`/app/nudges/${u.annNudge}/snooze`, { days: "5000" }, u.cookie)).status).toBe(400);
	});
});

describe("Contacts", () => {
	it("searches by name and filters by status", async () => {
		const u = await userWithOutreach();
		const all = await html(await call("/app/contacts", { cookie: u.cookie }));
		expect(all).toContain("Ann Lee");
		expect(all).toContain("Ben Stone");
		const ann = await html(await call("/app/contacts?q=ann", { cookie: u.cookie }));
		expect(ann).toContain("Ann Lee");
		expect(ann).not.toContain("Ben Stone");
		const replied = await html(await call("/app/contacts?status=replied", { cookie: u.cookie }));
		expect(replied).toContain("No contacts match.");
	});

	it("pages through long lists, 25 at a time", async () => {
		const u = await newUser();
		const to = Array.from({ length: 20 }, (_, i) => `P${i} <p${i}@people.example>`).join(", ");
		await send({ from: u.address, to, subject: "Hello" }, T);
		const more = Array.from({ length: 10 }, (_, i) => `Q${i} <q${i}@people.example>`).join(", ");
		await send({ from: u.address, to: more, subject: "Hello again", messageId: "more-1" }, T);
		const cookie = await sessionCookie(u.userId);
		const first = await html(await call("/app/contacts", { cookie }));
		expect(first.match(/href="\/app\/contacts\/[\w-]+"/g)).toHaveLength(25);
		// Next carries a cursor (the page reads only its rows); Previous goes back to page 1.
		const next = first.match(/href="(\/app\/contacts\?after=[\w-]+&amp;page=2)"/)?.[1];
		expect(next).toBeDefined();
		const second = await html(await call((next ?? "").replace("&amp;", "&"), { cookie }));
		expect(second.match(/href="\/app\/contacts\/[\w-]+"/g)).toHaveLength(5);
		expect(second).toContain('<a href="/app/contacts">← Previous</a>');
		// A page number alone (an old link) still finds the page.
		const byNumber = await html(await call("/app/contacts?page=2", { cookie }));
		expect(byNumber.match(/href="\/app\/contacts\/[\w-]+"/g)).toEqual(second.match(/href="\/app\/contacts\/[\w-]+"/g));
	});

	it("shows one contact's timeline; saves notes; stops tracking", async () => {
		const u = await userWithOutreach();
		const page = await html(await call(`/app/contacts/${u.annContact}`, { cookie: u.cookie }));
		expect(page).toContain("<h1>Ann Lee</h1>");
		expect(page).toContain("You wrote: &quot;Coffee?&quot;");
		expect(page).toContain("follow up reminder due");
		// The one stored mail to both shows once on each one's page (by thread or by address).
		const ben = (await nudgesOf(u.userId, "pending")).find((r) => r.email === "ben@stone.example");
		const benPage = await html(await call(`/app/contacts/${ben?.nudge.contactId}`, { cookie: u.cookie }));
		for (const p of [page, benPage]) expect(p.split("You wrote: &quot;Coffee?&quot;")).toHaveLength(2);

		expect((await post(`/app/contacts/${u.annContact}/notes`, { notes: "Met at <PyCon>" }, u.cookie)).status).toBe(303);
		const withNotes = await html(await call(`/app/contacts/${u.annContact}`, { cookie: u.cookie }));
		expect(withNotes).toContain("Met at &lt;PyCon&gt;");

		expect((await post(`/app/contacts/${u.annContact}/stop`, {}, u.cookie)).status).toBe(303);
		const [c] = await db.select().from(contacts).where(eq(contacts.id, u.annContact));
		expect(c?.status).toBe("closed");
		expect((await nudgesOf(u.userId, "pending")).map((r) => r.email)).toEqual(["ben@stone.example"]);
		// In the product's words (DESIGN: stopped), on the contact's page.
		const stopped = await html(await call(`/app/contacts/${u.annContact}`, { cookie: u.cookie }));
		expect(stopped).toContain("<dt>Status</dt><dd>stopped</dd>");
	});
});

describe("Contact timeline", () => {
	it("pages through a long history, newest first", async () => {
		const u = await userWithOutreach();
		const now = Date.now();
		// D1 takes 100 bound parameters a statement: 10 rows at a time.
		const rows = Array.from({ length: 30 }, (_, i) => ({
			id: `old-${u.userId}-${i}`,
			userId: u.userId,
			contactId: u.annContact,
			kind: "check_in" as const,
			state: "done" as const,
			dueAt: new Date(now - (i + 10) * 86_400_000),
			createdAt: new Date(now),
			updatedAt: new Date(now),
		}));
		for (let i = 0; i < rows.length; i += 10) await db.insert(nudges).values(rows.slice(i, i + 10));
		const first = await html(await call(`/app/contacts/${u.annContact}`, { cookie: u.cookie }));
		const entries = (page: string) => page.split('id="timeline"')[1]?.split("<h2>")[0]?.match(/<li>/g)?.length;
		expect(entries(first)).toBe(25);
		const next = first.match(/href="(\/app\/contacts\/[\w-]+\?after=[\w-]+&amp;page=2)"/)?.[1];
		expect(next).toBeDefined();
		const second = await html(await call((next ?? "").replace("&amp;", "&"), { cookie: u.cookie }));
		expect(entries(second)).toBe(7); // 30 check-ins + the follow-up + the outreach mail = 32
		// The same page by number (an old link), and back by cursor to the first.
		const byNumber = await html(await call(`/app/contacts/${u.annContact}?page=2`, { cookie: u.cookie }));
		expect(entries(byNumber)).toBe(7);
		expect(second).toContain(`<a href="/app/contacts/${u.annContact}">← Previous</a>`);
	});
});

describe("Activity", () => {
	it("lists each inbound email with what it did", async () => {
		const u = await userWithOutreach();
		const page = await html(await call("/app/activity", { cookie: u.cookie }));
		expect(page).toContain("Coffee?");
		expect(page).toMatch(/done: outreach/);
	});

	it("shows mail of ours the provider refused for good", async () => {
		const u = await newUser();
		const row = await enqueue(
			{ kind: "digest", userId: u.userId, to: u.address, subject: "Follow up with Ann Lee" },
			new Date(),
		);
		await db.update(outbox).set({ state: "failed", lastError: "422: Invalid `to` field" }).where(eq(outbox.id, row.id));
		const page = await html(await call("/app/activity", { cookie: await sessionCookie(u.userId) }));
		expect(page).toContain("Mail we could not deliver to you");
		expect(page).toContain("&quot;Follow up with Ann Lee&quot;");
		expect(page).toContain("422: Invalid `to` field");
	});
});

describe("Settings", () => {
	it("saves timezone (a city), digest time, mode and working days", async () => {
		const u = await newUser();
		const cookie = await sessionCookie(u.userId);
		const res = await post(
			"/app/settings",
			{
				timezone: "berlin",
				digestTime: "7:30",
				mode: "instant",
				days: ["1", "2", "3", "4"],
				followUpDays: "5",
				followUpEvery: "7",
			},
			cookie,
		);
		expect(res.status).toBe(303);
		expect(await userRow(u.userId)).toMatchObject({
			timezone: "Europe/Berlin",
			digestMinutes: 450,
			mode: "instant",
			businessDays: 0b0011110,
			followUpDays: 5,
			followUpEvery: 7,
		});
	});

	it("explains what is wrong and changes nothing", async () => {
		const u = await newUser();
		const cookie = await sessionCookie(u.userId);
		const res = await post(
			"/app/settings",
			{ timezone: "Atlantis", digestTime: "25:00", mode: "digest", followUpDays: "0", followUpEvery: "x" },
			cookie,
		);
		expect(res.status).toBe(400);
		const body = await res.text();
		expect(body).toContain("is not a timezone we know");
		expect(body).toContain("Use a time like");
		expect(body).toContain("Choose at least one day.");
		expect(body).toContain("Follow-up days are whole numbers from 1 to 30.");
		expect((await userRow(u.userId))?.timezone).toBe("America/New_York");
	});

	it("pauses and resumes; creates and revokes an API token", async () => {
		const u = await newUser();
		const cookie = await sessionCookie(u.userId);
		await post("/app/settings/pause", {}, cookie);
		expect((await userRow(u.userId))?.status).toBe("paused");
		await post("/app/settings/resume", {}, cookie);
		expect((await userRow(u.userId))?.status).toBe("active");

		const created = await html(await post("/app/settings/api-tokens", { label: "script" }, cookie));
		const token = created.match(/<code>(ft_\w+)<\/code>/)?.[1] ?? "";
		expect(token).toMatch(/^ft_[a-z2-7]{26}$/);
		const authed = await call("/api/v1/contacts", { headers: { authorization: `Bearer ${token}` } });
		expect(authed.status).toBe(200);
		const id = (await html(await call("/app/settings", { cookie }))).match(/api-tokens\/([\w-]+)\/revoke/)?.[1];
		expect((await post(`/app/settings/api-tokens/${id}/revoke`, {}, cookie)).status).toBe(303);
		expect((await call("/api/v1/contacts", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
	});
});

describe("Export and delete", () => {
	it("exports everything as JSON and each table as CSV", async () => {
		const u = await userWithOutreach();
		const json = await call("/app/export.json", { cookie: u.cookie });
		expect(json.headers.get("content-disposition")).toContain("attachment");
		const data = (await json.json()) as Record<string, unknown[]>;
		expect(data.contacts?.map((c) => (c as { email: string }).email).sort()).toEqual([
			"ann@acme.example",
			"ben@stone.example",
		]);
		expect(data.nudges).toHaveLength(2);
		expect(JSON.stringify(data)).not.toMatch(/token_?hash/i);
		const csv = await (await call("/app/export.csv?table=contacts", { cookie: u.cookie })).text();
		expect(csv.split("\r\n")[0]).toContain('"email"');
		expect(csv).toContain('"ann@acme.example"');
	});

	it("deletes the account only after confirmation", async () => {
		const u = await userWithOutreach();
		expect((await post("/app/delete", { confirm: "nope" }, u.cookie)).status).toBe(400);
		expect(await userRow(u.userId)).toBeDefined();
		const res = await post("/app/delete", { confirm: "DELETE" }, u.cookie);
		expect(res.status).toBe(200);
		expect(await db.select().from(users).where(eq(users.id, u.userId))).toEqual([]);
		expect((await call("/app", { cookie: u.cookie })).status).toBe(303);
	});
});
