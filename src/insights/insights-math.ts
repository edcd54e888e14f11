/**
 * The pure half of Insights: local weeks, reply-time buckets, the follow-up rung
 * labels, and how a count is said when it is too small to mean much. No IO, `now` passed in.
 */
import { Temporal } from "temporal-polyfill";
import { addDays, instantAt, localDate } from "../time/local-time";

export const WEEKS_SHOWN = 12;
/** Below this many threads a rate is said as a count ("3 replies so far"), not read into. */
export const SMALL_SAMPLE = 10;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Reply-time buckets, upper bounds exclusive (ms); the last is open-ended. */
export const REPLY_TIME_BUCKETS = [
	{ key: "day", label: "Within a day", below: DAY },
	{ key: "3d", label: "1–3 days", below: 4 * DAY },
	{ key: "week", label: "4–7 days", below: 8 * DAY },
	{ key: "2w", label: "1–2 weeks", below: 15 * DAY },
	{ key: "more", label: "Over 2 weeks", below: Number.MAX_SAFE_INTEGER },
] as const;
export type ReplyTimeBucket = (typeof REPLY_TIME_BUCKETS)[number]["key"];

export function replyTimeBucket(ms: number): ReplyTimeBucket {
	for (const b of REPLY_TIME_BUCKETS) if (ms < b.below) return b.key;
	return "more";
}

/** Which follow-up was the last one delivered before the reply came: 0 none, 1–3, 4 the last try. */
export const RUNGS = [
	{ rung: 0, label: "Before any follow-up" },
	{ rung: 1, label: "1st follow-up" },
	{ rung: 2, label: "2nd follow-up" },
	{ rung: 3, label: "3rd follow-up" },
	{ rung: 4, label: "Last try" },
] as const;
export const LAST_RUNG = 4;

/** The Monday (local date) of the week that holds `at` in `tz`. */
export function weekStartOf(at: Date, tz: string): string {
	const d = localDate(at, tz);
	return addDays(d, 1 - Temporal.PlainDate.from(d).dayOfWeek);
}

export interface WeekWindow {
	/** Local date of the Monday. */
	monday: string;
	from: number;
	to: number;
}

/** The last `count` local weeks (Monday to Monday, DST-safe), oldest first; the last one holds `now`. */
export function lastWeeks(now: Date, tz: string, count = WEEKS_SHOWN): WeekWindow[] {
	const thisMonday = weekStartOf(now, tz);
	return Array.from({ length: count }, (_, i) => {
		const monday = addDays(thisMonday, -7 * (count - 1 - i));
		return {
			monday,
			from: instantAt(monday, 0, tz).getTime(),
			to: instantAt(addDays(monday, 7), 0, tz).getTime(),
		};
	});
}

/** The whole local week before the one holding `now`. */
export function previousWeek(now: Date, tz: string): WeekWindow {
	const monday = addDays(weekStartOf(now, tz), -7);
	return { monday, from: instantAt(monday, 0, tz).getTime(), to: instantAt(addDays(monday, 7), 0, tz).getTime() };
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** "2 of 7 replied so far" under the small-sample line, "12 of 40 replied (30%)" above it. */
export function rateText(replied: number, total: number): string {
	if (total === 0) return "nothing tracked yet";
	if (total < SMALL_SAMPLE) return `${replied} of ${total} replied so far`;
	return `${replied} of ${total} replied (${percent(replied, total)}%)`;
}

/** "3 hours", "2.5 days": a duration as a person says it. */
export function durationText(ms: number): string {
	if (ms < HOUR) return plural(Math.max(1, Math.round(ms / 60_000)), "minute");
	if (ms < 2 * DAY) return plural(Math.round(ms / HOUR), "hour");
	const days = Math.round((ms / DAY) * 10) / 10;
	return `${days} days`;
}

/** The median of sorted values (mean of the middle two for an even count), or null when empty. */
export function median(sorted: readonly number[]): number | null {
	if (!sorted.length) return null;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
