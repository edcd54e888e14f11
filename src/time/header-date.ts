/**
 * The instant a mail client's Date line names, as clients write it in the header
 * block of a forward, in any language of time/month-names.ts: "Wed, Oct 27, 2021
 * at 9:31 AM", "26. lokakuuta 2021 klo 14.25.08 UTC+3", "2021. október 26.
 * 14:25:08 EEST", "st 27. 10. 2021 v 9:31", "2022年9月19日 17:55:44 -0400".
 * Day, month (figures or a name) and year; optional weekday, time and offset. A
 * text without an offset is wall-clock time in the user's timezone; one with an
 * offset or a zone of time/zone-offsets.ts is read at it. One linear tokenising
 * pass (200 characters at most) and a scan over its few dozen tokens; no regex and
 * no table built on first use, so the first call in an isolate costs about 1 ms in
 * workerd (compiling these functions), not chrono's 25–60 ms of patterns. Pure.
 */
import { type Tok as Token, tokenize } from "./date-tokens";
import { findTime, tight } from "./header-time";
import { instantAt } from "./local-time";
import { DAY_WITH_DOT, MONTH_NAMES, WEEKDAY_NAMES } from "./month-names";
import { MONTH_FIRST_ZONES, ZONE_OFFSETS } from "./zone-offsets";

export type HeaderDateReading =
	| { kind: "date"; at: Date }
	/** Figures that read two ways (03/04/2021) and nothing in the text to choose; or a month word two languages read differently. */
	| { kind: "ambiguous" }
	/** No date here; `languages` wrote the month words in the text (for a fallback parser). */
	| { kind: "unread"; languages: string[] };

/** A date line is short; more is not a date. */
export const HEADER_DATE_MAX = 200;

type MonthReading = readonly [lang: string, month: number];
/** A token with the months it names (none for most words), looked up once. */
type Tok = Token & { months: readonly MonthReading[] };
const NONE: readonly MonthReading[] = [];

/** Every data line joined: most words (weekdays, "kl", "de", "gmt") are not in it, and one indexOf says so. */
let allMonthWords = "";

/**
 * The languages that write this word as a month, and which month: found in the
 * data lines themselves with indexOf (no table to build: building one cost ~1 ms
 * on first use, more than reading a date).
 */
function monthsOf(word: string): readonly MonthReading[] {
	allMonthWords ||= `|${Object.values(MONTH_NAMES).join("|")}|`;
	if (!hasWord(allMonthWords, word)) return NONE;
	const found: MonthReading[] = [];
	for (const [lang, line] of Object.entries(MONTH_NAMES)) {
		const at = wordAt(line, word);
		if (at < 0) continue;
		let month = 1;
		for (let i = line.indexOf("|"); i >= 0 && i < at; i = line.indexOf("|", i + 1)) month++;
		found.push([lang, month]);
	}
	return found;
}

/** Where `word` stands whole in a data line ("|" between months, " " between forms), or -1. */
function wordAt(line: string, word: string): number {
	for (let at = line.indexOf(word); at >= 0; at = line.indexOf(word, at + 1)) {
		const before = at === 0 ? "|" : line[at - 1];
		const after = line[at + word.length] ?? "|";
		if ((before === "|" || before === " ") && (after === "|" || after === " ")) return at;
	}
	return -1;
}

const hasWord = (line: string, word: string) => wordAt(line, word) >= 0;

interface DatePart {
	y: number;
	m: number;
	d: number;
	/** Index of the date's first token, and after its last. */
	start: number;
	end: number;
	/** d/m/y or m/d/y: both fit, the zone may tell. */
	eitherOrder?: boolean;
}

const isNum = (t: Tok | undefined, min: number, max: number): t is Tok =>
	t?.k === "n" && t.v.length >= min && t.v.length <= max;
/** Between the parts of a named date: dots, commas and short words ("26 de octubre de 2021"). */
const isFiller = (t: Tok) =>
	(t.k === "p" && (t.v === "." || t.v === ",")) || (t.k === "w" && t.v.length <= 3 && t.months.length === 0);

function next(toks: Tok[], i: number): number {
	let j = i + 1;
	for (let skipped = 0; skipped < 3 && toks[j] && isFiller(toks[j] as Tok); skipped++) j++;
	return j;
}

/** The month a word names, using the text's hints when languages disagree (hr "listopad" is October, pl November). */
function monthOf(word: Tok | undefined, dotted: boolean, toks: Tok[]): number | "ambiguous" | null {
	const entries = word?.months ?? NONE;
	if (entries.length === 0) return null;
	let langs = entries;
	const byDot = langs.filter(([lang]) => DAY_WITH_DOT.has(lang) === dotted);
	if (byDot.length > 0) langs = byDot;
	const byWeekday = langs.filter(([lang]) => {
		const names = WEEKDAY_NAMES[lang]?.split(" ") ?? [];
		return toks.some((t) => t.k === "w" && names.includes(t.v));
	});
	if (byWeekday.length > 0) langs = byWeekday;
	const found = new Set(langs.map(([, m]) => m));
	return found.size === 1 ? (langs[0]?.[1] ?? null) : "ambiguous";
}

/** A two-digit year as strptime's %y reads it: 69–99 are 1969–1999, the rest 2000–2068. */
const year = (t: Tok) => (t.v.length === 2 ? (Number(t.v) >= 69 ? 1900 : 2000) + Number(t.v) : Number(t.v));
const dotAfter = (toks: Tok[], i: number) => toks[i + 1]?.v === "." && !toks[i + 1]?.sp;

/** Figures: y-m-d, or d.m.y / d-m-y (day first in every locale that writes them), or d/m/y vs m/d/y. */
function numericAt(toks: Tok[], i: number): DatePart | null {
	const [a, s1, b, s2, c] = toks.slice(i, i + 5);
	if (!a || !s1 || !b || !s2 || !c || s1.k !== "p" || s1.v !== s2.v || !"/.-".includes(s1.v)) return null;
	if (isNum(a, 4, 4) && isNum(b, 1, 2) && isNum(c, 1, 2))
		return { y: Number(a.v), m: Number(b.v), d: Number(c.v), start: i, end: i + 5 };
	if (!isNum(a, 1, 2) || !isNum(b, 1, 2) || !(isNum(c, 4, 4) || isNum(c, 2, 2))) return null;
	const [first, second] = [Number(a.v), Number(b.v)];
	const part = { y: year(c), start: i, end: i + 5 };
	if (s1.v !== "/" || first > 12) return { ...part, d: first, m: second };
	// Slashes: day first in most of the world, month first in the US; a figure over 12 is the day.
	if (second > 12) return { ...part, d: second, m: first };
	return { ...part, d: first, m: second, eitherOrder: first !== second };
}

/** A date with its month named: d M y, M d y, y M d. */
function namedAt(toks: Tok[], i: number): DatePart | "ambiguous" | null {
	const t = toks[i];
	const j = next(toks, i);
	const k = next(toks, j);
	let part: { y: Tok; mi: number; d: Tok; di: number } | null = null;
	if (isNum(t, 1, 2) && isNum(toks[k], 4, 4)) part = { d: t, di: i, mi: j, y: toks[k] as Tok };
	else if (t?.k === "w" && isNum(toks[j], 1, 2) && isNum(toks[k], 4, 4))
		part = { mi: i, d: toks[j] as Tok, di: j, y: toks[k] as Tok };
	else if (isNum(t, 4, 4) && isNum(toks[k], 1, 2)) part = { y: t, mi: j, d: toks[k] as Tok, di: k };
	if (!part) return null;
	const m = monthOf(toks[part.mi], dotAfter(toks, part.di), toks);
	if (m === null || m === "ambiguous") return m;
	return { y: Number(part.y.v), m, d: Number(part.d.v), start: i, end: Math.max(i, j, k) + 1 };
}

/**
 * The first date in the text that exists ("klo 14.25.08 26.10.2021": not 14 Dec 2008's "14.25.08");
 * "invalid" when the only ones written do not exist (31 February): nothing for a fallback to guess at.
 */
function findDate(toks: Tok[]): DatePart | "ambiguous" | "invalid" | null {
	let invalid = false;
	for (let i = 0; i < toks.length; i++) {
		const found = numericAt(toks, i) ?? namedAt(toks, i);
		if (found === "ambiguous") return found;
		if (!found) continue;
		if (validDay(found.y, found.m, found.d) || (found.eitherOrder && validDay(found.y, found.d, found.m))) return found;
		invalid = true;
	}
	return invalid ? "invalid" : null;
}

interface ZonePart {
	/** Minutes east of UTC; null: the user's timezone. */
	offset: number | null;
	monthFirst: boolean;
}

/** "+0300", "-04:00", "GMT+3", "UTC+5:30", "GMT", "Z", "EEST"; the first after the time. */
function findZone(toks: Tok[], from: number): ZonePart {
	for (let i = from; i < toks.length; i++) {
		const t = toks[i] as Tok;
		if (t.k === "n") break;
		if (t.k === "p" && "+-\u2212".includes(t.v)) return { offset: signedOffset(toks, i), monthFirst: false };
		if (t.k !== "w") continue;
		if (t.v === "z" && !t.sp) return { offset: 0, monthFirst: false };
		const fixed = ZONE_OFFSETS.get(t.v);
		if (fixed === 0 && toks[i + 1]?.k === "p" && "+-\u2212".includes(toks[i + 1]?.v ?? ""))
			return { offset: signedOffset(toks, i + 1), monthFirst: false };
		if (fixed !== undefined) return { offset: fixed, monthFirst: MONTH_FIRST_ZONES.has(t.v) };
		if (MONTH_FIRST_ZONES.has(t.v)) return { offset: null, monthFirst: true };
	}
	return { offset: null, monthFirst: false };
}

/** The offset written at toks[i] (a sign): ±hhmm, ±hh:mm or ±h. Null when not one (read in the user's timezone). */
function signedOffset(toks: Tok[], i: number): number | null {
	const sign = toks[i]?.v === "+" ? 1 : -1;
	const n = toks[i + 1];
	if (!isNum(n, 1, 4) || n.sp) return null;
	let h: number;
	let m = 0;
	if (n.v.length === 4) [h, m] = [Number(n.v.slice(0, 2)), Number(n.v.slice(2))];
	else if (n.v.length <= 2) {
		h = Number(n.v);
		const mm = toks[i + 3];
		if (tight(toks[i + 2], ":") && isNum(mm, 2, 2) && !mm.sp) m = Number(mm.v);
	} else return null;
	return h > 14 || m > 59 ? null : sign * (h * 60 + m);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function validDay(y: number, m: number, d: number): boolean {
	// Mail is younger than 1970: an older year is a misreading, and would skew every duration after it.
	if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
	return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

export function readHeaderDate(text: string, tz: string): HeaderDateReading {
	const toks = tokenize(text.slice(0, HEADER_DATE_MAX)).map((t) => ({
		...t,
		months: t.k === "w" ? monthsOf(t.v) : NONE,
	}));
	const found = findDate(toks);
	if (found === "ambiguous") return { kind: "ambiguous" };
	if (found === "invalid") return { kind: "unread", languages: [] };
	if (!found) return { kind: "unread", languages: languagesOf(toks) };
	// The time follows the date in every client seen; one written before it ("08:02, 23 Nov 2026") is read too.
	const after = findTime(toks, found.end, toks.length);
	const time = after ?? findTime(toks, 0, found.start);
	// No time read (none written, or in a form not known): the start of the day, in the user's zone. The
	// day is what a forward's age and its due dates count by; "now" instead could be weeks off.
	// The zone follows the time, or the date: a time written first may have it before the date ("08:02 +0100, 23 Nov").
	const before = !after && time ? findZone(toks.slice(0, found.start), time.end) : null;
	const zone =
		before && (before.offset !== null || before.monthFirst) ? before : findZone(toks, after?.end ?? found.end);
	let { d, m } = found;
	if (found.eitherOrder) {
		if (!zone.monthFirst) return { kind: "ambiguous" };
		[d, m] = [m, d];
	}
	// A date that does not exist (31 February) is not one for a fallback parser to guess at either.
	if (!validDay(found.y, m, d)) return { kind: "unread", languages: [] };
	const minutes = time?.minutes ?? 0;
	const seconds = time?.seconds ?? 0;
	const at =
		zone.offset === null
			? instantAt(`${pad(found.y, 4)}-${pad(m)}-${pad(d)}`, minutes, tz).getTime() + seconds * 1000
			: Date.UTC(found.y, m - 1, d, 0, minutes, seconds) - zone.offset * 60_000;
	return { kind: "date", at: new Date(at) };
}

/** The languages of the month words in the text. */
function languagesOf(toks: Tok[]): string[] {
	const langs = new Set<string>();
	for (const t of toks) for (const [lang] of t.months) langs.add(lang);
	return [...langs];
}
