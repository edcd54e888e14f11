import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts } from "../../src/db/schema";
import { carolIntroducesBob, DOMAIN, db, mailsTo, nudgesOf, replyTo, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z"); // Mon 09:15 in New York
const at = (iso: string) => new Date(iso);
/** 08:00 New York (EST) on a November/December date. */
const digestAt = (date: string) => new Date(`${date}T13:00:00Z`);
const newUser = userFactory("flow", T);
const subjects = async (address: string, baseline: number) =>
	(await mailsTo(address)).slice(baseline).map((m) => m.subject);
describe("introductions", () => {
	it("reaching out to the introduced person closes the loop with the referrer", async () => {
		const { address, userId, baseline } = await newUser();
		await send(carolIntroducesBob(address), at("2026-11-23T11:00:00Z"));
		const r = await send(
			{ from: address, to: "Bob Stone <bob@stone.example>", subject: "Hello from Pat" },
			at("2026-11-23T12:00:00Z"),
		);
		expect(r.outcome.detail).toContain("a note to let Carol Diaz know you reached out");
		const pending = (await nudgesOf(userId, "pending")).map((x) => [x.email, x.nudge.kind, x.nudge.dueOn]);
		expect(pending).toEqual([
			["bob@stone.example", "follow_up", "2026-11-26"],
			["carol@diaz.example", "close_loop", "2026-11-23"],
		]);
		await tick(digestAt("2026-11-23"));
		const mails = (await mailsTo(address)).slice(baseline);
		expect(mails.map((m) => m.subject)).toEqual(["Let Carol Diaz know you reached out"]);
		expect(mails[0]?.text).toContain("1. Let Carol Diaz know you reached out\n   you contacted Bob Stone");
	});

	it("a referrer you have met gets her check-ins back once you have let her know", async () => {
		const { address, userId } = await newUser();
		// The user's thank-you to Carol, BCC'd to thanks@: her check-in is the open nudge.
		await send(
			{ from: address, to: "Carol Diaz <carol@diaz.example>", rcpt: `thanks@${DOMAIN}`, subject: "Thank you!" },
			at("2026-11-16T15:00:00Z"),
		);
		const carolOpen = async () =>
			(await nudgesOf(userId))
				.filter((x) => x.email === "carol@diaz.example" && ["pending", "sent", "snoozed"].includes(x.nudge.state))
				.map((x) => x.nudge.kind);
		expect(await carolOpen()).toEqual(["check_in"]);
		await send(carolIntroducesBob(address), at("2026-11-23T11:00:00Z"));
		await send({ from: address, to: "Bob Stone <bob@stone.example>", subject: "Hello" }, at("2026-11-23T12:00:00Z"));
		expect(await carolOpen()).toEqual(["close_loop"]);
		await tick(digestAt("2026-11-24"));
		const digest = (await mailsTo(address)).at(-1);
		expect(digest?.subject).toBe("Let Carol Diaz know you reached out");
		const r = await send(await replyTo(address, "done"), at("2026-11-24T14:00:00Z"));
		expect(r.outcome.reason).toBe("commands");
		expect(await carolOpen()).toEqual(["check_in"]);
	});

	it("'done' on the reach-out is the outreach: it names the loop to close, and the follow-up counts from it", async () => {
		const { address, baseline } = await newUser();
		await send(carolIntroducesBob(address), at("2026-11-23T11:00:00Z"));
		await tick(digestAt("2026-11-23"));
		const digest = (await mailsTo(address)).at(-1);
		expect(digest?.subject).toBe("Reach out to Bob Stone");
		const r = await send(await replyTo(address, "1 done"), at("2026-11-23T15:00:00Z"));
		expect(r.outcome.detail).toBe("Done: Bob Stone. Next: let Carol Diaz know you reached out.");
		await tick(digestAt("2026-11-24"));
		for (const d of ["2026-11-25", "2026-11-26"]) await tick(digestAt(d));
		const followUp = (await mailsTo(address)).slice(baseline).find((m) => m.subject.startsWith("Follow up with Bob"));
		expect(followUp?.createdAt.slice(0, 10)).toBe("2026-11-26");
		expect(followUp?.text).toContain("3 days, no reply · 1st follow-up of 3");
		// The subject is the introduction's: no date of the user's beside it (there was no mail).
		expect(followUp?.text).toContain('Last: "Intro" · introduced by Carol Diaz');
	});

	it("without outreach, the reach-out is reminded on the next two business days, then stops", async () => {
		const { address, baseline } = await newUser();
		await send(carolIntroducesBob(address), at("2026-11-23T11:00:00Z"));
		await tick(digestAt("2026-11-23"));
		await tick(digestAt("2026-11-24"));
		await tick(digestAt("2026-11-25"));
		await tick(digestAt("2026-11-26"));
		await tick(digestAt("2026-11-27"));
		await tick(digestAt("2026-11-30"));
		const mails = (await mailsTo(address)).slice(baseline);
		expect(mails.map((m) => m.createdAt.slice(0, 10))).toEqual(["2026-11-23", "2026-11-24", "2026-11-25"]);
		expect(mails[1]?.text).toContain("Carol Diaz introduced you yesterday · reminder 2 of 3");
		expect(mails[2]?.text).toContain("reminder 3 of 3");
	});
});

describe("the follow-up ladder", () => {
	it("+3, +4, +4, then last try, then the thread goes dormant", async () => {
		const { address, userId, baseline } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
		for (const d of [
			"2026-11-26",
			"2026-11-27",
			"2026-11-30",
			"2026-12-01",
			"2026-12-02",
			"2026-12-03",
			"2026-12-07",
			"2026-12-08",
			"2026-12-09",
			"2026-12-14",
			"2026-12-15",
			"2026-12-21",
		]) {
			await tick(digestAt(d));
		}
		const mails = (await mailsTo(address)).slice(baseline);
		expect(mails.map((m) => [m.createdAt.slice(0, 10), m.subject])).toEqual([
			// Each rung +4 business days after the delivery of the one before.
			["2026-11-26", "Follow up with Ann Lee"],
			["2026-12-02", "Follow up with Ann Lee"],
			["2026-12-08", "Follow up with Ann Lee"],
			["2026-12-14", "Last try with Ann Lee"],
		]);
		expect(mails[1]?.text).toContain("2nd follow-up of 3");
		expect(mails[2]?.text).toContain("3rd follow-up of 3");
		expect(mails[3]?.text).toContain("Last try with Ann Lee, or move on?");
		const [ann] = await db.select().from(contacts).where(eq(contacts.userId, userId));
		expect(ann?.status).toBe("dormant");
		// One open nudge all along; the last try stays open (delivered) until the user acts on it.
		const rows = (await nudgesOf(userId)).map((r) => [r.nudge.kind, r.nudge.attempt, r.nudge.state]);
		expect(rows.filter(([, , state]) => state !== "superseded")).toEqual([["last_try", 4, "sent"]]);
	});
});

describe("out of office", () => {
	const ooo = (address: string) => ({
		from: "ann@acme.example",
		fromName: "Ann Lee",
		to: address,
		cc: `track@${DOMAIN}`,
		subject: "Automatic reply: Coffee?",
		extraHeaders: ["Auto-Submitted: auto-replied"],
		body: "Thanks for your email. I am out of the office and will be back on December 3.",
		date: "Mon, 23 Nov 2026 09:20:00 -0500",
	});

	it("a contact's auto-reply with a return date moves the follow-up to the next business day after it, unanswered", async () => {
		const { address, userId, baseline } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", cc: `track@${DOMAIN}`, subject: "Coffee?" }, T);
		const r = await send(ooo(address), at("2026-11-23T14:20:00Z"));
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "out_of_office" });
		expect(r.outcome.detail).toBe("Ann Lee is away until Thu 3 Dec: follow-up moved to Fri 4 Dec.");
		expect((await nudgesOf(userId, "pending")).map((x) => [x.nudge.kind, x.nudge.dueOn])).toEqual([
			["follow_up", "2026-12-04"],
		]);
		expect(await subjects(address, baseline)).toEqual([]);
		expect(await mailsTo("ann@acme.example")).toEqual([]);
	});

	it("a forwarded out-of-office does the same, and is not taken for a reply", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
		const body = [
			"---------- Forwarded message ---------",
			"From: Ann Lee <ann@acme.example>",
			"Date: Mon, Nov 23, 2026 at 9:20 AM",
			"Subject: Automatic reply: Coffee?",
			`To: ${address}`,
			"",
			"I'm away until December 3.",
		].join("\n");
		const r = await send(
			{ from: address, to: `track@${DOMAIN}`, subject: "Fwd: Automatic reply: Coffee?", body },
			at("2026-11-23T15:00:00Z"),
		);
		expect(r.outcome.reason).toBe("out_of_office");
		expect((await nudgesOf(userId, "pending")).map((x) => [x.nudge.kind, x.nudge.dueOn])).toEqual([
			["follow_up", "2026-12-04"],
		]);
	});
});
