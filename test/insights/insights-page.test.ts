/**
 * Insights for a seeded user with three months of activity, on a fixed clock:
 * the API and the page show the numbers this test works out on its own from
 * what it seeded (another user's rows and non-outreach threads must not count).
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { createApiTokenRepo } from "../../src/session/api-tokens";
import { createApp } from "../../src/web/app";
import { db } from "../support/outbox";
import { sessionCookie } from "../support/web";
import { NOW, seedActivity } from "./seed-activity";
import { seedContact, seedThread, seedUser } from "./seed-rows";

const TZ = "Europe/Berlin";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const medianOf = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	if (!s.length) return null;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function expected(seeded: Awaited<ReturnType<typeof seedActivity>>) {
	const { tracked, intros, loops } = seeded;
	const side = (intro: boolean) => {
		const ts = tracked.filter((t) => t.intro === intro);
		return { total: ts.length, replied: ts.filter((t) => t.inbound !== null).length };
	};
	const replies = tracked.filter((t) => t.inbound !== null);
	const times = replies.map((t) => Math.max(0, (t.inbound as number) - t.created));
	const bucket = (lo: number, hi: number) => times.filter((ms) => ms >= lo && ms < hi).length;
	const thisMonday = Temporal.Instant.fromEpochMilliseconds(NOW.getTime())
		.toZonedDateTimeISO(TZ)
		.toPlainDate()
		.subtract({ days: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()).toZonedDateTimeISO(TZ).dayOfWeek - 1 });
	const weeks = Array.from({ length: 12 }, (_, i) => {
		const monday = thisMonday.subtract({ days: 7 * (11 - i) });
		const from = monday.toZonedDateTime({ timeZone: TZ }).epochMilliseconds;
		const to = monday.add({ days: 7 }).toZonedDateTime({ timeZone: TZ }).epochMilliseconds;
		const inWeek = (ms: number | null) => ms !== null && ms >= from && ms < to;
		return {
			monday: monday.toString(),
			outreach: tracked.filter((t) => inWeek(t.created)).length,
			replies: tracked.filter((t) => inWeek(t.inbound)).length,
		};
	});
	const reachTimes = intros.filter((i) => i.reached !== null).map((i) => (i.reached as number) - i.at);
	return {
		replyRate: { intro: side(true), cold: side(false) },
		replyTime: {
			medianMs: medianOf(times),
			replied: replies.length,
			buckets: {
				day: bucket(0, DAY),
				"3d": bucket(DAY, 4 * DAY),
				week: bucket(4 * DAY, 8 * DAY),
				"2w": bucket(8 * DAY, 15 * DAY),
				more: bucket(15 * DAY, Number.POSITIVE_INFINITY),
			},
		},
		rungs: [0, 1, 2, 3, 4].map((k) => replies.filter((t) => t.rung === k).length),
		weeks,
		intros: {
			total: intros.length,
			reached: reachTimes.length,
			withinDay: reachTimes.filter((ms) => ms <= DAY).length,
			medianReachMs: medianOf(reachTimes),
			loopsClosed: loops.closed,
			loopsOpen: loops.open,
		},
	};
}

const app = createApp({ servicesFor: async (config) => buildServices(config, fixedClock(NOW)) });
async function get(path: string, headers: Record<string, string>) {
	const ctx = createExecutionContext();
	const res = await app.fetch(new Request(`http://127.0.0.1:8787${path}`, { headers }), env, ctx);
	await waitOnExecutionContext(ctx);
	return res;
}

describe("insights of a seeded user, fixed clock", () => {
	it("API and page show the numbers worked out independently", async () => {
		const userId = await seedUser(TZ, new Date(NOW.getTime() - 100 * DAY));
		const seeded = await seedActivity(userId, 20261125);
		// Someone else's activity must not leak in.
		const other = await seedUser(TZ, NOW);
		await seedActivity(other, 7);
		const want = expected(seeded);
		// The seed covers every corner: both sides, replies at every rung, intros reached and not.
		expect(want.replyRate.intro.replied).toBeGreaterThan(0);
		expect(want.replyRate.cold.replied).toBeGreaterThan(0);
		expect(want.rungs.every((n) => n > 0)).toBe(true);
		expect(want.intros.reached).toBeLessThan(want.intros.total);

		const token = await createApiTokenRepo(db).create(userId, "test", NOW);
		const api = await get("/api/v1/insights", { authorization: `Bearer ${token}` });
		expect(api.status).toBe(200);
		expect(await api.json()).toEqual(want);
		expect((await get("/api/v1/insights", {})).status).toBe(401);
		const doc = (await (await get("/api/v1/openapi.json", {})).json()) as { paths: Record<string, unknown> };
		expect(Object.keys(doc.paths)).toContain("/insights");

		const cookie = await sessionCookie(userId);
		const res = await get("/app/insights", { cookie });
		expect(res.status).toBe(200);
		const page = await res.text();
		const rate = (s: { total: number; replied: number }) =>
			s.total < 10
				? `${s.replied} of ${s.total} replied so far`
				: `${s.replied} of ${s.total} replied (${Math.round((s.replied / s.total) * 100)}%)`;
		expect(page).toContain(`<dt>Introductions</dt><dd>${rate(want.replyRate.intro)}</dd>`);
		expect(page).toContain(`<dt>Cold outreach</dt><dd>${rate(want.replyRate.cold)}</dd>`);
		// The weekly chart's words count in English: "1 reply", never "1 replies".
		expect(want.weeks.some((w) => w.replies === 1)).toBe(true);
		expect(page).toMatch(/: \d+ outreach, 1 reply[.<"]/);
		expect(page).not.toContain(" 1 replies");
		expect(page).toContain(`over ${want.replyTime.replied} replies.`);
		expect(page).toContain(`${want.replyTime.replied - (want.rungs[0] ?? 0)} of ${want.replyTime.replied} replies`);
		const cells = (label: string, ...values: number[]) =>
			`<th scope="row">${label}</th>${values.map((v) => `<td>${v}</td>`).join("")}`;
		for (const [label, n] of [
			["Before any follow-up", want.rungs[0]],
			["1st follow-up", want.rungs[1]],
			["2nd follow-up", want.rungs[2]],
			["3rd follow-up", want.rungs[3]],
			["Last try", want.rungs[4]],
			["Within a day", want.replyTime.buckets.day],
			["Over 2 weeks", want.replyTime.buckets.more],
		] as const)
			expect(page).toContain(cells(label, n ?? -1));
		for (const w of want.weeks) {
			const label = Temporal.PlainDate.from(w.monday)
				.toLocaleString("en-GB", { weekday: "short", day: "numeric", month: "short" })
				.replace(",", "");
			expect(page).toContain(cells(label, w.outreach, w.replies));
		}
		expect(page).toContain(
			`<dd>${want.intros.reached} of ${want.intros.total}, ${want.intros.withinDay} within a day</dd>`,
		);
		expect(page).toContain(`<dd>${want.intros.loopsClosed} closed, ${want.intros.loopsOpen} still open</dd>`);
		for (const id of ["chart-rate", "chart-time", "chart-rung", "chart-week"]) {
			expect(page).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
			expect(page).toContain(`<title id="${id}-title">`);
		}
		expect(page).not.toContain("<script>");
	}, 60_000);

	it("says small numbers are small, and an empty account how to start", async () => {
		const few = await seedUser("UTC", NOW);
		const c = await seedContact(few, { name: "Ann", at: NOW });
		await seedThread(few, {
			contactId: c,
			kind: "outreach",
			createdAt: new Date(NOW.getTime() - 3 * DAY),
			lastOutboundAt: new Date(NOW.getTime() - 3 * DAY),
			lastInboundAt: new Date(NOW.getTime() - DAY),
		});
		const page = await (await get("/app/insights", { cookie: await sessionCookie(few) })).text();
		expect(page).toContain("1 of 1 replied so far");
		expect(page).toContain("1 reply so far: too few to read much into yet.");
		expect(page).toContain("Median: 2 days, over 1 reply.");

		const empty = await seedUser("UTC", NOW);
		const none = await (await get("/app/insights", { cookie: await sessionCookie(empty) })).text();
		expect(none).toContain("Nothing to count yet.");
	});
});
