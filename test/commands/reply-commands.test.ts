import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { nudges } from "../../src/db/schema";
import { db, type Msg, mailsTo, nudgesOf, pendingOf, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z"); // Mon 09:15 in New York
const digestAt = (date: string) => new Date(`${date}T13:00:00Z`);
const newUser = userFactory("cmd", T);

const quoted = {
	gmail: (cmd: string) =>
		`${cmd}\n\nOn Thu, Nov 26, 2026 at 8:00 AM Followthrough <hello@followthrough.test> wrote:\n> Good morning. 2 things to follow up on today:\n> 1. Follow up with Ann Lee\n`,
	outlook: (cmd: string) =>
		`${cmd}\n\n________________________________\nFrom: Followthrough <hello@followthrough.test>\nSent: Thursday, November 26, 2026 8:00 AM\nTo: Pat\nSubject: Follow up with Ann Lee\n\n1. Follow up with Ann Lee\n`,
	apple: (cmd: string) =>
		`${cmd}\n\n> On 26 Nov 2026, at 08:00, Followthrough <hello@followthrough.test> wrote:\n> \n> 1. Follow up with Ann Lee\n`,
	iphone: (cmd: string) =>
		`${cmd}\n\nSent from my iPhone\n\n> On Nov 26, 2026, at 8:00 AM, Followthrough <hello@followthrough.test> wrote:\n> \n> 1. Done\n`,
};

/** Replies to the newest mail we sent `address`, as the user's mail client would. */
async function reply(address: string, body: string, at: Date, extra: Partial<Msg> = {}) {
	const last = (await mailsTo(address)).at(-1);
	const rcpt = last?.replyTo ?? "";
	return send({ from: address, to: rcpt, rcpt, subject: `Re: ${last?.subject}`, body, ...extra }, at);
}

describe("reply commands", () => {
	it("snooze 1 week on a follow-up: absent at +1 and +4 days, back at +7", async () => {
		const { address, baseline } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
		await tick(digestAt("2026-11-26"));
		const r = await reply(address, quoted.gmail("snooze 1 week"), new Date("2026-11-26T14:00:00Z"));
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "commands" });
		const confirmation = (await mailsTo(address)).at(-1);
		expect(confirmation?.text).toMatch(/^Snoozed Ann Lee until Thu 3 Dec, 08:00\./);
		for (const d of ["2026-11-27", "2026-11-30", "2026-12-02"]) await tick(digestAt(d));
		const after = (await mailsTo(address)).slice(baseline);
		expect(after.map((m) => m.subject)).toEqual(["Follow up with Ann Lee", "Re: Follow up with Ann Lee"]);
		await tick(digestAt("2026-12-03"));
		const back = (await mailsTo(address)).slice(baseline);
		expect(back.map((m) => [m.createdAt.slice(0, 10), m.subject])).toEqual([
			["2026-11-26", "Follow up with Ann Lee"],
			["2026-11-26", "Re: Follow up with Ann Lee"],
			["2026-12-03", "Follow up with Ann Lee"],
		]);
	});

	it.each(["outlook", "apple", "iphone"] as const)(
		"'stop Ben' and '1 replied' end the follow-ups (%s quoting)",
		async (client) => {
			const { address, userId } = await newUser();
			await send(
				{ from: address, to: "Ann Lee <ann@acme.example>, Ben Ortiz <ben@ortiz.example>", subject: "Coffee?" },
				T,
			);
			await tick(digestAt("2026-11-26"));
			const r = await reply(address, quoted[client]("stop Ben\n1 replied"), new Date("2026-11-26T14:00:00Z"));
			expect(r.outcome.detail).toBe("Stopped following up with Ben Ortiz. Ann Lee replied: follow-ups stopped.");
			expect(await pendingOf(userId)).toEqual([]);
			const before = (await mailsTo(address)).length;
			for (const d of ["2026-11-30", "2026-12-04", "2026-12-08"]) await tick(digestAt(d));
			expect(await mailsTo(address)).toHaveLength(before);
		},
	);

	it("a 'stop' sent from another address to the same reply address changes nothing", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
		await tick(digestAt("2026-11-26"));
		const rcpt = (await mailsTo(address)).at(-1)?.replyTo ?? "";
		const pendingBefore = await pendingOf(userId);
		const r = await send(
			{ from: "mallory@evil.example", to: rcpt, rcpt, subject: "Re", body: "stop" },
			new Date("2026-11-26T14:00:00Z"),
		);
		// Changes nothing; the account (never the sender) is told once (issue 15).
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "stray_reply", userId });
		expect(await pendingOf(userId)).toEqual(pendingBefore);
		expect(await mailsTo("mallory@evil.example")).toEqual([]);
	});

	it("asks rather than guesses when a command has no target in a multi-item digest", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>, Ben Ortiz <ben@ortiz.example>" }, T);
		await tick(digestAt("2026-11-26"));
		const before = await pendingOf(userId);
		const r = await reply(address, "done", new Date("2026-11-26T14:00:00Z"));
		expect(r.outcome.reason).toBe("command_not_understood");
		expect((await mailsTo(address)).at(-1)?.text).toContain(
			'"done": which one? That email had 2 items: reply like "1 done".',
		);
		expect(await pendingOf(userId)).toEqual(before);
	});

	it("an unknown command gets the grammar back", async () => {
		const { address } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>" }, T);
		await tick(digestAt("2026-11-26"));
		await reply(address, "please call me", new Date("2026-11-26T14:00:00Z"));
		const text = (await mailsTo(address)).at(-1)?.text ?? "";
		expect(text).toContain(`"please call me": I don't know that command.`);
		expect(text).toContain("snooze until monday");
	});

	it("an HTML-only reply works, and settings apply", async () => {
		const { address } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>" }, T);
		await tick(digestAt("2026-11-26"));
		const html =
			'<div dir="ltr">1 done<br>digest 7am<br>timezone Berlin</div><br><div class="gmail_quote"><blockquote>1. Follow up with Ann Lee</blockquote></div>';
		const r = await reply(address, html, new Date("2026-11-26T14:00:00Z"), {
			mime: { contentType: "text/html; charset=utf-8", body: html },
		});
		expect(r.outcome.detail).toBe("Done: Ann Lee. Your digest now comes at 07:00. Timezone set to Europe/Berlin.");
	});

	it("an item that is gone keeps its number: '2 done, 3 done' never lands on another item", async () => {
		const { address, userId } = await newUser();
		await send(
			{ from: address, to: "Ann Lee <ann@acme.example>, Ben Ortiz <ben@ortiz.example>, Cy Park <cy@park.example>" },
			T,
		);
		await tick(digestAt("2026-11-26"));
		const digest = (await mailsTo(address)).at(-1)?.text ?? "";
		const numbered = [...digest.matchAll(/^(\d)\. Follow up with (\w+)/gm)].map((m) => [m[1], m[2]]);
		expect(numbered.map((n) => n[1])).toHaveLength(3);
		const [second, third] = [numbered[1]?.[1], numbered[2]?.[1]];
		// Item 2's row disappears between the digest and the reply.
		const gone = (await nudgesOf(userId)).find(
			(r) => r.nudge.state === "sent" && r.email?.startsWith(second?.toLowerCase() ?? "?"),
		);
		await db.delete(nudges).where(eq(nudges.id, gone?.nudge.id ?? ""));
		const r = await reply(address, "2 done, 3 done", new Date("2026-11-26T14:00:00Z"));
		expect(r.outcome.detail).toContain(`Done: ${third}`);
		expect(r.outcome.detail).not.toContain(`${numbered[0]?.[1]}`);
		const confirmation = (await mailsTo(address)).at(-1)?.text ?? "";
		expect(confirmation).toContain('"2 done": item 2 is no longer tracked.');
	});

	it("pause stops the digest; resume brings it back", async () => {
		const { address } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>" }, T);
		await tick(digestAt("2026-11-26"));
		await reply(address, "pause", new Date("2026-11-26T14:00:00Z"));
		await send({ from: address, to: "Dana <dana@wu.example>", subject: "Hi" }, new Date("2026-11-26T15:00:00Z"));
		const paused = (await mailsTo(address)).length;
		await tick(digestAt("2026-11-30"));
		await tick(digestAt("2026-12-01"));
		expect(await mailsTo(address)).toHaveLength(paused);
		const resumed = await reply(address, "resume", new Date("2026-12-01T15:00:00Z"));
		expect(resumed.outcome.detail).toBe("Resumed: reminders are back on.");
		await tick(digestAt("2026-12-02"));
		expect((await mailsTo(address)).at(-1)?.subject).toMatch(/Follow up with/);
	});

	it("says so when there was nothing to pause or resume", async () => {
		const { address } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>" }, T);
		await tick(digestAt("2026-11-26"));
		const resume = await reply(address, "resume", new Date("2026-11-26T14:00:00Z"));
		expect(resume.outcome.detail).toBe("Reminders were already on: nothing to resume.");
		await reply(address, "pause", new Date("2026-11-26T14:05:00Z"));
		const again = await reply(address, "pause", new Date("2026-11-26T14:10:00Z"));
		expect(again.outcome.detail).toBe('Already paused: no reminders until you reply "resume".');
		const both = await reply(address, "resume\npause\nresume", new Date("2026-11-26T14:15:00Z"));
		expect(both.outcome.detail).toBe(
			'Resumed: reminders are back on. Paused: no reminders until you reply "resume". Resumed: reminders are back on.',
		);
	});
});
