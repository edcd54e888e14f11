/**
 * Magic-link sign-in through the real fetch() handler: the link is mailed, its
 * GET changes nothing, its POST works once and starts a session; unknown
 * addresses get the same answer; requests are rate-limited per address and IP;
 * sessions can be ended.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, tokens } from "../../src/db/schema";
import { SIGN_IN_LIMITS } from "../../src/session/sign-in-limits";
import { db, mailsTo, userFactory } from "../support/inbound";
import { call, ORIGIN, post, setCookie } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("signin", T);

async function requestLink(address: string, ip = "198.51.100.7") {
	const res = await call("/signin", {
		method: "POST",
		headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, "cf-connecting-ip": ip },
		body: new URLSearchParams({ email: address }).toString(),
	});
	const mail = (await mailsTo(address)).at(-1);
	const link = mail?.text.match(/http:\/\/\S+\/signin\/(\w+)/);
	return { res, mail, path: link ? `/signin/${link[1]}` : null };
}

describe("magic-link sign-in", () => {
	it("mails a single-use link; its GET changes nothing; its POST signs in with a safe cookie", async () => {
		const { address } = await newUser();
		const { res, mail, path } = await requestLink(address);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain("Check your email");
		expect(mail?.subject).toBe("Your Followthrough sign-in link");
		expect(mail?.text).toContain("It works once, for 15 minutes.");
		expect(path).not.toBeNull();
		// Like every mail of ours: a Reply-To that takes commands, and a one-click stop.
		expect(mail?.replyTo).toMatch(/^r\+[a-z2-7]+@followthrough\.test$/);
		expect(mail?.headers).toMatchObject({
			"auto-submitted": "auto-generated",
			"list-unsubscribe-post": "List-Unsubscribe=One-Click",
		});
		// Anyone may ask for this mail for an address: its reply token lives a day.
		const replyTokens = (
			await db
				.select()
				.from(tokens)
				.where(eq(tokens.outboxId, mail?.id ?? ""))
		).filter((t) => t.purpose === "reply");
		expect(replyTokens.map((t) => t.expiresAt.getTime() - t.createdAt.getTime())).toEqual([86_400_000]);

		// A mail scanner opening the link twice does not use it up.
		for (let i = 0; i < 2; i++) expect((await call(path ?? "")).status).toBe(200);

		const signedIn = await post(path ?? "");
		expect(signedIn.status).toBe(303);
		expect(signedIn.headers.get("location")).toBe("/app");
		const cookie = setCookie(signedIn, "ft_session") ?? "";
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i); // plain http in development only
		const today = await call("/app", { cookie: cookie.split(";")[0] ?? "" });
		expect(today.status).toBe(200);
		expect(await today.text()).toContain("<h1>Today</h1>");

		const again = await post(path ?? "");
		expect(again.status).toBe(400);
		expect(await again.text()).toContain("already used or has expired");
	});

	it("outside development the cookie is Secure and __Host- prefixed", async () => {
		const { address } = await newUser();
		const { path } = await requestLink(address);
		const production = {
			...env,
			ENVIRONMENT: "production",
			MAIL_DOMAIN: "followthrough.test",
			PUBLIC_URL: ORIGIN,
			APP_SECRET: "x".repeat(40),
			RESEND_API_KEY: "re_test",
		};
		const res = await call(path ?? "", { method: "POST", headers: { origin: ORIGIN } }, production);
		expect(res.status).toBe(303);
		expect(setCookie(res, "__Host-ft_session")).toMatch(/; Secure/i);
	});

	it("an expired link does not sign in", async () => {
		const { address, userId } = await newUser();
		const { path } = await requestLink(address);
		await db
			.update(tokens)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(tokens.userId, userId));
		expect((await post(path ?? "")).status).toBe(400);
	});

	it("an unknown address gets the same answer and no mail", async () => {
		const { res, mail } = await requestLink("nobody-here@example.com");
		expect(res.status).toBe(200);
		expect(await res.text()).toContain("Check your email");
		expect(mail).toBeUndefined();
	});

	it("limits requests per address, then per IP, with Retry-After", async () => {
		const { address } = await newUser();
		for (let i = 0; i < SIGN_IN_LIMITS.address.max; i++)
			expect((await requestLink(address, `203.0.113.${i}`)).res.status).toBe(200);
		const limited = await requestLink(address, "203.0.113.99");
		expect(limited.res.status).toBe(429);
		expect(Number(limited.res.headers.get("retry-after"))).toBeGreaterThan(0);

		const ip = "192.0.2.55";
		for (let i = 0; i < SIGN_IN_LIMITS.ip.max; i++)
			expect((await requestLink(`someone${i}@example.com`, ip)).res.status).toBe(200);
		expect((await requestLink("one-more@example.com", ip)).res.status).toBe(429);
	});

	it("signing out revokes the session: the cookie no longer opens the dashboard", async () => {
		const { address, userId } = await newUser();
		const { path } = await requestLink(address);
		const cookie = (setCookie(await post(path ?? ""), "ft_session") ?? "").split(";")[0] ?? "";
		expect((await call("/app", { cookie })).status).toBe(200);
		const out = await post("/signout", {}, cookie);
		expect(out.status).toBe(303);
		expect(setCookie(out, "ft_session")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
		const after = await call("/app", { cookie });
		expect(after.status).toBe(303);
		expect(after.headers.get("location")).toBe("/signin?next=%2Fapp");
		const [row] = await db.select().from(sessions).where(eq(sessions.userId, userId));
		expect(row?.revokedAt).not.toBeNull();
	});

	it("after sign-in it returns to the page that asked, and never to another site", async () => {
		const { address } = await newUser();
		for (const [next, expected] of [
			["/app/contacts?status=replied", "/app/contacts?status=replied"],
			["https://evil.example/app", "/app"],
			["//evil.example/app", "/app"],
			["/app//evil.example", "/app"],
		] as const) {
			await call("/signin", {
				method: "POST",
				headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
				body: new URLSearchParams({ email: address, next }).toString(),
			});
			const link = (await mailsTo(address)).at(-1)?.text.match(/\/signin\/(\w+)/)?.[1];
			const res = await post(`/signin/${link}`);
			expect(res.headers.get("location")).toBe(expected);
		}
	});
});
