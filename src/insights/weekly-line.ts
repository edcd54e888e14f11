/**
 * Monday's opening line of the digest: "Last week: 5 outreach, 2 replies, 1 intro
 * followed up within a day". `lastWeekStats` reads a batch of users in one query;
 * `digestOpeningLine` is pure and says the sentence only on the user's local
 * Monday after a week with activity.
 */
import { sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Db } from "../db/client";
import { localDate } from "../time/local-time";
import { plural, previousWeek } from "./insights-math";
import { INTRO_AT, OUTREACH_THREAD, REACHED_AT, STARTED_AT } from "./insights-sql";

export interface WeekStats {
	outreach: number;
	replies: number;
	/** Introductions of that week the user reached out on within 24 hours. */
	introsWithinDay: number;
}

const DAY = 86_400_000;
/** Users per statement: each costs one json_each row, not a bound parameter. */
const BATCH = 500;

/** Last local week's counts for each user (each in their own timezone), keyed by user id. */
export async function lastWeekStats(
	db: Db,
	users: readonly { id: string; timezone: string }[],
	now: Date,
): Promise<Map<string, WeekStats>> {
	const out = new Map<string, WeekStats>();
	for (let i = 0; i < users.length; i += BATCH) {
		const windows = users.slice(i, i + BATCH).map((u) => {
			const w = previousWeek(now, u.timezone);
			return { u: u.id, f: w.from, t: w.to };
		});
		const rows = await db.all<{ user_id: string } & Record<"outreach" | "replies" | "intros", number>>(sql`
			with w as (select value ->> 'u' as u, value ->> 'f' as f, value ->> 't' as e from json_each(${JSON.stringify(windows)}))
			select w.u as user_id,
				(select count(*) from threads t where t.user_id = w.u and ${OUTREACH_THREAD}
					and ${STARTED_AT} >= w.f and ${STARTED_AT} < w.e) as outreach,
				(select count(*) from threads t where t.user_id = w.u and ${OUTREACH_THREAD}
					and t.last_inbound_at >= w.f and t.last_inbound_at < w.e) as replies,
				(select count(*) from threads i where i.user_id = w.u and i.kind = 'intro'
					and i.created_at >= w.f and i.created_at < w.e and ${REACHED_AT} - ${INTRO_AT} <= ${DAY}) as intros
			from w`);
		for (const r of rows) out.set(r.user_id, { outreach: r.outreach, replies: r.replies, introsWithinDay: r.intros });
	}
	return out;
}

/** The sentence for a digest on `localDate` (YYYY-MM-DD, the user's), or null when it is not Monday or last week was quiet. */
export function digestOpeningLine(localDate: string, stats: WeekStats | undefined): string | null {
	if (!stats || Temporal.PlainDate.from(localDate).dayOfWeek !== 1) return null;
	const { outreach, replies, introsWithinDay } = stats;
	if (outreach + replies + introsWithinDay === 0) return null;
	const parts = [`${outreach} outreach`, plural(replies, "reply", "replies")];
	if (introsWithinDay) parts.push(`${plural(introsWithinDay, "intro")} followed up within a day`);
	return `Last week: ${parts.join(", ")}`;
}

/**
 * For a tick: the opening line of each user whose local date is Monday at `now`
 * and whose last week had activity. Users on any other day cost nothing; the
 * Monday ones cost one statement per 500.
 */
export async function mondayOpeningLines(
	db: Db,
	users: readonly { id: string; timezone: string }[],
	now: Date,
): Promise<Map<string, string>> {
	const today = new Map(users.map((u) => [u.id, localDate(now, u.timezone)]));
	const mondays = users.filter((u) => Temporal.PlainDate.from(today.get(u.id) ?? "").dayOfWeek === 1);
	const lines = new Map<string, string>();
	if (!mondays.length) return lines;
	const stats = await lastWeekStats(db, mondays, now);
	for (const u of mondays) {
		const line = digestOpeningLine(today.get(u.id) ?? "", stats.get(u.id));
		if (line) lines.set(u.id, line);
	}
	return lines;
}
