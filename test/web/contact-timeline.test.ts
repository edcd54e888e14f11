/**
 * A contact's page says who wrote each mail and what became of each reminder, in
 * the user's words: an introduction about Bob is Carol's mail, not Bob's; a reach-out
 * done by reply shows when it was done; status@ names kinds as the user reads them.
 */
import { describe, expect, it } from "vitest";
import { carolIntroducesBob, DOMAIN, mailsTo, nudgesOf, replyTo, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";
import { call, sessionCookie } from "../support/web";

const at = (iso: string) => new Date(iso);
const newUser = userFactory("timeline", at("2026-11-20T12:00:00Z"));
describe("a contact's timeline and status@ in the user's words", () => {
	it("the introduction is the introducer's mail; a reach-out done by reply shows when it was done", async () => {
		const { address, userId } = await newUser();
		await send(carolIntroducesBob(address), at("2026-11-23T11:00:00Z"));
		await tick(at("2026-11-23T13:00:00Z")); // Mon 08:00 New York: "Reach out to Bob Stone"
		// Tue 10:10 New York.
		await send(await replyTo(address, "1 done"), at("2026-11-24T15:10:00Z"));
		const bob = (await nudgesOf(userId)).find((x) => x.email === "bob@stone.example");
		const cookie = await sessionCookie(userId);
		const page = await (await call(`/app/contacts/${bob?.nudge.contactId}`, { cookie })).text();
		expect(page).toContain("Carol Diaz wrote: &quot;Intro&quot;");
		expect(page).not.toContain("They wrote");
		expect(page).toContain(`<span class="muted">Tue 24 Nov, 10:10</span> reach out reminder done`);

		const status = await send(
			{ from: address, to: `status@${DOMAIN}`, rcpt: `status@${DOMAIN}`, subject: "status" },
			at("2026-11-24T15:20:00Z"),
		);
		expect(status.outcome.reason).toBe("status");
		const text = (await mailsTo(address)).at(-1)?.text ?? "";
		expect(text).toContain("Open now or coming up:");
		expect(text).toMatch(/\d\. let them know: Carol Diaz, /);
		expect(text).not.toContain("close loop");
	});
	it("a delivered reminder snoozed reads as snoozed until its new time, on the page and in the timeline", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@lee.example>", subject: "Coffee?" }, at("2026-11-23T14:00:00Z"));
		await tick(at("2026-11-26T13:00:00Z")); // Thu 08:00 New York: "Follow up with Ann Lee"
		const r = await send(await replyTo(address, "1 snooze until monday"), at("2026-11-26T16:10:00Z"));
		expect(r.outcome.detail).toBe("Snoozed Ann Lee until Mon 30 Nov, 08:00.");
		const ann = (await nudgesOf(userId)).find((x) => x.email === "ann@lee.example");
		const page = await (
			await call(`/app/contacts/${ann?.nudge.contactId}`, { cookie: await sessionCookie(userId) })
		).text();
		expect(page).toContain("follow up · snoozed until Mon 30 Nov, 08:00");
		expect(page).toContain(`<span class="muted">Mon 30 Nov, 08:00</span> follow up reminder due again (snoozed)`);
		expect(page).not.toContain("Thu 26 Nov, 08:00</span> follow up reminder");
	});
});
