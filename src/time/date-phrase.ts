/**
 * The local date a snooze phrase names ("monday", "nov 30", "30 Nov 2027",
 * "2027-11-30"), in the user's timezone. A date without a year means its nearest
 * occurrence; when that has passed we do not guess a year ahead: the reading says
 * so and carries the next occurrence as the likely meaning. Pure.
 */
import * as chrono from "chrono-node";
import { Temporal } from "temporal-polyfill";
import { addDays, localDate, offsetMinutes } from "./local-time";

export type DateReading =
	/** A local date, today or later. */
	| { kind: "date"; date: string }
	/** Before today. `suggestion` is the next occurrence of that day and month when no year was given. */
	| { kind: "past"; date: string; yearGiven: boolean; suggestion: string | null }
	| { kind: "unreadable"; phrase: string };

/** The date, or null when it does not exist (31 Feb, month 13) or lies outside years 1–9999. */
function plainDate(year: number, month: number, day: number): string | null {
	if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9999 || month < 1 || day < 1) return null;
	// "constrain" moves 31 Feb to 28 Feb instead of throwing; a moved date did not exist.
	const date = Temporal.PlainDate.from({ year, month, day }, { overflow: "constrain" });
	return date.month === month && date.day === day ? date.toString() : null;
}

/** The first date after `today` with this month and day (29 Feb waits for a leap year). */
function nextOccurrence(month: number, day: number, today: string): string | null {
	const year = Temporal.PlainDate.from(today).year;
	for (let y = year; y <= year + 8; y++) {
		const d = plainDate(y, month, day);
		if (d && d > today) return d;
	}
	return null;
}

export function readDatePhrase(phrase: string, now: Date, tz: string): DateReading {
	const words = phrase.trim().slice(0, 60);
	const today = localDate(now, tz);
	const parsed = chrono.parse(words, { instant: now, timezone: offsetMinutes(now, tz) })[0];
	// "mon blah" is not a date, though chrono reads "mon" in it.
	const whole = parsed !== undefined && parsed.index === 0 && parsed.text.length >= words.length;
	if (!parsed || !whole) return { kind: "unreadable", phrase: words };
	const c = parsed.start;
	const month = c.get("month") ?? 1;
	const day = c.get("day") ?? 1;
	let date = plainDate(c.get("year") ?? 0, month, day);
	if (!date) return { kind: "unreadable", phrase: words };
	// A bare weekday means the next one: "monday" said on a Monday is a week away.
	if (c.isCertain("weekday") && !c.isCertain("day") && date <= today) date = addDays(date, 7);
	if (date >= today) return { kind: "date", date };
	const yearGiven = c.isCertain("year");
	const dayGiven = c.isCertain("day") && c.isCertain("month");
	return {
		kind: "past",
		date,
		yearGiven,
		suggestion: !yearGiven && dayGiven ? nextOccurrence(month, day, today) : null,
	};
}
