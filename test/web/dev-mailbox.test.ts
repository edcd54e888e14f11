import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { devMailbox, outbox } from "../../src/db/schema";
import { db, enqueue, tick } from "../support/outbox";
import { call } from "../support/web";

/** A plain GET through the real fetch() handler. */
const get = (path: string, bindings?: Record<string, unknown>) => call(path, {}, bindings);

const production = {
	...env,
	ENVIRONMENT: "production",
	MAIL_DOMAIN: "mail.example.com",
	APP_SECRET: "s".repeat(40),
	PUBLIC_URL: "https://app.example.com",
	RESEND_API_KEY: "re_x",
};

describe("fetch(): dev mailbox and basics", () => {
	beforeEach(async () => {
		await db.delete(outbox);
		await db.delete(devMailbox);
	});

	it("answers [] before any mail", async () => {
		const res = await get("/dev/mailbox.json");
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual([]);
	});

	it("lists mail oldest first with the contract's fields", async () => {
		const t = new Date("2026-11-23T08:00:00Z");
		await enqueue({ to: "first@example.com", replyTo: "r+abc@followthrough.test" }, t);
		await enqueue({ to: "second@example.com", html: "<p>hi</p>" }, t);
		await tick(t);
		const mails = (await (await get("/dev/mailbox.json")).json()) as Record<string, unknown>[];
		expect(mails.map((m) => m.to)).toEqual(["first@example.com", "second@example.com"]);
		expect(Object.keys(mails[0] ?? {}).sort()).toEqual(
			["createdAt", "from", "headers", "html", "id", "replyTo", "subject", "text", "to"].sort(),
		);
		expect(mails[0]).toMatchObject({ replyTo: "r+abc@followthrough.test", html: null });
		expect(mails[1]).toMatchObject({ replyTo: null, html: "<p>hi</p>" });
	});

	it("renders the HTML mailbox with everything escaped", async () => {
		const t = new Date("2026-11-23T08:00:00Z");
		await enqueue({ to: "pat@example.com", subject: "<script>alert(1)</script>", text: "a < b & c" }, t);
		await tick(t);
		const res = await get("/dev/mailbox");
		expect(res.headers.get("content-type")).toContain("text/html");
		const html = await res.text();
		expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
		expect(html).not.toContain("<script>alert(1)</script>");
		expect(html).toContain("a &lt; b &amp; c");
	});

	it.each(["/dev/mailbox", "/dev/mailbox.json"])("answers 404 for %s outside development", async (path) => {
		const res = await get(path, production);
		expect(res.status).toBe(404);
	});

	it("sets secure headers on every response", async () => {
		for (const path of ["/health", "/dev/mailbox.json", "/nope"]) {
			const res = await get(path);
			expect(res.headers.get("x-content-type-options")).toBe("nosniff");
			expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
			expect(res.headers.get("referrer-policy")).toBe("no-referrer");
		}
	});

	it("answers 500 naming the missing setting when misconfigured", async () => {
		const res = await get("/health", { ...production, APP_SECRET: undefined });
		expect(res.status).toBe(500);
		expect(await res.text()).toContain("APP_SECRET is required in production");
	});

	it("answers unknown paths with a JSON 404", async () => {
		const res = await get("/nope");
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
	});

	it("answers a browser's unknown path (a dashboard button's address opened by hand) with a page", async () => {
		const res = await call("/no/such/page", { headers: { accept: "text/html,application/xhtml+xml" } });
		expect(res.status).toBe(404);
		expect(res.headers.get("content-type")).toContain("text/html");
		expect(await res.text()).toContain('There is nothing here. <a href="/app">Back to Today</a>.');
		const api = await call("/api/v1/nope", { headers: { accept: "text/html" } });
		expect(await api.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
	});
});
