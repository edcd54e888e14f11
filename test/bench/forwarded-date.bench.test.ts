/**
 * What reading a forwarded mail's Date line costs inside workerd: the first call
 * in a fresh isolate (this file's module instance; chrono's and our patterns
 * compile on first use), then the steady state over every corpus Date line; and,
 * for comparison, the first call of the former reader (up to 7 chrono parsers in
 * turn). performance.now() ticks in whole ms here: a first call under 1 ms shows
 * as 0 or 1. Prints BENCH lines; runs only with FOLLOWTHROUGH_BENCH=1.
 */
import * as chrono from "chrono-node";
import { expect, it } from "vitest";
import { forwardedDate } from "../../src/inbound/forwarded-date";
import { readInlineForward } from "../../src/inbound/forwarded-message";
import { readHeaderDate } from "../../src/time/header-date";
import { instantAt, offsetMinutes } from "../../src/time/local-time";
import { corpus } from "../support/corpus";

const NOW = new Date("2026-11-23T14:15:00Z");
const TZ = "Europe/Berlin";

function corpusDateTexts(): string[] {
	const f = corpus?.forward;
	if (!f) return ["Wed, Oct 27, 2021 at 9:31 AM", "26. října 2021 14:25:08 GMT+3"];
	const texts = f.cases.map((c) => {
		const subject = c.subject_file ? (f.files[c.subject_file] ?? "").trim() : null;
		return readInlineForward(f.files[c.body_file] ?? "", subject)?.dateText ?? null;
	});
	return texts.filter((t): t is string => t !== null);
}

/** The former reader, for the before figure: chrono's parsers in turn. */
function chronoReader(text: string): Date | null {
	const clean = text.slice(0, 200).replace(/\s(?:at|um|à|a las|om|às|alle)\s/i, " ");
	const ref = { instant: NOW, timezone: offsetMinutes(NOW, TZ) };
	for (const parser of [chrono.en, chrono.de, chrono.fr, chrono.es, chrono.nl, chrono.pt, chrono.it]) {
		const r = parser.parse(clean, ref).find((x) => x.start.isCertain("day") && x.start.isCertain("month"));
		if (r) return r.start.date();
	}
	return null;
}

function ms(f: () => unknown): number {
	const t0 = performance.now();
	f();
	return performance.now() - t0;
}

it("forwarded Date lines: first call and steady state", () => {
	const texts = corpusDateTexts();
	// Cold, in order: the reader on a text with an offset (no timezone arithmetic); then Temporal's first
	// use of the user's zone, which the forward's due dates (lifecycle/cadence.ts) pay anyway; then the
	// first wall-clock text, which uses it.
	const coldOffset = ms(() => readHeaderDate("26. října 2021 14:25:08 GMT+3", TZ));
	const temporalCold = ms(() => instantAt("2026-11-23", 600, TZ));
	const coldLocal = ms(() => forwardedDate({ date: null, dateText: "st 27. 10. 2021 v 9:31" }, TZ, NOW));
	const rounds = 200;
	let read = 0;
	const steady = ms(() => {
		for (let r = 0; r < rounds; r++)
			for (const t of texts) if (forwardedDate({ date: null, dateText: t }, TZ, NOW)) read++;
	});
	const chronoCold = ms(() => chronoReader(texts[0] ?? ""));
	const chronoAll = ms(() => {
		for (const t of texts) chronoReader(t);
	});
	console.log(`BENCH forwarded-date first call (offset text): ${coldOffset.toFixed(0)} ms`);
	console.log(`BENCH Temporal first use of the user's zone (shared with due dates): ${temporalCold.toFixed(0)} ms`);
	console.log(`BENCH forwarded-date first wall-clock text after that: ${coldLocal.toFixed(0)} ms`);
	console.log(
		`BENCH forwarded-date steady: ${((steady / (rounds * texts.length)) * 1000).toFixed(1)} µs per Date line (${texts.length} corpus lines × ${rounds})`,
	);
	console.log(
		`BENCH former chrono reader: first call ${chronoCold.toFixed(0)} ms, then all ${texts.length} corpus lines ${chronoAll.toFixed(0)} ms (each parser compiles on first use)`,
	);
	const round = (n: number) => Math.round(n * 10) / 10;
	console.log(
		`BENCH_JSON ${JSON.stringify({
			forwarded_date: {
				first_call_ms: round(coldOffset),
				steady_us: round((steady / (rounds * texts.length)) * 1000),
				chrono_first_call_ms: round(chronoCold),
				lines: texts.length,
			},
		})}`,
	);
	expect(read).toBe(rounds * texts.length);
});
