/**
 * D1 failing in the middle of the work, injected for real: a trigger that aborts
 * one statement inside the batch (or inside the tick's one insert). D1 rolls
 * the whole batch back, the handler throws (Email Routing retries a thrown
 * email(); the next cron tick retries a thrown scheduled()), and once the fault
 * is removed the retry applies everything exactly once.
 */
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { buildMail, contactsOf, db, logOf, nudgesOf, receive, threadsOf, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";
import { resendStub } from "../support/resend-stub";
import { seedDueFollowUps } from "../support/seed";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("d1fault", T);

const inject = (name: string, when: string, on: "INSERT" | "UPDATE" = "INSERT") =>
	env.DB.exec(
		`CREATE TRIGGER ${name} BEFORE ${on} ON nudges WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected fault'); END;`,
	);
const clear = (name: string) => env.DB.exec(`DROP TRIGGER ${name};`);

it("inbound: a statement failing mid-batch leaves nothing behind; the redelivery applies it once", async () => {
	const { address, userId } = await newUser();
	const raw = buildMail({
		from: address,
		to: "Ann Lee <ann@acme.example>",
		subject: "Coffee?",
		messageId: "d1-fault-1",
	});
	const logBefore = (await logOf()).length;
	await inject("fail_nudges", "NEW.kind = 'follow_up'");
	await expect(receive(raw, { to: "track@followthrough.test", at: T, envelopeFrom: address })).rejects.toThrow(
		/injected fault/,
	);
	// Contacts and threads were earlier in the same batch: rolled back with it.
	expect(await contactsOf(userId)).toEqual([]);
	expect(await threadsOf(userId)).toEqual([]);
	expect(await nudgesOf(userId)).toEqual([]);
	expect((await logOf()).length).toBe(logBefore);
	const seen = await db.all(sql`select * from inbound_seen where message_key = 'd1-fault-1@mail.example'`);
	expect(seen).toEqual([]);

	await clear("fail_nudges");
	const retried = await receive(raw, { to: "track@followthrough.test", at: T, envelopeFrom: address });
	expect(retried.outcome.reason).toBe("outreach");
	expect(await contactsOf(userId)).toHaveLength(1);
	expect(await nudgesOf(userId)).toHaveLength(1);
	expect((await logOf()).filter((l) => l.messageKey === "d1-fault-1@mail.example")).toHaveLength(1);
});

it("tick: the trigger-applied effects failing rolls the outbox insert back; the next tick sends each digest once", async () => {
	const NOW = new Date("2026-11-26T08:00:00Z");
	await seedDueFollowUps("tickfault", 4, NOW);
	const stub = resendStub();
	const bindings = { ...env, RESEND_API_KEY: "re_fault", RESEND_BASE_URL: stub.baseUrl };
	// The outbox trigger marks the delivered rungs sent (and when their next rung comes): make that fail.
	await inject("fail_successor", "NEW.state = 'sent'", "UPDATE");
	await expect(tick(NOW, bindings)).rejects.toThrow(/injected fault/);
	const after = await db.get<{ outbox: number; tokens: number; pending: number }>(sql`select
		(select count(*) from outbox where to_address like 'tickfault%') as outbox,
		(select count(*) from tokens where user_id like 'tickfault-%') as tokens,
		(select count(*) from nudges where id like 'tickfault-%' and state = 'pending') as pending`);
	expect(after).toEqual({ outbox: 0, tokens: 0, pending: 4 });
	expect(await stub.requests()).toEqual([]);

	await clear("fail_successor");
	await tick(new Date(NOW.getTime() + 15 * 60_000), bindings);
	expect((await stub.delivered()).map((m) => m.to).sort()).toEqual(
		[0, 1, 2, 3].map((i) => `tickfault${i}@bench.example`),
	);
	// Each delivered rung stays open, with its next rung scheduled from the delivery.
	const nextRungs = await db.get<{ n: number }>(
		sql`select count(*) as n from nudges where id like 'tickfault-%' and state = 'sent' and wake_at is not null`,
	);
	expect(nextRungs?.n).toBe(4);
});
