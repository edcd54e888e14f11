/**
 * Resend misbehaving, through the real scheduled() handler: 429 with
 * Retry-After, 500, a timeout, and a slow success. Once the fault clears, every
 * digest has been delivered exactly once (the stub, like Resend, sends nothing
 * again for a repeated Idempotency-Key) and every outbox row is `sent`.
 */
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { db } from "../support/inbound";
import { tick } from "../support/outbox";
import { resendStub } from "../support/resend-stub";
import { seedDueFollowUps } from "../support/seed";

const NOW = new Date("2026-11-26T08:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const USERS = 3;

async function setUp(
	prefix: string,
	answers: Parameters<ReturnType<typeof resendStub>["script"]>[0],
	timeoutMs = 2_000,
) {
	await seedDueFollowUps(prefix, USERS, NOW);
	const stub = resendStub();
	await stub.script(answers);
	const bindings = {
		...env,
		RESEND_API_KEY: "re_fault",
		RESEND_BASE_URL: stub.baseUrl,
		RESEND_TIMEOUT_MS: String(timeoutMs),
	};
	return { stub, bindings };
}
const states = async (prefix: string) =>
	(
		await db.all<{ state: string }>(
			sql`select state from outbox where kind = 'digest' and to_address like ${`${prefix}%`} order by id`,
		)
	).map((r) => r.state);

async function deliveredOnceEach(stub: ReturnType<typeof resendStub>, prefix: string) {
	const to = (await stub.delivered()).map((m) => m.to).sort();
	expect(to).toEqual(Array.from({ length: USERS }, (_, i) => `${prefix}${i}@bench.example`).sort());
	expect(await states(prefix)).toEqual(Array(USERS).fill("sent"));
}

it("429 with Retry-After: nothing until then, then each digest once", async () => {
	const { stub, bindings } = await setUp("f429-", [
		{
			status: 429,
			body: { name: "rate_limit_exceeded", message: "slow down", statusCode: 429 },
			headers: { "retry-after": "120" },
		},
	]);
	await tick(NOW, bindings);
	expect(await states("f429-")).toEqual(Array(USERS).fill("pending"));
	await tick(minutes(1), bindings);
	expect(await stub.requests()).toHaveLength(1);
	await tick(minutes(2), bindings);
	await deliveredOnceEach(stub, "f429-");
});

it("500: retried with backoff on a later tick, then each digest once", async () => {
	const { stub, bindings } = await setUp("f500-", [
		{ status: 500, body: { name: "internal_server_error", message: "oops", statusCode: 500 } },
		{ status: 503, body: "<html>bad gateway</html>" },
	]);
	await tick(NOW, bindings);
	await tick(minutes(15), bindings);
	await tick(minutes(30), bindings);
	await tick(minutes(60), bindings);
	const calls = await stub.requests();
	expect(calls.map((c) => c.status)).toEqual([500, 503, 200]);
	expect(new Set(calls.map((c) => c.headers["idempotency-key"])).size).toBe(1);
	await deliveredOnceEach(stub, "f500-");
});

it("a timeout after Resend accepted the call: the retry repeats the key and nothing is sent twice", async () => {
	const { stub, bindings } = await setUp(
		"ftime-",
		[{ status: 200, body: { data: [{ id: "a" }, { id: "b" }, { id: "c" }] }, delayMs: 600 }],
		150,
	);
	await tick(NOW, bindings);
	expect(await states("ftime-")).toEqual(Array(USERS).fill("pending"));
	await new Promise((r) => setTimeout(r, 700)); // the slow answer completes at the stub
	await tick(minutes(15), bindings);
	const calls = await stub.requests();
	expect(calls.map((c) => c.replayed)).toEqual([false, true]);
	await deliveredOnceEach(stub, "ftime-");
});

it("a slow success within the timeout is just a success", async () => {
	const { stub, bindings } = await setUp("fslow-", [
		{ status: 200, body: { data: [{ id: "a" }, { id: "b" }, { id: "c" }] }, delayMs: 300 },
	]);
	await tick(NOW, bindings);
	expect(await stub.requests()).toHaveLength(1);
	await deliveredOnceEach(stub, "fslow-");
});
