/**
 * What Insights and the weekly line cost, in D1's billed unit (rows read, as each
 * result's meta reports it): it follows the user's own rows, and another user's
 * thousands of rows add nothing.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { loadInsights } from "../../src/insights/load-insights";
import { lastWeekStats } from "../../src/insights/weekly-line";
import { seedUser, uid } from "./seed-rows";

const NOW = new Date("2026-11-25T15:00:00Z");
const DAY = 86_400_000;

/** A D1 binding that adds up meta.rows_read of every statement run through it. */
function rowsReadD1(inner: D1Database) {
	let rows = 0;
	const wrap = (stmt: D1PreparedStatement): D1PreparedStatement =>
		new Proxy(stmt, {
			get(target, prop) {
				if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args));
				if (prop === "all" || prop === "run")
					return async () => {
						const r = await target[prop]();
						rows += r.meta.rows_read ?? 0;
						return r;
					};
				const v = Reflect.get(target, prop, target);
				return typeof v === "function" ? v.bind(target) : v;
			},
		});
	const db = new Proxy(inner, {
		get(target, prop) {
			if (prop === "prepare") return (q: string) => wrap(target.prepare(q));
			const v = Reflect.get(target, prop, target);
			return typeof v === "function" ? v.bind(target) : v;
		},
	});
	return { db, read: () => rows, reset: () => (rows = 0) };
}

/** `count` contacts, each with a replied outreach thread and two delivered follow-ups: set-based inserts. */
async function bulkActivity(userId: string, count: number) {
	const rows = Array.from({ length: count }, (_, i) => ({
		c: uid("c"),
		t: uid("t"),
		n1: uid("n"),
		n2: uid("n"),
		at: NOW.getTime() - (i % 80) * DAY,
	}));
	for (let i = 0; i < rows.length; i += 500) {
		const j = JSON.stringify(rows.slice(i, i + 500));
		await env.DB.batch([
			env.DB.prepare(`insert into contacts (id, user_id, email, name, status, created_at, updated_at)
				select value ->> 'c', ?2, value ->> 'c' || '@example.com', 'Ann', 'replied', value ->> 'at', value ->> 'at' from json_each(?1)`).bind(
				j,
				userId,
			),
			env.DB.prepare(`insert into threads (id, user_id, contact_id, kind, state, subject_key, subject, attempts,
					last_outbound_at, last_inbound_at, created_at, updated_at)
				select value ->> 't', ?2, value ->> 'c', 'outreach', 'replied', 'coffee', 'Coffee', 2,
					value ->> 'at', (value ->> 'at') + 5 * 86400000, value ->> 'at', value ->> 'at' from json_each(?1)`).bind(
				j,
				userId,
			),
			env.DB.prepare(`insert into nudges (id, user_id, contact_id, thread_id, kind, state, due_at, attempt, sent_at, created_at, updated_at)
				select value ->> 'n1', ?2, value ->> 'c', value ->> 't', 'follow_up', 'done', (value ->> 'at') + 86400000, 1,
					(value ->> 'at') + 86400000, value ->> 'at', value ->> 'at' from json_each(?1)
				union all
				select value ->> 'n2', ?2, value ->> 'c', value ->> 't', 'follow_up', 'pending', (value ->> 'at') + 9 * 86400000, 2,
					null, value ->> 'at', value ->> 'at' from json_each(?1)`).bind(j, userId),
		]);
	}
}

describe("the cost of insights", () => {
	it("reads in proportion to the user's own rows, never another user's", async () => {
		const counted = rowsReadD1(env.DB);
		const db = createDb(counted.db);
		const small = await seedUser("Europe/Berlin", NOW);
		await bulkActivity(small, 20);
		const cost = async () => {
			counted.reset();
			const data = await loadInsights(db, { id: small, timezone: "Europe/Berlin" }, NOW);
			expect(data.replyRate.cold.total).toBeGreaterThan(0);
			const insights = counted.read();
			counted.reset();
			await lastWeekStats(db, [{ id: small, timezone: "Europe/Berlin" }], NOW);
			return { insights, weekly: counted.read() };
		};
		const before = await cost();
		const big = await seedUser("UTC", NOW);
		await bulkActivity(big, 3000);
		const after = await cost();
		// 3,000 more threads elsewhere: at most one row more per index range ended (SQLite reads the next key to stop).
		expect(after.insights).toBeLessThan(before.insights * 1.1);
		expect(after.weekly).toBeLessThan(before.weekly * 1.1);
		// 20 contacts, 20 threads, 40 nudges: a bounded number of passes over them.
		expect(before.insights).toBeLessThan(80 * 40);

		// Twice the rows, about twice the reads.
		await bulkActivity(small, 20);
		const doubled = await cost();
		expect(doubled.insights).toBeLessThan(before.insights * 2.5);
		expect(doubled.insights).toBeGreaterThan(before.insights);
		console.log(
			`rows read: insights ${before.insights} → ${doubled.insights}, weekly ${before.weekly} → ${doubled.weekly}`,
		);
	}, 60_000);
});
