/**
 * The tick's cost in D1 statements and provider calls, counted at the bindings
 * through the real scheduled() handler: 5,100 users with a due follow-up (more than
 * one page of due nudges) take at most 2 statements per 100 users and exactly
 * ceil(5100/100) Resend calls: a short chunk at a page's end waits for the next page.
 */
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { PAGE_NUDGES } from "../../src/nudges/send-due-nudges";
import { countingD1 } from "../support/counting-d1";
import { db } from "../support/inbound";
import { tick } from "../support/outbox";
import { resendStub } from "../support/resend-stub";
import { seedDueFollowUps } from "../support/seed";

const NOW = new Date("2026-11-26T08:00:00Z");
const USERS = PAGE_NUDGES + 100;

it("a tick for 5,100 users: at most 2 D1 statements per 100 users, 51 Resend calls, every digest sent once", async () => {
	await seedDueFollowUps("budget", USERS, NOW);
	const stub = resendStub();
	const d1 = countingD1(env.DB);
	await tick(NOW, { ...env, DB: d1.db, RESEND_API_KEY: "re_budget", RESEND_BASE_URL: stub.baseUrl });

	// At least one write per 100 users, so the count is real; at most two.
	expect(d1.count()).toBeGreaterThanOrEqual(Math.ceil(USERS / 100));
	expect(d1.count()).toBeLessThanOrEqual(Math.ceil((2 * USERS) / 100));
	const calls = await stub.requests();
	expect(calls.map((c) => c.path)).toEqual(Array(Math.ceil(USERS / 100)).fill("/emails/batch"));
	const sent = await db.all<{ state: string; n: number }>(
		sql`select state, count(*) as n from outbox where kind = 'digest' group by state`,
	);
	expect(sent).toEqual([{ state: "sent", n: USERS }]);
	// The trigger applied every mail's effects: nudges sent (each open until its next rung), a reply token each.
	const effects = await db.get<{ sentNudges: number; nextRungs: number; tokens: number; pendingEffects: number }>(sql`
		select (select count(*) from nudges where state = 'sent' and id like 'budget-%') as sentNudges,
			(select count(*) from nudges where state = 'sent' and wake_at is not null) as nextRungs,
			(select count(*) from tokens where purpose = 'reply') as tokens,
			(select count(*) from outbox where effects_json is not null) as pendingEffects`);
	expect(effects).toEqual({ sentNudges: USERS, nextRungs: USERS, tokens: USERS, pendingEffects: 0 });
}, 60_000);
