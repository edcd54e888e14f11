/**
 * What one digest costs in D1 rows (issue 14): a tick for 100 due users, then one
 * for 1,000, each on a metered binding. Rows read and written per digest stay flat
 * as the users due in one tick grow: no statement reads beyond its own users.
 */
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { runTick } from "../../src/nudges/run-tick";
import { d1Meter } from "../support/d1-meter";
import { resendStub } from "../support/resend-stub";
import { seedDueFollowUps } from "../support/seed";

const NOW = new Date("2026-11-26T08:00:00Z");

async function perDigest(users: number) {
	await seedDueFollowUps(`dc${users}`, users, NOW);
	const meter = d1Meter(env.DB);
	const stub = resendStub();
	const services = buildServices(
		requireConfig({ ...env, DB: meter.db, RESEND_API_KEY: "re_cost", RESEND_BASE_URL: stub.baseUrl }),
		fixedClock(NOW),
	);
	const tick = await runTick(services);
	expect(tick.nudges?.digests).toBe(users);
	const figures = { read: meter.rowsRead() / users, written: meter.rowsWritten() / users };
	console.log(`digest cost at ${users} users: ${JSON.stringify(figures)}`, meter.readBySql().slice(0, 8));
	// These users are done: the next size's tick sees only its own.
	await env.DB.prepare("update users set status = 'paused' where id like ?1").bind(`dc${users}-%`).run();
	return figures;
}

it("rows read and written per digest stay flat from 100 to 1,000 users in a tick", async () => {
	const few = await perDigest(100);
	const many = await perDigest(1_000);
	expect(few.read).toBeGreaterThan(0);
	expect(many.read).toBeLessThanOrEqual(few.read * 1.2);
	expect(many.written).toBeLessThanOrEqual(few.written * 1.2);
});
