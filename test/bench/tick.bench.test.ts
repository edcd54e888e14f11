/**
 * Tick benchmark: 1,000 then 10,000 users, each with a due follow-up, in local D1;
 * one cron tick against the local Resend stub. Prints wall time, D1 statements
 * (counted at the binding), D1 rows read and written per digest (D1's own meta) and
 * Resend calls per size (peak memory of workerd is sampled by scripts/bench.mjs).
 */
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { runTick } from "../../src/nudges/run-tick";
import { countingD1 } from "../support/counting-d1";
import { d1Meter } from "../support/d1-meter";
import { resendStub } from "../support/resend-stub";
import { seedDueFollowUps } from "../support/seed";

const NOW = new Date("2026-11-26T08:00:00Z");
it("tick: 1,000 and 10,000 users", async () => {
	const results: {
		users: number;
		wall_ms: number;
		d1_statements: number;
		resend_calls: number;
		sent: number;
		rows_read_per_digest: number;
		rows_written_per_digest: number;
	}[] = [];
	for (const users of [1_000, 10_000]) {
		await seedDueFollowUps(`s${users}`, users, NOW);
		const stub = resendStub();
		const meter = d1Meter(env.DB);
		const d1 = countingD1(meter.db);
		const services = buildServices(
			requireConfig({ ...env, DB: d1.db, RESEND_API_KEY: "re_bench", RESEND_BASE_URL: stub.baseUrl }),
			fixedClock(NOW),
		);
		// Later ticks finish what one tick's delivery rounds leave (as cron would every 15 minutes).
		const t0 = performance.now();
		let sent = 0;
		let digests = 0;
		for (let i = 0; i < 20 && (i === 0 || sent < users); i++) {
			const s = await runTick(services);
			sent += s.delivery.sent;
			digests += s.nudges?.digests ?? 0;
			if (!s.delivery.claimed && i > 0) break;
		}
		const wall = performance.now() - t0;
		const statements = d1.count();
		const calls = (await stub.requests()).length;
		const perDigest = (rows: number) => Math.round((rows / Math.max(digests, 1)) * 10) / 10;
		const rowsRead = perDigest(meter.rowsRead());
		const rowsWritten = perDigest(meter.rowsWritten());
		results.push({
			users,
			wall_ms: Math.round(wall),
			d1_statements: statements,
			resend_calls: calls,
			sent,
			rows_read_per_digest: rowsRead,
			rows_written_per_digest: rowsWritten,
		});
		console.log(
			`BENCH tick ${users} users: ${Math.round(wall)} ms wall, ${statements} D1 statements (${((statements / users) * 100).toFixed(2)} per 100 users), ${calls} Resend calls, ${digests} digests, ${sent} sent, ${rowsRead} rows read and ${rowsWritten} written per digest`,
		);
		expect(digests).toBe(users);
		expect(sent).toBe(users);
		// Reset for the next size: these users are done.
		await env.DB.prepare("update users set status = 'paused' where id like ?1").bind(`s${users}-%`).run();
	}
	console.log(`BENCH_JSON ${JSON.stringify({ tick: results })}`);
});
