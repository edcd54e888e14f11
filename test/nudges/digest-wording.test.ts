/**
 * Issue 15, "Wording": each mail in the words the user reported, through the real
 * handlers: digests by the cron handler, status@ by the email handler.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseCommands } from "../../src/commands/command-grammar";
import { NUDGE_KINDS, users } from "../../src/db/schema";
import { type NudgeFacts, wordNudge } from "../../src/nudges/nudge-wording";
import { DOMAIN, db, mailsTo, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z"); // Mon 09:15 in New York
const at = (iso: string) => new Date(iso);
const THU_0800_NY = at("2026-11-26T13:00:00Z");
const newUser = userFactory("wording", T);
const newMail = async (address: string, baseline: number) => (await mailsTo(address)).slice(baseline);
const count = (text: string | null | undefined, part: string) => (text ?? "").split(part).length - 1;

const intro = (address: string, name: string, email: string) =>
	[
		"---------- Forwarded message ---------",
		"From: Carol Diaz <carol@diaz.example>",
		"Subject: Intro",
		`To: ${address}, ${name} <${email}>`,
		"",
		`${name.split(" ")[0]}, meet Pat: introducing you two.`,
	].join("\n");

/** A digest for these outreach mails (To: headers), sent Monday, read Thursday 08:00 New York. */
async function digestOf(tos: string[], when = THU_0800_NY) {
	const u = await newUser();
	for (const to of tos) await send({ from: u.address, to, subject: "Coffee next week?" }, T);
	await tick(when);
	const mails = await newMail(u.address, u.baseline);
	expect(mails).toHaveLength(1);
	return { ...u, digest: mails[0] };
}

describe("the subject is the item's own wording", () => {
	it('a close-the-loop item "Let Carol Diaz know you reached out" is not headed "Thank Carol Diaz"', async () => {
		const { address, baseline } = await newUser();
		await send(
			{
				from: address,
				to: `track@${DOMAIN}`,
				subject: "Fwd: Intro",
				body: intro(address, "Bob Stone", "bob@stone.example"),
			},
			at("2026-11-23T11:00:00Z"),
		);
		await send(
			{ from: address, to: "Bob Stone <bob@stone.example>", subject: "Hello from Pat" },
			at("2026-11-23T12:00:00Z"),
		);
		await tick(at("2026-11-23T13:00:00Z")); // Mon 08:00
		const [digest] = await newMail(address, baseline);
		expect(digest?.text).toContain("1. Let Carol Diaz know you reached out");
		expect(digest?.subject).toBe("Let Carol Diaz know you reached out");
	});

	const facts = (kind: NudgeFacts["kind"]): NudgeFacts => ({
		kind,
		attempt: 1,
		note: kind === "reminder" ? "Renew passport" : null,
		contactName: "Ann Lee",
		contactEmail: "ann@acme.example",
		referrerName: "Carol Diaz",
		subject: "Coffee?",
		threadKind: "outreach",
		lastOutboundAt: T,
		lastInboundAt: null,
		createdAt: T,
	});
	it.each(NUDGE_KINDS)("%s: the subject's words are the start of the item's action", (kind) => {
		const w = wordNudge(facts(kind), at("2026-11-26T13:00:00Z"), "America/New_York");
		expect(w.action.toLowerCase().startsWith(w.short.toLowerCase())).toBe(true);
	});
});

describe("plurals", () => {
	it.each([
		[["Ann Lee <ann@acme.example>"], "Your follow-ups: 1 pending, 1 contact", "1 contact tracked."],
		[
			["Ann Lee <ann@acme.example>", "Bob Stone <bob@stone.example>"],
			"Your follow-ups: 2 pending, 2 contacts",
			"2 contacts tracked.",
		],
	])("status@ after outreach to %j: %j", async (tos, subject, line) => {
		const { address } = await newUser();
		for (const to of tos) await send({ from: address, to }, T);
		await send({ from: address, rcpt: `status@${DOMAIN}`, subject: "status" }, T);
		const reply = (await mailsTo(address)).at(-1);
		expect(reply?.subject).toBe(subject);
		expect(reply?.text).toContain(line);
	});
});

describe("the greeting follows the recipient's local hour", () => {
	it.each([
		["Asia/Tokyo", "2026-11-26T10:42:00Z", "Good evening. One thing to follow up on today:"], // 19:42 in Tokyo
		["Asia/Tokyo", "2026-11-26T17:00:00Z", "Hello. One thing to follow up on today:"], // 02:00 in Tokyo
		["Europe/Berlin", "2026-11-26T13:00:00Z", "Good afternoon. One thing to follow up on today:"], // 14:00
		["America/New_York", "2026-11-26T13:00:00Z", "Good morning. One thing to follow up on today:"], // 08:00
	])("%s, digest sent at %s: %j", async (tz, sentAt, opening) => {
		const { address, userId, baseline } = await newUser();
		await db.update(users).set({ timezone: tz }).where(eq(users.id, userId));
		await send({ from: address, to: "Ann Lee <ann@acme.example>" }, T);
		await tick(at(sentAt));
		const [digest] = await newMail(address, baseline);
		expect(digest?.text.split("\n")[0]).toBe(opening);
		expect(digest?.html).toContain(`<p>${opening}</p>`);
	});
});

describe("the footer's examples come from the mail's own items", () => {
	it.each([
		[["Bob Stone <bob@stone.example>"], ['"done"', '"snooze 3d"', '"stop Bob"'], ['"2 snooze 3d"', "stop Ann"]],
		[["ann@acme.example"], ['"done"', '"snooze 3d"'], ['"2 snooze 3d"', '"stop']],
		[
			["Ann Lee <ann@acme.example>", "Bob Stone <bob@stone.example>"],
			['"1 done"', '"2 snooze 3d"', '"stop Ann"'],
			['"3 ', "stop Bob"],
		],
		[
			["Ann Lee <ann@acme.example>", "Ann Park <ann@park.example>", "Bob Stone <bob@stone.example>"],
			['"1 done"', '"2 snooze 3d"', '"stop Bob"'],
			["stop Ann"],
		],
	])("outreach to %j", async (tos, present, absent) => {
		const { digest } = await digestOf(tos);
		const footer = digest?.text.split("\n").find((l) => l.startsWith("Reply to this email")) ?? "";
		for (const p of present) expect(footer).toContain(p);
		for (const a of absent) expect(footer).not.toContain(a);
		expect(digest?.html).toContain(footer.replaceAll('"', "&quot;"));
		// Every example is a command we understand, naming only items the mail has.
		for (const example of footer.matchAll(/"([^"]+)"/g)) {
			const parsed = parseCommands(example[1] ?? "");
			expect(parsed.issues, example[1]).toEqual([]);
			expect(parsed.commands).toHaveLength(1);
			const target = parsed.commands[0]?.target;
			if (target?.kind === "numbers") expect(Math.max(...target.numbers)).toBeLessThanOrEqual(tos.length);
		}
	});
});

describe("each thing is said once", () => {
	it('an intro item says "Carol Diaz introduced you" once, not again as "introduced by Carol Diaz"', async () => {
		const { address, baseline } = await newUser();
		await send(
			{
				from: address,
				to: `track@${DOMAIN}`,
				subject: "Fwd: Intro",
				body: intro(address, "Bob Stone", "bob@stone.example"),
			},
			at("2026-11-23T11:00:00Z"),
		);
		await tick(at("2026-11-23T13:00:00Z"));
		const [digest] = await newMail(address, baseline);
		expect(digest?.text).toContain("1. Reach out to Bob Stone today\n   Carol Diaz introduced you today");
		expect(count(digest?.text, "Carol Diaz")).toBe(1);
		expect(count(digest?.html, "Carol Diaz")).toBe(1);
	});

	it("a tip is given once per kind in a digest, not on every item", async () => {
		const { address, baseline } = await newUser();
		await send(
			{ from: address, to: "Ann Lee <ann@acme.example>, Bob Stone <bob@stone.example>, Cy Ng <cy@ng.example>" },
			T,
		);
		await send(
			{
				from: address,
				to: `track@${DOMAIN}`,
				subject: "Fwd: Intro",
				body: intro(address, "Dana Wu", "dana@wu.example"),
			},
			at("2026-11-26T11:00:00Z"),
		);
		await tick(THU_0800_NY);
		const [digest] = await newMail(address, baseline);
		expect(digest?.text).toContain("4. Follow up with");
		expect(count(digest?.text, "Tip: Keep it short and add something useful")).toBe(1);
		expect(count(digest?.text, "Tip: Waiting costs you")).toBe(1);
		expect(count(digest?.text, "Tip: ")).toBe(2);
		expect(count(digest?.html, "Tip: ")).toBe(2);
	});
});
