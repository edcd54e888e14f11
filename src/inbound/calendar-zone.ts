/**
 * Calendar times to instants, without ical.js's zone machinery (which expands a
 * VTIMEZONE's RRULE from its DTSTART, minute by minute if it says MINUTELY, and
 * keeps zones in a registry shared by the whole isolate). Here:
 * - a TZID that is an IANA name ("Europe/Berlin") is resolved by Temporal, and
 *   the sender's VTIMEZONE for it is not used;
 * - any other TZID ("Pacific Standard Time") uses the VTIMEZONE of the same
 *   calendar, read for the event's own date: each observance's last onset at or
 *   before it, from DTSTART, a few RDATEs, or a YEARLY rule (BYMONTH with one
 *   BYDAY like 2SU / -1SU, or one BYMONTHDAY), computed for at most two years;
 * - a VTIMEZONE with any other RRULE is unusable, and so is a missing one: the
 *   time is then read as floating (UTC), as before. Nothing is ever shared
 *   between calendars. Constant work per time. Pure.
 */
import { Temporal } from "temporal-polyfill";
import { logRecovered } from "../lib/log";

export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

interface YearlyRule {
	month: number;
	/** Ordinal weekday: n (±1…5) and weekday 0 (SU) … 6 (SA); or a month day (±1…31). */
	byDay: { n: number; weekday: number } | null;
	monthDay: number | null;
	until: WallTime | null;
	count: number | null;
}

export interface Observance {
	start: WallTime;
	offsetFrom: number;
	offsetTo: number;
	rule: YearlyRule | null;
	rdates: WallTime[];
}

/** A VTIMEZONE's observances, or null when it is unusable (for one, a non-YEARLY RRULE). */
export type VZone = Observance[] | null;

const MAX_RDATES = 16;
const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/** "2026-12-03T10:00:00" (jCal) or "2026-12-03", with or without a trailing Z. */
export function readWallTime(value: unknown): WallTime | null {
	if (typeof value !== "string") return null;
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?Z?$/.exec(value);
	if (!m) return null;
	const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
	const w = { year, month, day, hour, minute, second } as WallTime;
	if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31 || w.hour > 23 || w.minute > 59 || w.second > 60) {
		return null;
	}
	return w;
}

/** Wall-clock seconds, as if the wall time were UTC: for comparing wall times. */
const wallSeconds = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) / 1000;

/** "-07:00", "+0530", "+01:00:00" → seconds. */
export function readOffset(value: unknown): number | null {
	if (typeof value !== "string") return null;
	const m = /^([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(value);
	if (!m) return null;
	const s = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
	return m[1] === "-" ? -s : s;
}

function readRule(rrule: Record<string, unknown>, start: WallTime): YearlyRule | null | "unusable" {
	const freq = String(rrule.freq ?? "").toUpperCase();
	if (freq !== "YEARLY") return "unusable";
	if (rrule.interval !== undefined && Number(rrule.interval) !== 1) return "unusable";
	const month = rrule.bymonth === undefined ? start.month : Number(rrule.bymonth);
	if (!Number.isInteger(month) || month < 1 || month > 12) return "unusable";
	let byDay: YearlyRule["byDay"] = null;
	if (rrule.byday !== undefined) {
		const m = /^([+-]?[1-5])(SU|MO|TU|WE|TH|FR|SA)$/.exec(String(rrule.byday).toUpperCase());
		if (!m) return "unusable";
		byDay = { n: Number(m[1]), weekday: WEEKDAYS.indexOf(m[2] ?? "") };
	}
	const monthDay = rrule.bymonthday === undefined ? (byDay ? null : start.day) : Number(rrule.bymonthday);
	if (monthDay !== null && (!Number.isInteger(monthDay) || monthDay === 0 || Math.abs(monthDay) > 31)) {
		return "unusable";
	}
	const until = rrule.until === undefined ? null : readWallTime(rrule.until);
	const count = rrule.count === undefined ? null : Number(rrule.count);
	if ((rrule.until !== undefined && !until) || (count !== null && !(count >= 1))) return "unusable";
	return { month, byDay, monthDay: byDay ? null : monthDay, until, count };
}

type JProp = [string, Record<string, unknown>, string, ...unknown[]];

/** A VTIMEZONE's STANDARD and DAYLIGHT parts, as jCal. */
export function readZone(parts: readonly [string, JProp[], unknown[]][]): VZone {
	const observances: Observance[] = [];
	for (const [name, props] of parts) {
		if (name !== "standard" && name !== "daylight") continue;
		const value = (key: string) => props.find((p) => p[0] === key)?.[3];
		const start = readWallTime(value("dtstart"));
		const offsetFrom = readOffset(value("tzoffsetfrom"));
		const offsetTo = readOffset(value("tzoffsetto"));
		if (!start || offsetFrom === null || offsetTo === null) return null;
		const rrules = props.filter((p) => p[0] === "rrule");
		if (rrules.length > 1) return null;
		const raw = rrules[0]?.[3];
		const rule =
			raw === undefined
				? null
				: typeof raw === "object" && raw
					? readRule(raw as Record<string, unknown>, start)
					: "unusable";
		if (rule === "unusable") return null;
		const rdates = props
			.filter((p) => p[0] === "rdate")
			.flatMap((p) => p.slice(3))
			.slice(0, MAX_RDATES)
			.map(readWallTime)
			.filter((w): w is WallTime => w !== null);
		observances.push({ start, offsetFrom, offsetTo, rule, rdates });
	}
	return observances.length ? observances : null;
}

/** The day of `month` in `year` a rule names, or null when that month has no such day. */
function ruleDay(year: number, rule: YearlyRule): number | null {
	const days = new Date(Date.UTC(year, rule.month, 0)).getUTCDate();
	if (rule.byDay) {
		const { n, weekday } = rule.byDay;
		const firstWeekday = new Date(Date.UTC(year, rule.month - 1, 1)).getUTCDay();
		const first = 1 + ((weekday - firstWeekday + 7) % 7);
		const lastDay = days - ((new Date(Date.UTC(year, rule.month - 1, days)).getUTCDay() - weekday + 7) % 7);
		const day = n > 0 ? first + (n - 1) * 7 : lastDay + (n + 1) * 7;
		return day >= 1 && day <= days ? day : null;
	}
	const md = rule.monthDay ?? 1;
	const day = md > 0 ? md : days + md + 1;
	return day >= 1 && day <= days ? day : null;
}

/** The observance's last onset at or before `at` (wall seconds), or null. */
function lastOnset(o: Observance, at: number): number | null {
	let best: number | null = null;
	const consider = (s: number) => {
		if (s <= at && (best === null || s > best)) best = s;
	};
	const start = wallSeconds(o.start);
	consider(start);
	for (const r of o.rdates) consider(wallSeconds(r));
	if (o.rule) {
		const atYear = new Date(at * 1000).getUTCFullYear();
		let last = atYear;
		if (o.rule.until) last = Math.min(last, o.rule.until.year);
		if (o.rule.count !== null) last = Math.min(last, o.start.year + o.rule.count - 1);
		for (const year of [last, last - 1]) {
			if (year < o.start.year) continue;
			const day = ruleDay(year, o.rule);
			if (day === null) continue;
			const s = wallSeconds({ ...o.start, year, month: o.rule.month, day });
			if (s >= start && (!o.rule.until || s <= wallSeconds(o.rule.until))) consider(s);
		}
	}
	return best;
}

/** The UTC offset (seconds) a zone gives a wall time. */
export function zoneOffset(zone: Observance[], wall: WallTime): number {
	const at = wallSeconds(wall);
	let best: { onset: number; offset: number } | null = null;
	for (const o of zone) {
		const onset = lastOnset(o, at);
		if (onset !== null && (best === null || onset > best.onset)) best = { onset, offset: o.offsetTo };
	}
	if (best) return best.offset;
	// Before every onset: the earliest observance's offset before it.
	const earliest = zone.reduce((a, b) => (wallSeconds(b.start) < wallSeconds(a.start) ? b : a));
	return earliest.offsetFrom;
}

function ianaInstant(wall: WallTime, tzid: string): Date | null {
	try {
		const zoned = Temporal.PlainDateTime.from(wall, { overflow: "reject" }).toZonedDateTime(tzid);
		return new Date(zoned.epochMilliseconds);
	} catch (err) {
		// Expected for a Windows zone name ("Pacific Standard Time"): the calendar's VTIMEZONE is read instead.
		logRecovered("parse_fallback", err, {
			where: "calendar IANA zone",
			input: tzid.slice(0, 64),
			fallback: "the VTIMEZONE, else floating",
		});
		return null;
	}
}

/**
 * The instant of a DTSTART/DTEND value: `Z` is UTC, a TZID an IANA name or this
 * calendar's VTIMEZONE, anything else floating (read as UTC).
 */
export function toInstant(value: unknown, tzid: string | null, zones: ReadonlyMap<string, VZone>): Date | null {
	const wall = readWallTime(value);
	if (!wall) return null;
	const floating = new Date(wallSeconds(wall) * 1000);
	if (typeof value === "string" && value.endsWith("Z")) return floating;
	if (!tzid || !/T/.test(String(value))) return floating;
	const iana = ianaInstant(wall, tzid);
	if (iana) return iana;
	const zone = zones.get(tzid);
	if (!zone) return floating;
	return new Date((wallSeconds(wall) - zoneOffset(zone, wall)) * 1000);
}
