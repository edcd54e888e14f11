/**
 * Fuzzing the text readers (fast-check): the command grammar, the reply
 * extraction (trimmer + email-reply-parser) and the forward and introduction
 * readers never throw on any text, stay within their input, and stay fast.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommands } from "../../src/commands/command-grammar";
import { readInlineForward } from "../../src/inbound/forwarded-message";
import { hasIntroLanguage, namedAddresses } from "../../src/inbound/intro-detection";
import { newText } from "../../src/lib/new-text";
import { trimReply } from "../../src/lib/reply-text/trim-reply";
import { fuzzRuns, fuzzSeed } from "./fuzz-runs";

/** Text shaped like mail: quote markers, attributions, header blocks, rules, commands, any Unicode. */
const mailish = fc
	.array(
		fc.oneof(
			fc.string({ unit: "grapheme", maxLength: 60 }),
			fc.string({ maxLength: 60 }),
			fc.constantFrom(
				"> quoted",
				">> deeper",
				"On Mon, 23 Nov 2026 at 09:15, Ann Lee <ann@acme.example> wrote:",
				"Am 18.09.2013 um 16:24 schrieb Ann <a@x.de>:",
				"-----Original Message-----",
				"---------- Forwarded message ---------",
				"From: Carol Diaz <carol@diaz.example>",
				"Sent: Monday, 23 November 2026 09:15",
				"To: Ann <ann@acme.example>; Bob <bob@stone.example>",
				"Subject: Intro",
				"--",
				"________________",
				"Sent from my iPhone",
				"```",
				"1 done",
				"snooze until monday",
				"stop Ann",
				"Ann, meet Bob. Bob, meet Ann.",
				"\u202e\u200b\ufeff",
				"",
			),
		),
		{ maxLength: 40 },
	)
	.map((lines) => lines.join(fc.sample(fc.constantFrom("\n", "\r\n"), { numRuns: 1, seed: lines.length })[0] ?? "\n"));

/** Lines without their quote prefix (the trimmer rewrites "|" and "C>" quoting as ">"). */
const lineSet = (s: string) => new Set(s.split(/\r?\n/).map((l) => l.replace(/^(?:[ \t]*\p{L}*[>|])+/u, "").trim()));
const opts = (seed: number) => ({ numRuns: fuzzRuns(300), seed: fuzzSeed(seed) });

describe("text readers under fuzzing", () => {
	it("the command grammar never throws and reads only numbers present in the text", () => {
		fc.assert(
			fc.property(mailish, (text) => {
				const r = parseCommands(text);
				for (const c of r.commands)
					if (c.target.kind === "numbers") for (const n of c.target.numbers) expect(text).toContain(String(n));
			}),
			opts(1),
		);
	});

	it("reply extraction never throws, keeps only what the input says, and is fast", () => {
		fc.assert(
			fc.property(mailish, (text) => {
				const started = performance.now();
				const trimmed = trimReply(text);
				const fresh = newText(text);
				const input = lineSet(text);
				// Wrapped attributions are joined into one line; everything else is an input line.
				for (const l of lineSet(trimmed)) if (!/wrote|schrieb/.test(l)) expect(input.has(l) || l === "").toBe(true);
				// email-reply-parser may also trim a line's end ("~" signatures): a part of an input line.
				const all = [...input].join("\n");
				for (const l of lineSet(fresh)) expect(all).toContain(l);
				expect(performance.now() - started).toBeLessThan(500);
			}),
			opts(2),
		);
	});

	it("the forward and introduction readers never throw and find only addresses in the text", () => {
		fc.assert(
			fc.property(mailish, fc.option(fc.string({ maxLength: 40 }), { nil: null }), (text, subject) => {
				const fwd = readInlineForward(text, subject);
				if (fwd?.from?.address) expect(text.toLowerCase()).toContain(fwd.from.address);
				hasIntroLanguage(text);
				for (const a of namedAddresses(text)) expect(text.toLowerCase()).toContain(a.address.toLowerCase());
			}),
			opts(3),
		);
	});
});
