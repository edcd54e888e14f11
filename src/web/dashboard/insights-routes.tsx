/** /app/insights: what works for this user, counted from what they tracked (definitions: insights/insights-sql.ts). */
import { Hono } from "hono";
import {
	durationText,
	percent,
	plural,
	REPLY_TIME_BUCKETS,
	RUNGS,
	rateText,
	SMALL_SAMPLE,
} from "../../insights/insights-math";
import { type Insights, loadInsights } from "../../insights/load-insights";
import { formatDate } from "../../time/local-time";
import type { AppEnv } from "../context";
import { AppPage } from "./app-page";
import { BarChart } from "./insights-charts";

export const insightsRoutes = new Hono<AppEnv>();

insightsRoutes.get("/insights", async (c) => {
	const { user, services } = c.var;
	const data = await loadInsights(services.db, user, services.clock.now());
	return c.html(
		<AppPage title="Insights" current="/app/insights">
			<h1>Insights</h1>
			<InsightsBody data={data} domain={services.config.mailDomain} />
		</AppPage>,
	);
});

/** "3 replies so far" when a count is too small to read much into. */
const smallNote = (n: number, one: string, many: string) =>
	n < SMALL_SAMPLE ? <p class="muted">{`${plural(n, one, many)} so far: too few to read much into yet.`}</p> : null;

export function InsightsBody(props: { data: Insights; domain: string }) {
	const { replyRate, replyTime, rungs, weeks, intros } = props.data;
	const tracked = replyRate.intro.total + replyRate.cold.total;
	if (tracked === 0 && intros.total === 0)
		return (
			<p class="card">
				Nothing to count yet. BCC track@{props.domain} on your next outreach, or forward an introduction, and this page
				fills in.
			</p>
		);
	const replies = replyTime.replied;
	const afterFollowUp = replies - (rungs[0] ?? 0);
	return (
		<>
			<section class="card" aria-labelledby="rate-h">
				<h2 id="rate-h">Replies: introductions against cold outreach</h2>
				<dl>
					<dt>Introductions</dt>
					<dd>{rateText(replyRate.intro.replied, replyRate.intro.total)}</dd>
					<dt>Cold outreach</dt>
					<dd>{rateText(replyRate.cold.replied, replyRate.cold.total)}</dd>
				</dl>
				<BarChart
					id="chart-rate"
					title="Reply rate: introductions against cold outreach"
					desc={`Introductions: ${rateText(replyRate.intro.replied, replyRate.intro.total)}. Cold outreach: ${rateText(replyRate.cold.replied, replyRate.cold.total)}.`}
					series={[{ name: "Replied (%)" }]}
					unit="Kind of outreach"
					max={100}
					rows={[
						{ label: "Introductions", side: replyRate.intro },
						{ label: "Cold outreach", side: replyRate.cold },
					].map((r) => ({
						label: r.label,
						values: [percent(r.side.replied, r.side.total)],
						texts: [
							r.side.total
								? `${percent(r.side.replied, r.side.total)}% (${r.side.replied} of ${r.side.total})`
								: "none written to yet",
						],
					}))}
				/>
				{smallNote(tracked, "person written to", "people written to")}
			</section>

			<section class="card" aria-labelledby="time-h">
				<h2 id="time-h">Time to first reply</h2>
				<p>
					{replyTime.medianMs === null
						? "No replies yet."
						: `Median: ${durationText(replyTime.medianMs)}, over ${plural(replies, "reply", "replies")}.`}
				</p>
				<BarChart
					id="chart-time"
					title="How long replies took"
					desc={REPLY_TIME_BUCKETS.map((b) => `${b.label}: ${replyTime.buckets[b.key]}`).join(". ")}
					series={[{ name: "Replies" }]}
					unit="Time to reply"
					rows={REPLY_TIME_BUCKETS.map((b) => ({ label: b.label, values: [replyTime.buckets[b.key]] }))}
				/>
				{smallNote(replies, "reply", "replies")}
			</section>

			<section class="card" aria-labelledby="rung-h">
				<h2 id="rung-h">Which follow-up earned the reply</h2>
				<p>
					{replies === 0
						? "No replies yet."
						: `${afterFollowUp} of ${plural(replies, "reply", "replies")} came after a follow-up.`}
				</p>
				<BarChart
					id="chart-rung"
					title="Replies by the last follow-up before them"
					desc={RUNGS.map((r) => `${r.label}: ${rungs[r.rung] ?? 0}`).join(". ")}
					series={[{ name: "Replies" }]}
					unit="Last follow-up before the reply"
					rows={RUNGS.map((r) => ({ label: r.label, values: [rungs[r.rung] ?? 0] }))}
				/>
			</section>

			<section class="card" aria-labelledby="week-h">
				<h2 id="week-h">Outreach per week, last 12 weeks</h2>
				<p>
					{`${plural(
						weeks.reduce((s, w) => s + w.outreach, 0),
						"person",
						"people",
					)} written to, ${plural(
						weeks.reduce((s, w) => s + w.replies, 0),
						"reply",
						"replies",
					)}.`}
				</p>
				<BarChart
					id="chart-week"
					title="Outreach and replies per week"
					desc={weeks
						.map(
							(w) =>
								`Week of ${formatDate(w.monday)}: ${w.outreach} outreach, ${plural(w.replies, "reply", "replies")}`,
						)
						.join(". ")}
					series={[{ name: "Outreach" }, { name: "Replies" }]}
					unit="Week of"
					rows={weeks.map((w) => ({ label: formatDate(w.monday), values: [w.outreach, w.replies] }))}
				/>
			</section>

			<section class="card" aria-labelledby="intro-h">
				<h2 id="intro-h">Introductions</h2>
				{intros.total === 0 ? (
					<p class="muted">No introductions yet. Forward one to intro@{props.domain}.</p>
				) : (
					<dl>
						<dt>Introductions</dt>
						<dd>{intros.total}</dd>
						<dt>Reached out</dt>
						<dd>{`${intros.reached} of ${intros.total}, ${intros.withinDay} within a day`}</dd>
						<dt>Intro to reach-out</dt>
						<dd>{intros.medianReachMs === null ? "not yet" : `median ${durationText(intros.medianReachMs)}`}</dd>
						<dt>Loops closed</dt>
						<dd>{`${intros.loopsClosed} closed, ${intros.loopsOpen} still open`}</dd>
					</dl>
				)}
				{intros.total ? smallNote(intros.total, "introduction", "introductions") : null}
			</section>

			<p class="muted">
				How this is counted: a person written to is a conversation with your own mail in it (BCC or CC track@); a reply
				is one we saw, or one you told us about; an introduction is a conversation with someone introduced to you; the
				follow-up that earned a reply is the last reminder delivered before it. Weeks start on Monday, in your timezone.
			</p>
		</>
	);
}
