/**
 * The time of day in a mail client's Date line (for time/header-date.ts): "08:02",
 * "14.25.08" (da, fi), "8:02 PM", "p. m.", 午後 8:02, "2 PM", "14h30" and "20h" (fr), "8 Uhr",
 * 20時02分, 8시 2분. Pure,
 * no regex; every loop is bounded by the tokens of a capped line.
 */
import type { Tok } from "./date-tokens";

const isNum = (t: Tok | undefined, min: number, max: number): t is Tok =>
	t?.k === "n" && t.v.length >= min && t.v.length <= max;

export interface TimePart {
	minutes: number;
	seconds: number;
	end: number;
}

export const tight = (t: Tok | undefined, v: string) => t?.k === "p" && t.v === v && !t.sp;

/** "2 PM", "2pm": an hour and its half of the day, no minutes. */
function hourOnlyAt(toks: readonly Tok[], i: number, to: number): TimePart | null {
	const h = toks[i];
	const half = isNum(h, 1, 2) ? meridiem(toks, i + 1) : null;
	if (!half || half.end > to) return null;
	const hour = Number(h?.v);
	if (hour < 1 || hour > 12) return null;
	return { minutes: ((hour % 12) + (half.pm ? 12 : 0)) * 60, seconds: 0, end: half.end };
}

/** Words that follow an hour: fr "h", de "Uhr", ja/zh 時 时 点 點, ko 시; and the minutes' word after. */
const HOUR_WORDS = new Set(["h", "uhr", "時", "时", "点", "點", "시"]);
const MINUTE_WORDS = new Set(["分", "분", "min"]);

/** "14h30", "08 h 02", "20h" (fr), "8 Uhr" (de), "20時02分" (ja, zh), "오후 8시 2분" (ko). */
function hourWordAt(toks: readonly Tok[], i: number, to: number): TimePart | null {
	const [h, mark, mi] = toks.slice(i, i + 3);
	if (!isNum(h, 1, 2) || mark?.k !== "w" || !HOUR_WORDS.has(mark.v) || i + 2 > to) return null;
	let hour = Number(h.v);
	let minute = 0;
	let end = i + 2;
	if (isNum(mi, 1, 2) && i + 3 <= to) {
		minute = Number(mi.v);
		end = i + 3;
		const word = toks[end];
		if (word?.k === "w" && MINUTE_WORDS.has(word.v) && end + 1 <= to) end += 1;
	}
	const half = meridiemBefore(toks[i - 1], end);
	if (half && hour >= 1 && hour <= 12) hour = (hour % 12) + (half.pm ? 12 : 0);
	return hour > 23 || minute > 59 ? null : { minutes: hour * 60 + minute, seconds: 0, end };
}

/**
 * hh:mm[:ss] or hh.mm[.ss] (da, fi), then AM/PM; "2 PM"; an hour and its word. The first within toks[from, to).
 * An hour past 12 with PM ("14:00 PM") is read as written, and 0 with AM as midnight.
 */
export function findTime(toks: readonly Tok[], from: number, to: number): TimePart | null {
	for (let i = from; i + 2 <= to; i++) {
		const other = hourOnlyAt(toks, i, to) ?? hourWordAt(toks, i, to);
		if (other) return other;
		if (i + 3 > to) continue;
		const [h, s1, mi] = toks.slice(i, i + 3);
		if (!isNum(h, 1, 2) || !s1 || (s1.v !== ":" && s1.v !== ".") || !tight(s1, s1.v) || !isNum(mi, 2, 2) || mi.sp)
			continue;
		let end = i + 3;
		let seconds = 0;
		const sec = toks[end + 1];
		if (tight(toks[end], s1.v) && isNum(sec, 2, 2) && !sec.sp) {
			seconds = Number(sec.v);
			end += 2;
			// Fractions of a second ("08.000Z" in an ISO text) are dropped.
			const frac = toks[end + 1];
			if ((tight(toks[end], ".") || tight(toks[end], ",")) && frac?.k === "n" && !frac.sp) end += 2;
		}
		let hour = Number(h.v);
		const half = meridiem(toks, end) ?? meridiemBefore(toks[i - 1], end);
		if (half) {
			// "14:00 PM" is 14:00 and "0:05 AM" five past midnight: the figures already say which half.
			if (hour >= 1 && hour <= 12) hour = (hour % 12) + (half.pm ? 12 : 0);
			end = half.end;
		}
		if (hour > 23 || Number(mi.v) > 59 || seconds > 59 || end > to) return null;
		return { minutes: hour * 60 + Number(mi.v), seconds, end };
	}
	return null;
}

/** CJK clients write it before the time: ja 午前/午後, zh 上午/下午, ko 오전/오후. */
const MERIDIEM_BEFORE: Readonly<Record<string, boolean>> = {
	午前: false,
	午後: true,
	上午: false,
	下午: true,
	오전: false,
	오후: true,
};

function meridiemBefore(t: Tok | undefined, end: number): { pm: boolean; end: number } | null {
	const pm = t?.k === "w" ? MERIDIEM_BEFORE[t.v] : undefined;
	return pm === undefined ? null : { pm, end };
}

/** "AM", "pm", "a.m.", "p. m." after a time. */
function meridiem(toks: readonly Tok[], i: number): { pm: boolean; end: number } | null {
	const t = toks[i];
	if (t?.k !== "w") return null;
	if (t.v === "am" || t.v === "pm") return { pm: t.v === "pm", end: i + 1 };
	if ((t.v === "a" || t.v === "p") && toks[i + 1]?.v === "." && toks[i + 2]?.v === "m")
		return { pm: t.v === "p", end: toks[i + 3]?.v === "." ? i + 4 : i + 3 };
	return null;
}
