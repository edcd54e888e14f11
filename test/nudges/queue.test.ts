import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { TickWork } from "../../src/config/env";
import worker from "../../src/index";
import { db } from "../support/inbound";
import { tick } from "../support/outbox";

const NOW = new Date("2026-11-26T08:00:00Z");

async function seed(prefix: string, count: number) {
	const t = NOW.getTime() - 3 * 86_400_000;
	const rows = Array.from({ length: count }, (_, n) => ({
		u: `${prefix}-u${n}`,
		a: `${prefix}-a${n}`,
		nu: `${prefix}-n${n}`,
		email: `${prefix}${n}@q.example`,
	}));
	const j = JSON.stringify(rows);
	await env.DB.batch([
		env.DB.prepare(`insert into users (id, status, timezone, digest_minutes, mode, business_days, created_at, verified_at)
			select value ->> 'u', 'active', 'UTC', 480, 'digest', 62, ?2, ?2 from json_each(?1)`).bind(j, t),
		env.DB.prepare(`insert into user_addresses (id, user_id, address, is_primary, created_at, verified_at)
			select value ->> 'a', value ->> 'u', value ->> 'email', 1, ?2, ?2 from json_each(?1)`).bind(j, t),
		env.DB.prepare(`insert into nudges (id, user_id, kind, state, due_at, due_on, attempt, note, created_at, updated_at)
			select value ->> 'nu', value ->> 'u', 'reminder', 'pending', ?2, '2026-11-26', 0, 'Renew passport', ?3, ?3 from json_each(?1)`).bind(
			j,
			NOW.getTime(),
			t,
		),
	]);
}

const digests = async (prefix: string) =>
	(
		await db.get<{ n: number }>(
			sql`select count(*) as n from outbox where kind = 'digest' and to_address like ${`${prefix}%`}`,
		)
	)?.n ?? 0;

describe("fan-out through Cloudflare Queues", () => {
	it("a tick past its budget hands the rest to the queue, and the consumer finishes it", async () => {
		await seed("fan", 1_100);
		const sent: { body: TickWork }[] = [];
		const queue = { send: async () => {}, sendBatch: async (msgs: { body: TickWork }[]) => void sent.push(...msgs) };
		const bindings = { ...env, TICK_BUDGET_PAGES: "1", DELIVERY_QUEUE: queue };
		await tick(NOW, bindings);
		const afterTick = await digests("fan");
		expect(afterTick).toBeGreaterThan(900);
		expect(afterTick).toBeLessThan(1_100);
		expect(sent).toEqual([{ body: { kind: "nudges", at: NOW.getTime() } }]);

		const batch = createMessageBatch<TickWork>(
			"followthrough-delivery",
			sent.map((m, i) => ({ id: `m${i}`, timestamp: NOW, attempts: 1, body: m.body })),
		);
		const ctx = createExecutionContext();
		await worker.queue(batch, bindings, ctx);
		const result = await getQueueResult(batch, ctx);
		expect(result.explicitAcks).toEqual(["m0"]);
		expect(result.retryMessages).toEqual([]);
		expect(await digests("fan")).toBe(1_100);
		// Exactly once: running the same message again adds nothing.
		const again = createMessageBatch<TickWork>("followthrough-delivery", [
			{ id: "m9", timestamp: NOW, attempts: 2, body: { kind: "nudges", at: NOW.getTime() } },
		]);
		await worker.queue(again, bindings, createExecutionContext());
		expect(await digests("fan")).toBe(1_100);
	});

	it("acknowledges a malformed message instead of retrying it forever", async () => {
		const batch = createMessageBatch("followthrough-delivery", [
			{ id: "bad", timestamp: NOW, attempts: 1, body: { kind: "launch" } },
		]);
		const ctx = createExecutionContext();
		await worker.queue(batch as never, env as never, ctx);
		const result = await getQueueResult(batch, ctx);
		expect(result.explicitAcks).toEqual(["bad"]);
		expect(result.retryMessages).toEqual([]);
	});
});
