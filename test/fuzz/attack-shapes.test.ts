/**
 * Issue 12's attack shapes, generated (fast-check) and read at n and at 4n by
 * the real readers: VTIMEZONEs repeating every minute or second, replies of
 * header-like lines, HTML of unclosed `<`, Authentication-Results values of
 * nested comments and quoted strings, and whitespace runs into the forward
 * reader. A linear reader takes about 4× as long on 4n, a quadratic one 16×;
 * the bound is generous for a loaded machine: time(4n) < 12 × time(n) + 20 ms,
 * each the best of three, and a shape gets three tries. `npm test` tries a few
 * shapes per reader; `npm run fuzz` many more.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAuthResults } from "../../src/inbound/auth-results";
import { readInlineForward } from "../../src/inbound/forwarded-message";
import { readInvites } from "../../src/inbound/meeting-invite";
import { htmlToText } from "../../src/lib/html-to-text";
import { newText } from "../../src/lib/new-text";
import { parserInput } from "../../src/lib/parser-input";
import { trimReply } from "../../src/lib/reply-text/trim-reply";
import {
	authResultsAttack,
	headerLinesAttack,
	type Shape,
	unclosedHtmlAttack,
	vtimezoneAttack,
	whitespaceRunAttack,
} from "./attack-arbitraries";
import { fuzzRuns, fuzzSeed } from "./fuzz-runs";

/** Each run times two sizes several times, so it costs a hundred ordinary runs: `npm test` makes 2, `npm run fuzz` 20. */
const opts = (seed: number) => ({ numRuns: Math.max(2, Math.round(fuzzRuns(200) / 100)), seed: fuzzSeed(seed) });

/** Best of three, in ms, of `reps` calls. */
function time(f: () => unknown, reps: number): number {
	let best = Number.POSITIVE_INFINITY;
	for (let i = 0; i < 3; i++) {
		const start = performance.now();
		for (let j = 0; j < reps; j++) f();
		best = Math.min(best, performance.now() - start);
	}
	return best;
}

interface Growth {
	small: number;
	large: number;
	a: number;
	b: number;
	linear: boolean;
}

/** Times `read` on the shape at n and 4n, enough calls that n takes ≥ 20 ms; `tries` tries (a busy machine can stretch one), the first within bound counts. */
function growth(read: (s: string) => unknown, shape: Shape, n: number, tries = 3): Growth {
	const small = shape.make(n);
	const large = shape.make(4 * n);
	read(large); // warm up, so neither size is timed before the JIT settles
	read(small);
	let reps = 1;
	while (time(() => read(small), reps) < 20 && reps < 8192) reps *= 2;
	let g = { small: small.length, large: large.length, a: 0, b: 0, linear: false };
	for (let attempt = 0; attempt < tries && !g.linear; attempt++) {
		const a = time(() => read(small), reps);
		const b = time(() => read(large), reps);
		g = { ...g, a, b, linear: b < 12 * a + 20 };
	}
	return g;
}

const figures: string[] = [];
function expectLinear(reader: string, read: (s: string) => unknown, shape: Shape, n: number) {
	const g = growth(read, shape, n);
	const row = `${reader} · ${shape.label}: ${g.small} → ${g.large} chars, ${g.a.toFixed(1)} → ${g.b.toFixed(1)} ms (×${(g.b / Math.max(g.a, 0.1)).toFixed(1)})`;
	figures.push(row);
	expect(g.linear, row).toBe(true);
}

const UNBOUNDED = { maxChars: Number.POSITIVE_INFINITY, maxResults: Number.POSITIVE_INFINITY };
const calendar = (content: string) =>
	readInvites([{ mimeType: "text/calendar", method: null, filename: null, content }]);

describe("issue 12's attack shapes: 4× the input takes at most 12× the time + 20 ms", { timeout: 120_000 }, () => {
	it("the bound catches a quadratic reader in one try", () => {
		// What a backtracking `\s*x` does: from every start, scan the rest of the spaces.
		const quadratic = (s: string) => {
			let steps = 0;
			for (let i = 0; i < s.length; i++) for (let j = i; j < s.length && s[j] === " "; j++) steps++;
			return steps;
		};
		const g = growth(quadratic, { label: "spaces", make: (n) => " ".repeat(n) }, 1000, 1);
		console.log(`quadratic control: ${g.small} → ${g.large} chars, ${g.a.toFixed(1)} → ${g.b.toFixed(1)} ms`);
		expect(g.linear).toBe(false);
	});

	it("readInvites: VTIMEZONEs with RRULE FREQ=MINUTELY / SECONDLY", () => {
		fc.assert(
			fc.property(vtimezoneAttack, fc.integer({ min: 4, max: 9 }), (shape, n) => {
				// The calendar is read, not refused: every event comes back (at most 20 are read).
				expect(calendar(shape.make(n))).toHaveLength(n);
				expectLinear("readInvites", calendar, shape, n);
			}),
			opts(12_1),
		);
	});

	it("trimReply and newText: replies of many header-like lines", () => {
		fc.assert(
			fc.property(headerLinesAttack, fc.integer({ min: 150, max: 400 }), (shape, n) => {
				expectLinear("trimReply", trimReply, shape, n);
				expectLinear("newText", newText, shape, n);
			}),
			opts(12_2),
		);
	});

	it("htmlToText: HTML of many unclosed '<'", () => {
		fc.assert(
			fc.property(unclosedHtmlAttack, fc.integer({ min: 5_000, max: 20_000 }), (shape, n) => {
				expectLinear("htmlToText", htmlToText, shape, n);
			}),
			opts(12_3),
		);
	});

	it("parseAuthResults: nested comments, quoted strings and quoted-pairs", () => {
		fc.assert(
			fc.property(authResultsAttack, fc.integer({ min: 200, max: 2_000 }), (shape, n) => {
				expect(() => parseAuthResults(shape.make(4 * n))).not.toThrow();
				// The tokenizer itself, without the bounds that refuse a long value before reading it.
				expectLinear("parseAuthResults", (s) => parseAuthResults(s, UNBOUNDED), shape, n);
			}),
			opts(12_4),
		);
	});

	it("readInlineForward and parserInput: long CR LF and form-feed runs", () => {
		fc.assert(
			fc.property(whitespaceRunAttack, fc.integer({ min: 1_000, max: 4_000 }), (shape, n) => {
				expectLinear("parserInput", parserInput, shape, n);
				expectLinear("readInlineForward", (s) => readInlineForward(s, "Fwd: x"), shape, n);
			}),
			opts(12_5),
		);
	});

	it("readInlineForward: a From: line then thousands of quote-only lines (was ×14 per 4×, 9 s at 32 KiB)", () => {
		const shape: Shape = {
			label: "From: then '> ' lines",
			make: (n) => `From: Ann <ann@acme.example>\n${"> \n".repeat(n)}`,
		};
		for (const n of [1_000, 4_000]) expectLinear("readInlineForward", (s) => readInlineForward(s, "Fwd: x"), shape, n);
	});

	it("prints the figures", () => {
		console.log(figures.join("\n"));
	});
});
