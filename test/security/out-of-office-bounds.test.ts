/**
 * Issue 12, item 6: an auto-reply costs little before we know it matters. The
 * sender must be a contact with a pending follow-up before chrono reads a word;
 * chrono reads at most OOO_TEXT_MAX characters; at most OOO_MAX_RECIPIENTS
 * recipients are looked up. Figures are printed.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { OOO_MAX_RECIPIENTS } from "../../src/inbound/out-of-office";
import { OOO_TEXT_MAX } from "../../src/nudges/out-of-office";
import { countingD1 } from "../support/counting-d1";
import { buildMail, DOMAIN, nudgesOf, receive, send, userFactory } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const LATER = new Date("2026-11-23T14:20:00Z");
const newUser = userFactory("ooo-bounds", T);

const autoReply = (o: { from: string; to: string; body: string; cc?: string }) =>
	buildMail({
		from: o.from,
		to: o.to,
		cc: o.cc ?? `track@${DOMAIN}`,
		subject: "Automatic reply: Coffee?",
		extraHeaders: ["Auto-Submitted: auto-replied"],
		body: o.body,
		date: "Mon, 23 Nov 2026 09:20:00 -0500",
	});

const deliver = (raw: string, bindings?: Record<string, unknown>) =>
	receive(raw, { to: `track@${DOMAIN}`, at: LATER, envelopeFrom: "x@acme.example", ...(bindings ? { bindings } : {}) });

/** 2 MB of sentences that each carry a return cue for chrono to read, and no date. */
const HUGE = "I will be back soon, thanks for waiting. ".repeat(50_000);

describe("out-of-office bounds", () => {
	it.each([
		["a stranger (no contact)", "stranger@acme.example"],
		["another user's contact", "theirs@acme.example"],
		["a contact with a pending follow-up, but no date", "mine@acme.example"],
	])("%s: 2 MB of return cues cost under 1 s", async (_label, from) => {
		const { address } = await newUser();
		if (from.startsWith("theirs")) {
			// A contact with a pending follow-up, but of someone else: not of the user the auto-reply names.
			const other = await newUser();
			await send({ from: other.address, to: `Theirs <${from}>`, subject: "Coffee?" }, T);
		}
		if (from.startsWith("mine")) await send({ from: address, to: `Mine <${from}>`, subject: "Coffee?" }, T);
		const started = Date.now();
		const r = await deliver(autoReply({ from, to: address, body: HUGE }));
		const ms = Date.now() - started;
		console.log(`auto-reply of ${(HUGE.length / 1e6).toFixed(1)} MB from ${_label}: ${r.outcome.reason} in ${ms} ms`);
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "automatic_auto_reply" });
		expect(ms).toBeLessThan(1000);
	});

	it(`a contact's return date is read in the first ${OOO_TEXT_MAX} characters only`, async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
		const filler = `${"Thanks for your note. ".repeat(Math.ceil(OOO_TEXT_MAX / 22))}\n`;
		const late = await deliver(
			autoReply({ from: "ann@acme.example", to: address, body: `${filler}I will be back on December 3.` }),
		);
		expect(late.outcome).toMatchObject({ outcome: "ignored", reason: "automatic_auto_reply" });
		const started = Date.now();
		const early = await deliver(
			autoReply({ from: "ann@acme.example", to: address, body: `I will be back on December 3.\n${HUGE}` }),
		);
		console.log(
			`a contact's 2 MB auto-reply with the date on top: ${early.outcome.reason} in ${Date.now() - started} ms`,
		);
		expect(early.outcome).toMatchObject({ outcome: "accepted", reason: "out_of_office" });
		expect((await nudgesOf(userId, "pending")).map((n) => n.nudge.dueOn)).toEqual(["2026-12-04"]);
	});

	it(`at most ${OOO_MAX_RECIPIENTS} recipients are looked up, however many the auto-reply names`, async () => {
		const statements = async (count: number) => {
			const d1 = countingD1(env.DB);
			const to = Array.from({ length: count }, (_, i) => `p${i}@nobody.example`).join(", ");
			const raw = autoReply({ from: "ann@acme.example", to, body: "Back on December 3." });
			const r = await deliver(raw, { ...env, DB: d1.db });
			expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "automatic_auto_reply" });
			return d1.count();
		};
		const few = await statements(OOO_MAX_RECIPIENTS);
		const many = await statements(100);
		console.log(`D1 statements for an auto-reply to ${OOO_MAX_RECIPIENTS} vs 100 strangers: ${few} vs ${many}`);
		expect(few).toBeGreaterThanOrEqual(OOO_MAX_RECIPIENTS);
		expect(many).toBe(few);
	});
});
