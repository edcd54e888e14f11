/**
 * Calendar arithmetic in a user's timezone, on Temporal (polyfill): local dates,
 * business days, and the UTC instant of a local wall-clock time (DST-safe).
 */
import { Temporal } from "temporal-polyfill";
import { logRecovered } from "../lib/log";

/** ISO weekday bit mask: bit 1 = Monday … bit 7 = Sunday. Mon–Fri = 0b0111110. */
export type BusinessDays = number;
export const MON_TO_FRI: BusinessDays = 0b0111110;
const EVERY_DAY: BusinessDays = 0b11111110;

/** A mask with no day set would never reach a business day; treat it as every day. */
const effective = (mask: BusinessDays) => ((mask & EVERY_DAY) === 0 ? EVERY_DAY : mask);

export interface UserClock {
	timezone: string;
	/** Local digest time, minutes after midnight. */
	digestMinutes: number;
	businessDays: BusinessDays;
	/** The user's follow-up cadence (days); DESIGN.md's defaults when absent. */
	followUpDays?: number;
	followUpEvery?: number;
}

const toZoned = (at: Date, tz: string) => Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(tz);

/** The IANA id in its proper case ("asia/kolkata" → "Asia/Kolkata"), or null when unknown. */
export function canonicalTimezone(tz: string): string | null {
	try {
		return Temporal.Now.zonedDateTimeISO(tz).timeZoneId;
	} catch (err) {
		// Expected for a city name or a typo ("timezone Berlin"); logged so a broken Temporal would show.
		logRecovered("parse_fallback", err, { where: "canonicalTimezone", input: tz.slice(0, 64), fallback: "unknown" });
		return null;
	}
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(at: Date, tz: string): string {
	return toZoned(at, tz).toPlainDate().toString();
}

/** Minutes after local midnight of an instant. */
export function localMinutes(at: Date, tz: string): number {
	const z = toZoned(at, tz);
	return z.hour * 60 + z.minute;
}

export function addDays(date: string, days: number): string {
	return Temporal.PlainDate.from(date).add({ days }).toString();
}

export function daysBetween(from: string, to: string): number {
	return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: "days" }).days;
}

export function isBusinessDay(date: string, businessDays: BusinessDays): boolean {
	return (effective(businessDays) & (1 << Temporal.PlainDate.from(date).dayOfWeek)) !== 0;
}

/** The date itself when it is a business day, else the next one. */
export function onOrNextBusinessDay(date: string, businessDays: BusinessDays): string {
	let d = date;
	while (!isBusinessDay(d, businessDays)) d = addDays(d, 1);
	return d;
}

/** `n` business days after `date` (not counting `date`). */
export function addBusinessDays(date: string, n: number, businessDays: BusinessDays): string {
	let d = date;
	for (let left = n; left > 0; ) {
		d = addDays(d, 1);
		if (isBusinessDay(d, businessDays)) left--;
	}
	return d;
}

/**
 * The instant a local wall-clock time happens. In a DST gap the clock moves
 * forward (02:30 that does not exist becomes 03:30); in an overlap the earlier wins.
 */
export function instantAt(date: string, minutes: number, tz: string): Date {
	const z = Temporal.PlainDate.from(date)
		.toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
		.toZonedDateTime(tz, { disambiguation: "compatible" });
	return new Date(z.epochMilliseconds);
}

/** Offset of `tz` at an instant, in minutes east of UTC. */
export function offsetMinutes(at: Date, tz: string): number {
	return toZoned(at, tz).offsetNanoseconds / 60_000_000_000;
}

/** "Mon 30 Nov, 08:00" in the user's timezone. */
export function formatLocal(at: Date, tz: string): string {
	const z = toZoned(at, tz);
	const day = z.toLocaleString("en-GB", { weekday: "short", day: "numeric", month: "short" }).replace(",", "");
	return `${day}, ${String(z.hour).padStart(2, "0")}:${String(z.minute).padStart(2, "0")}`;
}

/** "Mon 30 Nov" for a local date. */
export function formatDate(date: string): string {
	return Temporal.PlainDate.from(date)
		.toLocaleString("en-GB", { weekday: "short", day: "numeric", month: "short" })
		.replace(",", "");
}

export function formatMinutes(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const DAY_MS = 86_400_000;

/** The instant `days` × 24 hours after `at`: for expiries, not calendar dates. */
export function inDays(at: Date, days: number): Date {
	return new Date(at.getTime() + days * DAY_MS);
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** A date further than this from today (either way) shows its year. */
export const YEAR_SHOWN_AFTER_DAYS = 150;

/** "30 Nov", or "30 Nov 2027" with `withYear`: a date as a person types it, without a weekday. */
export function formatDayMonth(date: string, withYear = false): string {
	const d = Temporal.PlainDate.from(date);
	return `${d.day} ${MONTHS[d.month - 1]}${withYear ? ` ${d.year}` : ""}`;
}

/**
 * "Mon 30 Nov" for a date within about 5 months of `today`, else "Tue 30 Nov 2027".
 * The weekday is always the date's own, in the year shown or, with no year, the
 * nearest year to today.
 */
export function formatDateNear(date: string, today: string): string {
	const d = Temporal.PlainDate.from(date);
	const far = Math.abs(daysBetween(today, date)) > YEAR_SHOWN_AFTER_DAYS;
	return `${WEEKDAYS[d.dayOfWeek - 1]} ${formatDayMonth(date, far)}`;
}

/** "Mon 30 Nov, 08:00" in the user's timezone, with the year when it is more than about 5 months from `now`. */
export function formatLocalNear(at: Date, tz: string, now: Date): string {
	const z = toZoned(at, tz);
	const day = formatDateNear(z.toPlainDate().toString(), localDate(now, tz));
	return `${day}, ${formatMinutes(z.hour * 60 + z.minute)}`;
}
