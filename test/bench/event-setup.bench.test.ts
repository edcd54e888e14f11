/**
 * Per-event setup: what index.ts does for every email, request and cron run before
 * any work, i.e. requireConfig(env) and servicesForEvent (two createDb, buildServices).
 * The inbound benchmark builds its services once, so this cost is not in its figures.
 * performance.now() ticks in whole ms here, so the mean comes from many events.
 */
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { createDb } from "../../src/db/client";

const T = new Date("2026-11-23T14:15:00Z");
const EVENTS = 5_000;

it("event setup: config and services per event", () => {
	const t0 = performance.now();
	for (let i = 0; i < EVENTS; i++) {
		const config = requireConfig(env);
		createDb(config.db); // servicesForEvent's db for the dev clock
		buildServices(config, fixedClock(T));
	}
	const us = Math.round(((performance.now() - t0) / EVENTS) * 1000 * 10) / 10;
	console.log(`BENCH event setup: ${us} µs per event (requireConfig + servicesForEvent: two createDb, buildServices)`);
	console.log(`BENCH_JSON ${JSON.stringify({ event_setup_us: us })}`);
	expect(us).toBeGreaterThan(0);
});
