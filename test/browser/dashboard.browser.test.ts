/**
 * The dashboard in a real Chromium (playwright-core), as a new user would use it:
 * mail in, sign in through the link in the dev mailbox, Today, mark done, snooze,
 * open a contact, export, delete the account. Every page is checked with axe-core
 * (no serious or critical violation) and screenshotted under test-results/browser/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

const BASE = process.env.FOLLOWTHROUGH_URL ?? "http://127.0.0.1:8787";
const SHOTS = join(process.cwd(), "test-results", "browser");
const USER = `browser-${Date.now()}@example.com`;
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
		{
			method: "POST",
			body: raw,
		},
	);
	expect(res.status, await res.text()).toBe(200);
}
const mail = (headers: Record<string, string>, body: string) =>
	`${AUTH}\r\n${Object.entries({
		From: `Ada Browser <${USER}>`,
		Date: new Date().toUTCString(),
		"MIME-Version": "1.0",
		"Content-Type": "text/plain; charset=utf-8",
		...headers,
	})
		.map(([k, v]) => `${k}: ${v}`)
		.join("\r\n")}\r\n\r\n${body}\r\n`;
const mailbox = async () =>
	(await (await fetch(`${BASE}/dev/mailbox.json`)).json()) as {
		to: string;
		subject: string;
		text: string;
		replyTo: string | null;
	}[];
const lastTo = async (address: string) => (await mailbox()).filter((m) => m.to === address).at(-1);
/** The sign-in link is mailed just after the page answers: wait for it. */
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
		bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
		`${name}: accessibility`,
	).toEqual([]);
}

it("a new user: mail in, sign in by link, Today, done, snooze, contact, export, delete", async () => {
	// Mail in: an outreach to two people, then the verification reply.
	await deliver(
		"track@followthrough.test",
		mail(
			{
				To: "Ann Lee <ann@acme.example>, Ben Stone <ben@stone.example>",
				Subject: "Coffee next week?",
				"Message-ID": `<b1-${Date.now()}@example.com>`,
			},
			"Hi both, coffee next week?",
		),
	);
	const verify = await lastTo(USER);
	expect(verify?.subject).toBe("Confirm your address to start Followthrough");
	await deliver(
		verify?.replyTo ?? "",
		mail({ To: verify?.replyTo ?? "", Subject: "Re: confirm", "Message-ID": `<b2-${Date.now()}@example.com>` }, "yes"),
	);

	const context = await browser.newContext({ acceptDownloads: true });
	const page = await context.newPage();
	page.on("dialog", (d) => void d.accept());

	// Sign in through the link in the dev mailbox.
	await page.goto(`${BASE}/signin`);
	await check(page, "01-sign-in");
	await page.getByLabel("Your email address").fill(USER);
	await page.getByRole("button", { name: "Email me a sign-in link" }).click();
	// The page after the request: wait for its heading, then check it is the only one.
	const checkYourEmail = page.getByRole("heading", { name: "Check your email", level: 1 });
	await checkYourEmail.waitFor();
	expect(await checkYourEmail.count()).toBe(1);
	expect(await page.textContent("h1")).toBe("Check your email");
	const link = await signInLink(USER);
	await page.goto(link);
	await page.getByRole("button", { name: "Sign in" }).click();
	await page.waitForURL(`${BASE}/app`);

	// Today.
	expect(await page.textContent("h1")).toBe("Today");
	expect(await page.textContent("main")).toContain("Follow up with Ann Lee");
	await check(page, "02-today");

	// Mark done.
	await page.getByRole("button", { name: "Done: Follow up with Ann Lee" }).click();
	await page.waitForURL(`${BASE}/app`);
	expect(await page.textContent("[role=status]")).toBe("Done: Ann Lee.");
	// Done closes the 1st follow-up; Ann's thread's one open nudge is now the next rung (DESIGN.md lifecycle).
	const afterDone = (await page.textContent("main")) ?? "";
	expect(afterDone).toMatch(/Follow up with Ann Lee\d+ days, no reply · 2nd follow-up of 3/);
	expect(afterDone.match(/Follow up with Ann Lee\d/g) ?? []).toHaveLength(1);

	// Snooze.
	await page.getByLabel("Snooze Follow up with Ben Stone for").selectOption("7");
	await page.getByRole("button", { name: "Snooze: Follow up with Ben Stone" }).click();
	await page.waitForURL(`${BASE}/app`);
	expect(await page.textContent("[role=status]")).toMatch(/^Snoozed Ben Stone until /);
	await check(page, "03-today-after-actions");

	// Open a contact.
	await page.getByRole("link", { name: "Contacts" }).click();
	await page.waitForURL(`${BASE}/app/contacts`);
	await check(page, "04-contacts");
	await page.getByRole("link", { name: "Ben Stone" }).click();
	expect(await page.textContent("h1")).toBe("Ben Stone");
	expect(await page.textContent("main")).toContain('You wrote: "Coffee next week?"');
	await check(page, "05-contact");

	// Activity and Settings.
	await page.getByRole("link", { name: "Activity" }).click();
	expect(await page.textContent("main")).toContain("Coffee next week?");
	await check(page, "06-activity");
	await page.getByRole("link", { name: "Settings" }).click();
	await check(page, "07-settings");

	// Export.
	await page.getByRole("link", { name: "Export" }).click();
	await check(page, "08-export");
	const [download] = await Promise.all([
		page.waitForEvent("download"),
		page.getByRole("link", { name: "Everything, as JSON" }).click(),
	]);
	const data = JSON.parse(readFileSync((await download.path()) ?? "", "utf8")) as { contacts: { email: string }[] };
	expect(data.contacts.map((c) => c.email).sort()).toEqual(["ann@acme.example", "ben@stone.example"]);

	// Delete the account.
	await page.goto(`${BASE}/app/delete`);
	await check(page, "09-delete");
	await page.getByLabel("Type DELETE to confirm").fill("DELETE");
	await page.getByRole("button", { name: "Delete my account" }).click();
	await page.waitForSelector("text=Your account is deleted");
	await check(page, "10-deleted");
	await page.goto(`${BASE}/app`);
	expect(new URL(page.url()).pathname).toBe("/signin");
	await context.close();
});
