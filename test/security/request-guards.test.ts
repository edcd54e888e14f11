/**
 * Issue 12, item 6, through the real fetch() handler: a development Worker answers
 * only on loopback (its dev mailbox and public APP_SECRET stay local); API calls
 * with a bearer token need no CSRF check, even a POST without a Content-Type,
 * while the dashboard's forms keep theirs.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApiTokenRepo } from "../../src/session/api-tokens";
import { db, nudgesOf, send, signUp } from "../support/inbound";
import { call, post, sessionCookie } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");
const production = {
	...env,
	ENVIRONMENT: "production",
	MAIL_DOMAIN: "mail.example.com",
	APP_SECRET: "s".repeat(40),
	PUBLIC_URL: "https://app.example.com",
	RESEND_API_KEY: "re_x",
};

describe("development answers only on loopback", () => {
	it.for(["http://followthrough.example.workers.dev", "http://192.168.1.20:8787", "http://evil.example"])(
		"refuses %s",
		async (origin) => {
			for (const path of ["/dev/mailbox.json", "/health", "/signin"]) {
				const res = await call(`${origin}${path}`);
				expect(res.status).toBe(403);
				expect(await res.text()).toContain("development mode");
			}
		},
	);

	it.for(["http://127.0.0.1:8787", "http://localhost:8787", "http://[::1]:8787"])("answers on %s", async (origin) => {
		expect((await call(`${origin}/dev/mailbox.json`)).status).toBe(200);
	});

	it("a production Worker answers on its own name", async () => {
		expect((await call("https://app.example.com/health", {}, production)).status).toBe(200);
	});
});

describe("CSRF", () => {
	it("an API POST with a bearer token and no Content-Type is not refused", async () => {
		const userId = await signUp("api@guards.example", T);
		await send({ from: "api@guards.example", to: "Ann Lee <ann@acme.example>", subject: "Hi" }, T);
		const [nudge] = await nudgesOf(userId);
		const token = await createApiTokenRepo(db).create(userId, "guards", new Date());
		const res = await call(`/api/v1/nudges/${nudge?.nudge.id}/done`, {
			method: "POST",
			headers: { authorization: `Bearer ${token}`, origin: "https://elsewhere.example" },
		});
		expect(res.status).not.toBe(403);
		expect(res.status).toBeLessThan(300);
	});

	it("a cross-site form POST to the dashboard is still refused", async () => {
		const userId = await signUp("form@guards.example", T);
		const res = await post("/app/settings/pause", {}, await sessionCookie(userId), "https://evil.example");
		expect(res.status).toBe(403);
	});
});
