import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { TickWork } from "../../src/config/env";
import worker from "../../src/index";
import { PAGE_NUDGES } from "../../src/nudges/send-due-nudges";
import { db } from "../support/inbound";
import { tick } from "../support/outbox";
import { seedDueFollowUps } from "../support/seed";

const NOW = new Date("2026-11-26T08:00:00Z");

const digests = async (prefix: string) =>
	(
		await db.get<{ n: number }>(
			sql`select count(*) as n from outbox where kind = 'digest' and to_address like ${`${prefix}%`}`,
		)
	)?.n ?? 0;

describe("fan-out through Cloudflare Queues", () => {
	it("a tick past its budget hands the rest to the queue, and the consumer finishes it", async () => {
		// One page more than a tick's budget of one page.
		const users = PAGE_NUDGES + 100;
		await seedDueFollowUps("fan", users, NOW);
		const sent: { body: TickWork }[] = [];
		const queue = { send: async () => {}, sendBatch: async (msgs: { body: TickWork }[]) => void sent.push(...msgs) };
		const bindings = { ...env, TICK_BUDGET_PAGES: "1", DELIVERY_QUEUE: queue };
		await tick(NOW, bindings);
		const afterTick = await digests("fan");
		expect(afterTick).toBeGreaterThan(PAGE_NUDGES - 100);
		expect(afterTick).toBeLessThan(users);
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
		expect(await digests("fan")).toBe(users);
		// Exactly once: running the same message again adds nothing.
		const again = createMessageBatch<TickWork>("followthrough-delivery", [
			{ id: "m9", timestamp: NOW, attempts: 2, body: { kind: "nudges", at: NOW.getTime() } },
		]);
		await worker.queue(again, bindings, createExecutionContext());
		expect(await digests("fan")).toBe(users);
	}, 60_000);

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
