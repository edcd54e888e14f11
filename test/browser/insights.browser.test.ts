/**
 * Insights and the calendar feed in a real Chromium: a user writes to two people,
 * forwards one's reply and an introduction, signs in, and opens Insights (four
 * server-rendered SVG charts, no script needed) and Settings → Calendar feed.
 * Each page is checked with axe-core (no serious or critical violation) and
 * screenshotted under test-results/browser/, also in greyscale.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

const BASE = process.env.FOLLOWTHROUGH_URL ?? "http://127.0.0.1:8787";
const SHOTS = join(process.cwd(), "test-results", "browser");
const USER = `insights-${Date.now()}@example.com`;
const AUTH =
	"ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=pass header.d=example.com; dmarc=pass header.from=example.com; spf=pass smtp.mailfrom=x@example.com";

let browser: Browser;
beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH, args: ["--no-sandbox"] });
});
afterAll(async () => {
	await browser?.close();
});

async function deliver(to: string, raw: string) {
	const res = await fetch(
		`${BASE}/cdn-cgi/handler/email?from=${encodeURIComponent(USER)}&to=${encodeURIComponent(to)}`,
		{ method: "POST", body: raw },
	);
	expect(res.status, await res.text()).toBe(200);
}
let n = 0;
const mail = (headers: Record<string, string>, body: string) =>
	`${AUTH}\r\n${Object.entries({
		From: `Ines Sight <${USER}>`,
		Date: new Date().toUTCString(),
		"Message-ID": `<i${++n}-${Date.now()}@example.com>`,
		"MIME-Version": "1.0",
		"Content-Type": "text/plain; charset=utf-8",
		...headers,
	})
		.map(([k, v]) => `${k}: ${v}`)
		.join("\r\n")}\r\n\r\n${body}\r\n`;
const mailbox = async () =>
	(await (await fetch(`${BASE}/dev/mailbox.json`)).json()) as { to: string; text: string; replyTo: string | null }[];
const lastTo = async (address: string) => (await mailbox()).filter((m) => m.to === address).at(-1);
async function signInLink(address: string): Promise<string> {
	for (let i = 0; i < 100; i++) {
		const link = (await lastTo(address))?.text.match(/http:\/\/\S+\/signin\/\w+/)?.[0];
		if (link) return link;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no sign-in link for ${address}`);
}

async function check(page: Page, name: string) {
	await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
	const result = await new AxeBuilder({ page }).analyze();
	const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
	expect(
		bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((x) => x.target.join(" ")).join(", ")})`),
		`${name}: accessibility`,
	).toEqual([]);
}

it("Insights draws its charts without script, accessibly; Settings gives a calendar address that serves a feed", async () => {
	await deliver(
		"track@followthrough.test",
		mail(
			{ To: "Ann Lee <ann@acme.example>, Ben Stone <ben@stone.example>", Subject: "Coffee next week?" },
			"Hi both, coffee next week?",
		),
	);
	const verify = await lastTo(USER);
	await deliver(verify?.replyTo ?? "", mail({ To: verify?.replyTo ?? "", Subject: "Re: confirm" }, "yes"));
	// Ann's answer, forwarded: a reply.
	await deliver(
		"track@followthrough.test",
		mail(
			{ To: "track@followthrough.test", Subject: "Fwd: Re: Coffee next week?" },
			[
				"---------- Forwarded message ---------",
				"From: Ann Lee <ann@acme.example>",
				`Date: ${new Date().toUTCString()}`,
				"Subject: Re: Coffee next week?",
				`To: Ines Sight <${USER}>`,
				"",
				"Happy to, Tuesday at 10?",
			].join("\r\n"),
		),
	);

	const context = await browser.newContext();
	const page = await context.newPage();
	async function signIn() {
		await page.goto(`${BASE}/signin`);
		await page.getByLabel("Your email address").fill(USER);
		await page.getByRole("button", { name: "Email me a sign-in link" }).click();
		await page.getByRole("heading", { name: "Check your email", level: 1 }).waitFor();
		await page.goto(await signInLink(USER));
		await page.getByRole("button", { name: "Sign in" }).click();
		await page.waitForURL(`${BASE}/app`);
	}
	await signIn();

	await page.getByRole("link", { name: "Insights" }).click();
	await page.waitForURL(`${BASE}/app/insights`);
	expect(await page.textContent("h1")).toBe("Insights");
	const main = (await page.textContent("main")) ?? "";
	expect(main).toContain("1 of 2 replied so far");
	expect(main).toContain("1 reply so far: too few to read much into yet.");
	expect(await page.getByRole("img", { name: /Outreach and replies per week/ }).count()).toBe(1);
	await check(page, "20-insights");
	// The same page with script off: four charts, each an image with a name, drawn at a real size.
	const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
	const plain = await noScript.newPage();
	await plain.goto(`${BASE}/app/insights`);
	const charts = plain.locator("svg[role=img]");
	expect(await charts.count()).toBe(4);
	for (let i = 0; i < 4; i++) {
		const box = await charts.nth(i).boundingBox();
		expect(box?.width ?? 0).toBeGreaterThan(300);
		expect(box?.height ?? 0).toBeGreaterThan(40);
	}
	await noScript.close();
	// The table fallback opens without script.
	await page.getByText("The numbers as a table").first().click();
	expect(await page.locator("table").first().isVisible()).toBe(true);
	// Greyscale: the same page through a grey filter, for a person to look at.
	await page.evaluate(() => {
		document.documentElement.style.filter = "grayscale(1)";
	});
	await page.screenshot({ path: join(SHOTS, "21-insights-greyscale.png"), fullPage: true });

	// Settings → Calendar feed.
	await page.goto(`${BASE}/app/settings`);
	await page.getByRole("button", { name: "Get a calendar address" }).click();
	const url = await page.getByLabel("Calendar address").inputValue();
	expect(url).toMatch(/\/api\/v1\/calendar\/[a-z2-7]{26}\.ics$/);
	await check(page, "22-calendar-address");
	const feed = await fetch(url.replace(/^https?:\/\/[^/]+/, BASE));
	expect(feed.status).toBe(200);
	const ics = await feed.text();
	expect(ics).toContain("BEGIN:VEVENT");
	expect(ics).toContain("SUMMARY:Follow up with Ben Stone");
	await context.close();
});
