/**
 * Everything the Insights page and /api/v1/insights show, as SQL aggregates over
 * one user's rows (each query reads that user's threads once, through the
 * user-scoped indexes). Definitions: insights-sql.ts.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { nudges } from "../db/schema";
import { openNudge } from "../tracking/nudge-kinds";
import {
	LAST_RUNG,
	lastWeeks,
	REPLY_TIME_BUCKETS,
	type ReplyTimeBucket,
	WEEKS_SHOWN,
	type WeekWindow,
} from "./insights-math";
import { INTRO_AT, IS_INTRO, OUTREACH_THREAD, REACHED_AT, RUNG, STARTED_AT } from "./insights-sql";

const DAY = 86_400_000;

export interface Insights {
	replyRate: { intro: { total: number; replied: number }; cold: { total: number; replied: number } };
	replyTime: { medianMs: number | null; replied: number; buckets: Record<ReplyTimeBucket, number> };
	/** Replies by the last follow-up delivered before them: index 0 none … 4 the last try. */
	rungs: number[];
	weeks: { monday: string; outreach: number; replies: number }[];
	intros: {
		total: number;
		reached: number;
		withinDay: number;
		medianReachMs: number | null;
		loopsClosed: number;
		loopsOpen: number;
	};
}

/** The index of the week an instant falls in, or null: a CASE over the weeks' bounds (numbers we computed). */
const weekOf = (at: SQL, weeks: WeekWindow[]) => {
	const n = (x: number) => sql.raw(String(Math.trunc(x)));
	const whens = weeks.map((w, i) => sql`when ${at} >= ${n(w.from)} and ${at} < ${n(w.to)} then ${n(i)}`);
	return sql`case ${sql.join(whens, sql` `)} end`;
};

const sumWhere = <T extends { n: number }>(rows: T[], match: (r: T) => boolean) =>
	rows.reduce((sum, r) => sum + (match(r) ? r.n : 0), 0);

export async function loadInsights(db: Db, user: { id: string; timezone: string }, now: Date): Promise<Insights> {
	const u = user.id;
	const weeks = lastWeeks(now, user.timezone, WEEKS_SHOWN);
	const bucketCase = sql.raw(
		`case ${REPLY_TIME_BUCKETS.slice(0, -1)
			.map((b) => `when ms < ${b.below} then '${b.key}'`)
			.join(" ")} else 'more' end`,
	);
	const [groups, medianRows, weekRows, introRows, loopRows] = await Promise.all([
		db.all<{ intro: number; rung: number | null; bucket: string | null; n: number }>(sql`
			with r as (
				select ${IS_INTRO} as intro,
					case when t.last_inbound_at is not null then max(0, t.last_inbound_at - ${STARTED_AT}) end as ms,
					case when t.last_inbound_at is not null then ${RUNG} end as rung
				from threads t left join contacts c on c.id = t.contact_id and c.user_id = t.user_id
				where t.user_id = ${u} and ${OUTREACH_THREAD}
			)
			select intro, rung, case when ms is null then null else ${bucketCase} end as bucket, count(*) as n
			from r group by 1, 2, 3`),
		db.all<{ ms: number | null }>(sql`
			with r as (select max(0, t.last_inbound_at - ${STARTED_AT}) as ms from threads t
				where t.user_id = ${u} and ${OUTREACH_THREAD} and t.last_inbound_at is not null)
			select avg(ms) as ms from (select ms from r order by ms
				limit 2 - (select count(*) from r) % 2 offset ((select count(*) from r) - 1) / 2)`),
		// Each thread once: the week of its start and of its reply, by the weeks' bounds written into
		// the query (a join or a subquery per week would read the threads once per week).
		db.all<{ started: number | null; replied: number | null; n: number }>(sql`
			select ${weekOf(sql`${STARTED_AT}`, weeks)} as started, ${weekOf(sql`t.last_inbound_at`, weeks)} as replied, count(*) as n
			from threads t where t.user_id = ${u} and ${OUTREACH_THREAD}
			group by 1, 2`),
		db.all<{ total: number; reached: number; within_day: number; median_ms: number | null }>(sql`
			with r as (select ${REACHED_AT} - ${INTRO_AT} as ms from threads i where i.user_id = ${u} and i.kind = 'intro'),
				d as (select ms from r where ms is not null)
			select (select count(*) from r) as total, (select count(*) from d) as reached,
				(select count(*) from d where ms <= ${DAY}) as within_day,
				(select avg(ms) from (select ms from d order by ms
					limit 2 - (select count(*) from d) % 2 offset ((select count(*) from d) - 1) / 2)) as median_ms`),
		db.all<{ closed: number; open: number }>(sql`
			select coalesce(sum(state = 'done'), 0) as closed, coalesce(sum(${openNudge(nudges.state)}), 0) as open
			from nudges where user_id = ${u} and kind = 'close_loop'`),
	]);

	const intro = { total: 0, replied: 0 };
	const cold = { total: 0, replied: 0 };
	const buckets = Object.fromEntries(REPLY_TIME_BUCKETS.map((b) => [b.key, 0])) as Record<ReplyTimeBucket, number>;
	const rungs = Array.from({ length: LAST_RUNG + 1 }, () => 0);
	for (const g of groups) {
		const side = g.intro ? intro : cold;
		side.total += g.n;
		if (g.bucket === null) continue;
		side.replied += g.n;
		buckets[g.bucket as ReplyTimeBucket] += g.n;
		const k = Math.min(LAST_RUNG, Math.max(0, g.rung ?? 0));
		rungs[k] = (rungs[k] ?? 0) + g.n;
	}
	const ir = introRows[0];
	return {
		replyRate: { intro, cold },
		replyTime: { medianMs: medianRows[0]?.ms ?? null, replied: intro.replied + cold.replied, buckets },
		rungs,
		weeks: weeks.map((w, i) => ({
			monday: w.monday,
			outreach: sumWhere(weekRows, (r) => r.started === i),
			replies: sumWhere(weekRows, (r) => r.replied === i),
		})),
		intros: {
			total: ir?.total ?? 0,
			reached: ir?.reached ?? 0,
			withinDay: ir?.within_day ?? 0,
			medianReachMs: ir?.median_ms ?? null,
			loopsClosed: loopRows[0]?.closed ?? 0,
			loopsOpen: loopRows[0]?.open ?? 0,
		},
	};
}
