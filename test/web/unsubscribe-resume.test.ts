/**
 * Issue 15: "The one-click unsubscribe page offers no way back." Every page of a
 * pause has a Resume button, itself a signed link: its GET only asks, its POST resumes.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../src/db/schema";
import { db, mailsTo, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";
import { call, ORIGIN, post } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("resume", T);
const statusOf = async (userId: string) => (await db.select().from(users).where(eq(users.id, userId)))[0]?.status;

async function unsubscribeLink() {
	const u = await newUser();
	await send({ from: u.address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
	await tick(new Date("2026-11-26T13:00:00Z"));
	const header = (await mailsTo(u.address)).at(-1)?.headers["list-unsubscribe"] ?? "";
	return { ...u, url: header.match(/<(http[^>]+)>/)?.[1] ?? "" };
}

/** The Resume button of a page: its form's target. */
function resumeButton(html: string): string {
	const m = html.match(
		/<form method="post" action="(\/u\/[\w-]+\.[\w-]+)"><button type="submit">Resume reminders<\/button>/,
	);
	expect(m, html).not.toBeNull();
	return m?.[1] ?? "";
}

const claimsOf = (path: string) =>
	JSON.parse(atob((path.split("/u/")[1]?.split(".")[0] ?? "").replace(/-/g, "+").replace(/_/g, "/")));

describe("a way back from one-click unsubscribe", () => {
	it("a person pauses from the link, gets a signed Resume button, and only its POST resumes", async () => {
		const { url, userId } = await unsubscribeLink();
		const paused = await post(url);
		const page = await paused.text();
		expect(page).toContain("Reminders paused");
		expect(await statusOf(userId)).toBe("paused");
		const resume = resumeButton(page);
		expect(claimsOf(resume)).toMatchObject({ u: userId, a: "resume" });

		// A mail scanner or a person opening it: a question, nothing changes.
		const ask = await call(resume);
		expect(ask.status).toBe(200);
		expect(await ask.text()).toContain("Resume your reminders?");
		expect(await statusOf(userId)).toBe("paused");

		const done = await post(`${ORIGIN}${resume}`);
		expect(await done.text()).toContain("Reminders are back on");
		expect(await statusOf(userId)).toBe("active");

		// Opened again once on: nothing to do, nothing changes.
		expect(await (await call(resume)).text()).toContain("Nothing to resume");
		expect(await statusOf(userId)).toBe("active");
	});

	it("after the mail provider's one-click POST, the unsubscribe page says so and offers Resume", async () => {
		const { url, userId } = await unsubscribeLink();
		await call(url, {
			method: "POST",
			headers: { "content-type": "application/x-www-form-urlencoded" },
			body: "List-Unsubscribe=One-Click",
		});
		expect(await statusOf(userId)).toBe("paused");
		const page = await (await call(url)).text();
		expect(page).toContain("Reminders are paused");
		expect(page).not.toContain("Pause your reminders?");
		await post(`${ORIGIN}${resumeButton(page)}`);
		expect(await statusOf(userId)).toBe("active");
	});

	it("each link does its one thing: the unsubscribe link never resumes, the resume link never pauses or acts on items", async () => {
		const { url, userId } = await unsubscribeLink();
		const resume = resumeButton(await (await post(url)).text());
		await post(url, { resume: "1" });
		expect(await statusOf(userId)).toBe("paused");
		await post(`${ORIGIN}${resume}`);
		expect(await statusOf(userId)).toBe("active");
		await post(`${ORIGIN}${resume}`);
		expect(await statusOf(userId)).toBe("active");
		const asItem = await post(`${ORIGIN}${resume.replace("/u/", "/a/")}`);
		expect(asItem.status).toBe(400);
		expect((await call(`${ORIGIN}${resume.replace("/u/", "/a/")}`)).status).toBe(400);
	});

	it("a tampered resume link changes nothing", async () => {
		const { url, userId } = await unsubscribeLink();
		const resume = resumeButton(await (await post(url)).text());
		const res = await post(`${ORIGIN}${resume.slice(0, -3)}abc`);
		expect(res.status).toBe(400);
		expect(await statusOf(userId)).toBe("paused");
	});
});
