/**
 * Issue 12, item 4: every reader of mail text runs in time linear in its input.
 * Each reader meets adversarial shapes at n and 4n; a linear reader takes about
 * 4× as long, a quadratic one 16×. The bound is the ratio, not a wall clock;
 * the figures are printed. The issue's own attacks also go through email().
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readInlineForward } from "../../src/inbound/forwarded-message";
import { snippetOf } from "../../src/inbound/snippet";
import { boundedDisplayName } from "../../src/lib/display-name";
import { htmlToText } from "../../src/lib/html-to-text";
import { newText } from "../../src/lib/new-text";
import {
	bottomPosted,
	quoteToEnd,
	textThenHeaders,
	textThenQuotedMail,
	textThenUnquotedMail,
	trimReply,
	wrappedHeaders,
} from "../../src/lib/reply-text/trim-reply";
import { parseReturnDate } from "../../src/nudges/out-of-office";
import { DOMAIN, replyAddressOf, send, signUp } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const lines = (n: number, pattern: readonly string[]) =>
	Array.from({ length: n }, (_, i) => pattern[i % pattern.length]).join("\n");

/** The reply: From / Sent / To / Subject lines over and over. */
const HEADERISH = [
	"From: Ann Lee <ann@acme.example>",
	"Sent: Monday, November 23, 2026 9:00 AM",
	"To: Dee Park <dee@a3.example>",
	"Subject: Re: Coffee next week?",
];

type Shape = [name: string, make: (n: number) => string];

/** Shapes that made a regex backtrack, as lines (n lines) or as one string of n units. */
const REPLY_SHAPES: Shape[] = [
	["header-like lines (issue 12)", (n) => lines(n, HEADERISH)],
	["header and text lines", (n) => lines(n, ["From: a", "text"])],
	["text, then quoted-mail markers", (n) => `${lines(n, ["x", "On Mon, 1 Jan 2024, a@b.example wrote:"])}\n> q`],
	["blank lines between text", (n) => `hi${"\n".repeat(n)}bye`],
	["unclosed >>> enclosures", (n) => lines(n, [">>> a >>>"])],
	["unclosed >>>> blocks", (n) => lines(n, [">>>>"])],
	["PGP signature starts", (n) => lines(n, ["-----BEGIN PGP SIGNATURE-----"])],
	["quotes between text", (n) => `t\n${lines(n, ["", ">q"])}\nt`],
	["one long line of 'wrote on'", (n) => "wrote on ".repeat(n)],
	["one long line of dates and verbs", (n) => "1234написал".repeat(n)],
	["one long line of addresses", (n) => `${"a@b.cc ".repeat(n)}\nx`],
	["one long line of [", (n) => "[".repeat(n * 8)],
];

const HTML_SHAPES: Shape[] = [
	["unclosed < (issue 12)", (n) => "<".repeat(n * 8)],
	["<script> without an end", (n) => "<script>".repeat(n)],
	["<a without >", (n) => `<a${" b".repeat(n * 4)}`],
	["entities without ;", (n) => "&#x1".repeat(n * 2)],
	["spaces before line ends", (n) => `${" ".repeat(n * 8)}x\n`.repeat(2)],
	["blank lines", (n) => `${"<br>".repeat(n * 2)}x`],
	// A parser that keeps a stack of open elements grows quadratic here (htmlparser2's Parser, html-to-text).
	["nested tables, never closed", (n) => `${"<table><tr><td>".repeat(n)}x`],
	["nested divs, closed", (n) => `${"<div>".repeat(n)}x${"</div>".repeat(n)}`],
	["one huge attribute", (n) => `<a href="${"x".repeat(n * 8)}">y</a>`],
	["many entities", (n) => "&amp;&rsquo;&#x41;&nbsp;".repeat(n)],
];

const SNIPPET_SHAPES: Shape[] = [
	["blank lines", (n) => `${"\n".repeat(n * 8)}x`],
	["spaces and newlines", (n) => `${" \n".repeat(n * 4)}> q`],
	["long first line", (n) => "a ".repeat(n * 4)],
];

/** Best of five, in ms, of `reps` runs. */
function time(f: () => unknown, reps: number): number {
	let best = Number.POSITIVE_INFINITY;
	for (let i = 0; i < 5; i++) {
		const start = Date.now();
		for (let j = 0; j < reps; j++) f();
		best = Math.min(best, Date.now() - start);
	}
	return best;
}

/**
 * Times `read` on n and 4n and prints the figures. The ratio must be that of a
 * linear reader (about 4, under 10; a quadratic one gives 16). A busy machine
 * can stretch one measurement, so a shape gets three tries and its best ratio counts.
 */
function expectLinear(reader: string, read: (s: string) => unknown, shapes: Shape[], n: number) {
	const rows: string[] = [];
	for (const [name, make] of shapes) {
		const small = make(n);
		const large = make(4 * n);
		read(large); // warm up on both sizes, so neither is timed before the JIT settles
		let reps = 1;
		while (time(() => read(small), reps) < 20 && reps < 1024) reps *= 2;
		let best = { a: 1, b: Number.POSITIVE_INFINITY };
		for (let attempt = 0; attempt < 3 && best.b / best.a >= 10; attempt++) {
			const a = Math.max(
				time(() => read(small), reps),
				1,
			);
			const b = time(() => read(large), reps);
			if (b / a < best.b / best.a) best = { a, b };
		}
		const ratio = best.b / best.a;
		rows.push(
			`${reader} · ${name}: ${small.length} → ${large.length} chars, ${best.a} → ${best.b} ms (×${ratio.toFixed(1)})`,
		);
		expect(ratio, `${reader} · ${name}`).toBeLessThan(10);
	}
	console.log(rows.join("\n"));
}

describe("text readers are linear: 4× the input takes about 4× the time", { timeout: 60_000 }, () => {
	it("trimReply", () => expectLinear("trimReply", trimReply, REPLY_SHAPES, 2000));
	it("newText", () => expectLinear("newText", newText, REPLY_SHAPES, 2000));
	it("htmlToText", () => expectLinear("htmlToText", htmlToText, HTML_SHAPES, 20_000));
	it("snippetOf", () => expectLinear("snippetOf", snippetOf, SNIPPET_SHAPES, 20_000));
	it("readInlineForward (email-forward-parser on a tidied head)", () =>
		expectLinear(
			"readInlineForward",
			(s) => readInlineForward(s, "Fwd: x"),
			[
				["CR LF line ends", (n) => "\r\n".repeat(n * 4)],
				["vertical tabs", (n) => "\v".repeat(n * 8)],
				["form feeds and newlines", (n) => "\f\n".repeat(n * 4)],
				["blank lines", (n) => `hi${"\n".repeat(n * 8)}bye`],
				["spaces", (n) => `${" ".repeat(n * 8)}x`],
				["forward separators", (n) => "---------- Forwarded message ---------\n".repeat(n)],
			],
			1000,
		));
	it("boundedDisplayName", () =>
		expectLinear(
			"boundedDisplayName",
			boundedDisplayName,
			[
				["links", (n) => "http://".repeat(n)],
				["controls", (n) => "\u0000\u202e".repeat(n)],
			],
			20_000,
		));
	it("parseReturnDate", () =>
		expectLinear(
			"parseReturnDate",
			(s) => parseReturnDate(s, T, "Europe/Berlin"),
			[
				["cue sentences", (n) => "I am back on Monday. ".repeat(n)],
				["one long cue line", (n) => `back until ${"1 ".repeat(n * 4)}`],
			],
			2000,
		));
});

describe("the issue's figures, pure", () => {
	it.each([
		["a reply of 1,500 header-like lines", () => trimReply(lines(1500, HEADERISH))],
		["newText of 1,500 header-like lines", () => newText(lines(1500, HEADERISH))],
		["300,000 unclosed '<'", () => htmlToText("<".repeat(300_000))],
		["1,200,000 unclosed '<'", () => htmlToText("<".repeat(1_200_000))],
	])("%s: under 1 s", (label, run) => {
		const start = Date.now();
		run();
		const ms = Date.now() - start;
		console.log(`${label}: ${ms} ms`);
		expect(ms).toBeLessThan(1000);
	});
});

describe("the issue's figures, through email()", () => {
	it("an HTML-only mail of 300,000 unclosed '<' is handled in under 1 s", async () => {
		const user = "lt-html@example.com";
		await signUp(user, T);
		const start = Date.now();
		const r = await send(
			{
				from: user,
				to: "Zed Quinn <zed@quinn.example>",
				mime: { contentType: "text/html; charset=utf-8", body: "<".repeat(300_000) },
			},
			T,
		);
		const ms = Date.now() - start;
		console.log(`email(): HTML of 300,000 '<' → ${r.outcome.outcome} ${r.outcome.reason} in ${ms} ms`);
		expect(r.outcome.outcome).toBe("accepted");
		expect(ms).toBeLessThan(1000);
	});

	it("a reply of 1,500 header-like lines to a reply token is handled in under 1 s", async () => {
		const user = "lt-reply@example.com";
		await signUp(user, T);
		await send({ from: user, to: "Zed Quinn <zed@quinn.example>", subject: "Coffee?" }, T);
		const rcpt = await replyAddressOf(user);
		const start = Date.now();
		const r = await send({ from: user, to: rcpt, rcpt, subject: "Re: x", body: lines(1500, HEADERISH) }, T);
		const ms = Date.now() - start;
		console.log(
			`email(): 1,500 header-like lines to ${rcpt.split("@")[0]?.slice(0, 4)}…@${DOMAIN} → ${r.outcome.reason} in ${ms} ms`,
		);
		expect(["accepted", "ignored"]).toContain(r.outcome.outcome);
		expect(ms).toBeLessThan(1000);
	});
});

describe("email() as a whole: 4× a hostile text body takes about 4× the time", { timeout: 120_000 }, () => {
	const BODIES: Shape[] = [
		["blank lines", (n) => `Hi Zed,${"\n".repeat(n)}Best, Dee`],
		["CR LF and form feeds", (n) => `Hi Zed,\n${"\f\r\n".repeat(n / 3)}`],
		["spaces", (n) => `Hi ${" ".repeat(n)}Zed`],
		["header-like lines (issue 12)", (n) => lines(Math.round(n / 32), HEADERISH)],
		["forward separators", (n) => "---------- Forwarded message ---------\n".repeat(Math.round(n / 39))],
	];
	it.each(BODIES)("%s, to track@ and to a reply address", async (name, make) => {
		const user = `lt-${name.replace(/\W+/g, "-").toLowerCase()}@example.com`;
		await signUp(user, T);
		await send({ from: user, to: "Zed Quinn <zed@quinn.example>", subject: "Coffee?" }, T);
		const rcpt = await replyAddressOf(user);
		const deliver = async (body: string) => {
			let best = Number.POSITIVE_INFINITY;
			for (let i = 0; i < 3; i++) {
				const start = Date.now();
				await send({ from: user, to: "Zed Quinn <zed@quinn.example>", subject: "Coffee?", body }, T);
				await send({ from: user, to: rcpt, rcpt, subject: "Re: Coffee?", body }, T);
				best = Math.min(best, Date.now() - start);
			}
			return Math.max(best, 1);
		};
		await deliver(make(4 * 65_536)); // warm up
		const a = await deliver(make(65_536));
		const b = await deliver(make(4 * 65_536));
		console.log(`email() · ${name}: 64 KiB → 256 KiB body, ${a} → ${b} ms (×${(b / a).toFixed(1)})`);
		expect(b / a).toBeLessThan(10);
	});
});

describe("the trimmer's scans find what its regexes found", () => {
	const kinds = fc.string({ unit: fc.constantFrom(..."edsbhqt"), maxLength: 24 });
	const index = (re: RegExp) => (k: string) => re.exec(k)?.index ?? null;
	it.each([
		["^b[^t]+t[et]*$", bottomPosted, (k: string) => (/^b[^t]+t[et]*$/.test(k) ? k.search(/t[et]*$/) : null)],
		["te*b[^q]*$", textThenUnquotedMail, index(/te*b[^q]*$/)],
		["t?e*[qbe]+$", quoteToEnd, index(/t?e*[qbe]+$/)],
		["t[eq]*h{3,}", textThenHeaders, index(/t[eq]*h{3,}/)],
	] as const)("%s", (_label, scan, regex) => {
		fc.assert(
			fc.property(kinds, (k) => {
				expect(scan(k)).toBe(regex(k));
			}),
			{ numRuns: 3000 },
		);
	});
	it("te*b[eqbh]*([te]*)$", () => {
		fc.assert(
			fc.property(kinds, (k) => {
				const m = /te*b[eqbh]*([te]*)$/.exec(k);
				expect(textThenQuotedMail(k)).toEqual(m ? { index: m.index, tail: m[1] } : null);
			}),
			{ numRuns: 3000 },
		);
	});
	it("h+[hte]+h+e", () => {
		fc.assert(
			fc.property(kinds, (k) => {
				const m = /h+[hte]+h+e/.exec(k);
				expect(wrappedHeaders(k)).toEqual(m ? { start: m.index, end: m.index + m[0].length } : null);
			}),
			{ numRuns: 3000 },
		);
	});
});
