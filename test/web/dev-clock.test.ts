/**
 * The dev clock (DESIGN.md, "Local runtime contract") through the real handlers:
 * POST /dev/clock moves every handler's "now" (pages, inbound mail, a cron call
 * without a time), from where it runs on; a cron call with a time uses that time;
 * DELETE returns to real time; outside development all three answer 404 and a
 * stored clock is never read.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { devClock, outbox } from "../../src/db/schema";
import { AUTH_PASS, deliverEmail, rawMail } from "../support/email";
import { db, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";
import { call, sessionCookie } from "../support/web";

const MONDAY = Date.parse("2026-11-23T14:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

const production = {
	...env,
	ENVIRONMENT: "production",
	MAIL_DOMAIN: "mail.example.com",
	APP_SECRET: "s".repeat(40),
	PUBLIC_URL: "https://app.example.com",
	RESEND_API_KEY: "re_x",
};

const setClock = (ms: number | string) => call(`/dev/clock?time=${ms}`, { method: "POST" });
const clockNow = async () => Date.parse(((await (await call("/dev/clock")).json()) as { now: string }).now);

/** The "now" a cron run reports in its one-line log. */
async function tickNow(time: Date): Promise<number> {
	const log = vi.spyOn(console, "log");
	try {
		await tick(time);
		const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith('{"event":"tick"'));
		return Date.parse((JSON.parse(line ?? "{}") as { now?: string }).now ?? "");
	} finally {
		log.mockRestore();
	}
}

afterEach(async () => {
	await db.delete(devClock);
});

describe("the dev clock", () => {
	it("GET answers real time until a clock is set", async () => {
		const before = Date.now();
		const now = await clockNow();
		expect(now).toBeGreaterThanOrEqual(before);
		expect(now).toBeLessThanOrEqual(Date.now());
	});

	it("POST sets now, which runs on from there; DELETE returns to real time", async () => {
		const res = await setClock(MONDAY);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ now: "2026-11-23T14:00:00.000Z" });
		await new Promise((r) => setTimeout(r, 50));
		const later = await clockNow();
		expect(later).toBeGreaterThanOrEqual(MONDAY + 40);
		expect(later).toBeLessThan(MONDAY + 5_000);

		expect((await call("/dev/clock", { method: "DELETE" })).status).toBe(200);
		const real = await clockNow();
		expect(Math.abs(real - Date.now())).toBeLessThan(5_000);
	});

	it.each(["", "abc", "-1", "1.5", "9e15"])("POST refuses time=%j with 400 and keeps the clock", async (bad) => {
		await setClock(MONDAY);
		const res = await setClock(bad);
		expect(res.status).toBe(400);
		expect(await clockNow()).toBeLessThan(MONDAY + 5_000);
	});

	it("POST and DELETE need no Origin (CSRF-exempt), even with a form content type", async () => {
		const form = { "content-type": "application/x-www-form-urlencoded" };
		expect((await call(`/dev/clock?time=${MONDAY}`, { method: "POST", headers: form })).status).toBe(200);
		expect((await call("/dev/clock", { method: "DELETE", headers: form })).status).toBe(200);
	});

	it("pages run on it: a 30-day session signed in today has expired 31 days on", async () => {
		const user = await userFactory("clock", new Date())();
		const cookie = await sessionCookie(user.userId);
		expect((await call("/app", { cookie })).status).toBe(200);
		await setClock(Date.now() + 31 * DAY);
		const res = await call("/app", { cookie });
		expect(res.status).toBe(303);
		expect(res.headers.get("location")).toMatch(/^\/signin/);
	});

	it("inbound mail runs on it: a new sender's verification mail is written at the set moment", async () => {
		await setClock(MONDAY);
		const address = "clock-new@example.org";
		await deliverEmail(
			rawMail({
				from: address,
				to: "help@followthrough.test",
				headers: [`ARC-Authentication-Results: ${AUTH_PASS("example.org")}`],
			}),
			{ from: address, to: "help@followthrough.test" },
		);
		const rows = await db.select().from(outbox).where(eq(outbox.toAddress, address));
		expect(rows.map((r) => r.kind)).toEqual(["verification"]);
		const at = rows[0]?.createdAt.getTime() ?? 0;
		expect(at).toBeGreaterThanOrEqual(MONDAY);
		expect(at).toBeLessThan(MONDAY + 5_000);
	});

	it("a cron call without a time runs at the dev clock's now; one with a time runs at that time", async () => {
		await setClock(MONDAY);
		// Without `time`, workerd's scheduledTime is its own now.
		const implicit = await tickNow(new Date());
		expect(implicit).toBeGreaterThanOrEqual(MONDAY);
		expect(implicit).toBeLessThan(MONDAY + 5_000);
		const thursday = new Date("2026-11-26T13:05:00Z");
		expect(await tickNow(thursday)).toBe(thursday.getTime());
	});

	it("a cron call runs at real time when no clock is set", async () => {
		const before = Date.now();
		const now = await tickNow(new Date());
		expect(now).toBeGreaterThanOrEqual(before - 1_000);
		expect(now).toBeLessThanOrEqual(Date.now());
	});
});

describe("the dev clock outside development", () => {
	it.each([
		["GET", "/dev/clock"],
		["POST", `/dev/clock?time=${MONDAY}`],
		["DELETE", "/dev/clock"],
	])("%s %s answers 404", async (method, path) => {
		const res = await call(path, { method }, production);
		expect(res.status).toBe(404);
	});

	it("a stored clock is never read: production's cron runs at real time", async () => {
		await db.insert(devClock).values({ id: 1, setTo: MONDAY, setAt: Date.now() });
		const log = vi.spyOn(console, "log");
		try {
			const before = Date.now();
			await tick(new Date(), production);
			const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith('{"event":"tick"'));
			const now = Date.parse((JSON.parse(line ?? "{}") as { now?: string }).now ?? "");
			expect(now).toBeGreaterThanOrEqual(before - 1_000);
			expect(now).toBeLessThanOrEqual(Date.now());
		} finally {
			log.mockRestore();
		}
	});
});
