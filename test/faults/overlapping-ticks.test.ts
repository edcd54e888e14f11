/**
 * Overlapping ticks over the same due nudges (a slow tick still running when the
 * next cron fires, or a retried invocation): each user gets exactly one digest,
 * and each nudge's next rung is written once.
 */
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { db } from "../support/inbound";
import { tick } from "../support/outbox";
import { resendStub } from "../support/resend-stub";
import { seedDueFollowUps } from "../support/seed";

it("three ticks at once over 150 due users: 150 digests, each delivered once", async () => {
	const NOW = new Date("2026-11-26T08:00:00Z");
	await seedDueFollowUps("overlap", 150, NOW);
	const stub = resendStub();
	const bindings = { ...env, RESEND_API_KEY: "re_overlap", RESEND_BASE_URL: stub.baseUrl };
	await Promise.all([tick(NOW, bindings), tick(NOW, bindings), tick(new Date(NOW.getTime() + 1000), bindings)]);
	const to = (await stub.delivered()).map((m) => m.to);
	expect(to).toHaveLength(150);
	expect(new Set(to).size).toBe(150);
	const rows = await db.get<{ digests: number; rungs: number }>(sql`select
		(select count(*) from outbox where kind = 'digest') as digests,
		(select count(*) from nudges where state = 'sent' and wake_at is not null) as rungs`);
	expect(rows).toEqual({ digests: 150, rungs: 150 });
});
