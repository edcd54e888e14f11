/** Turns an address delay (3d, monday, jan15, tomorrow4pm) into a due time for one user. */
import * as chrono from "chrono-node";
import { Temporal } from "temporal-polyfill";
import { addDays, instantAt, localDate, offsetMinutes, onOrNextBusinessDay, type UserClock } from "./local-time";

/** A delay as an address or a command gives it: a number of days, or a date phrase read later. */
export type Delay =
	| { kind: "days"; days: number }
	/** A date phrase for chrono, e.g. "monday", "tomorrow 4pm", "jan 15". */
	| { kind: "phrase"; phrase: string; hasTime: boolean };

export interface DueTime {
	/** Local date of a cadence nudge, or null when an explicit time was given. */
	dueOn: string | null;
	dueAt: Date;
}

/** A cadence due date: goes out in that local date's digest. */
export function dueOnDate(date: string, user: UserClock): DueTime {
	return { dueOn: date, dueAt: instantAt(date, user.digestMinutes, user.timezone) };
}

export function resolveDelay(delay: Delay, now: Date, user: UserClock): DueTime | null {
	const today = localDate(now, user.timezone);
	if (delay.kind === "days") {
		return dueOnDate(onOrNextBusinessDay(addDays(today, delay.days), user.businessDays), user);
	}
	const parsed = chrono.parse(
		delay.phrase,
		{ instant: now, timezone: offsetMinutes(now, user.timezone) },
		{ forwardDate: true },
	)[0];
	if (!parsed) return null;
	const c = parsed.start;
	let date = Temporal.PlainDate.from({
		year: c.get("year") ?? 0,
		month: c.get("month") ?? 1,
		day: c.get("day") ?? 1,
	}).toString();
	// A bare weekday means the next one: "monday" said on a Monday is a week away.
	if (c.isCertain("weekday") && !c.isCertain("day") && date <= today) date = addDays(date, 7);
	if (!delay.hasTime) {
		if (date < today) return null;
		return dueOnDate(date, user);
	}
	const at = instantAt(date, (c.get("hour") ?? 0) * 60 + (c.get("minute") ?? 0), user.timezone);
	return at.getTime() <= now.getTime() ? null : { dueOn: null, dueAt: at };
}
