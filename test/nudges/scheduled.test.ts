import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { devMailbox, outbox } from "../../src/db/schema";
import { listDevMailbox } from "../../src/mail/dev-mailbox";
import { LEASE_MS } from "../../src/mail/outbox-repo";
import { db, enqueue, tick } from "../support/outbox";
import { resendStub } from "../support/resend-stub";

const T0 = new Date("2026-11-23T13:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const rowState = async (id: string) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0];

describe("scheduled() delivers the outbox", () => {
	beforeEach(async () => {
		await db.delete(outbox);
		await db.delete(devMailbox);
	});

	it("takes controller.scheduledTime as now: mail due later waits for a later tick", async () => {
		const row = await enqueue({ to: "pat@example.com" }, minutes(30));
		await tick(minutes(15));
		expect(await listDevMailbox(db)).toHaveLength(0);
		await tick(minutes(30));
		const mails = await listDevMailbox(db);
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({
			id: row.id,
			from: "Followthrough <hello@followthrough.test>",
			to: "pat@example.com",
			subject: "Snoozed Ann Lee until Mon 30 Nov, 08:00",
			text: "Done.",
			headers: { "message-id": `<${row.id}@followthrough.test>`, "auto-submitted": "auto-generated" },
			createdAt: minutes(30).toISOString(),
		});
		expect(await rowState(row.id)).toMatchObject({ state: "sent", sentAt: minutes(30), attempts: 1 });
	});

	it("sends nothing twice when two ticks run at once", async () => {
		await Promise.all([enqueue({ to: "a@example.com" }, T0), enqueue({ to: "b@example.com" }, T0)]);
		const stub = resendStub();
		const bindings = { ...env, RESEND_API_KEY: "k", RESEND_BASE_URL: stub.baseUrl };
		await Promise.all([tick(T0, bindings), tick(T0, bindings), tick(T0, bindings)]);
		const requests = await stub.requests();
		const sent = requests
			.flatMap((r) => (Array.isArray(r.body) ? r.body : [r.body]) as { to: string }[])
			.map((m) => m.to);
		expect(sent.sort()).toEqual(["a@example.com", "b@example.com"]);
		expect(requests.map((r) => r.path)).toEqual(["/emails/batch"]);
		await tick(minutes(60), bindings);
		expect(await stub.requests()).toHaveLength(1);
	});

	it("retries a 429 after its retry-after, with the same Idempotency-Key, then stops", async () => {
		const row = await enqueue({ to: "pat@example.com" }, T0);
		const stub = resendStub();
		await stub.script([
			{
				status: 429,
				body: { name: "rate_limit_exceeded", message: "slow down", statusCode: 429 },
				headers: { "retry-after": "300" },
			},
		]);
		const bindings = { ...env, RESEND_API_KEY: "k", RESEND_BASE_URL: stub.baseUrl };
		await tick(T0, bindings);
		expect(await rowState(row.id)).toMatchObject({
			state: "pending",
			attempts: 1,
			nextAttemptAt: minutes(5),
			lastError: "429: slow down",
		});
		await tick(minutes(4), bindings);
		expect(await stub.requests()).toHaveLength(1);
		await tick(minutes(5), bindings);
		const requests = await stub.requests();
		expect(requests.map((r) => r.headers["idempotency-key"])).toEqual([row.id, row.id]);
		expect(await rowState(row.id)).toMatchObject({ state: "sent", attempts: 2, lastError: null });
	});

	it("marks a permanent 4xx failed and never retries it", async () => {
		const row = await enqueue({ to: "pat@example.com" }, T0);
		const stub = resendStub();
		await stub.script([{ status: 422, body: { name: "validation_error", message: "Invalid `to`", statusCode: 422 } }]);
		const bindings = { ...env, RESEND_API_KEY: "k", RESEND_BASE_URL: stub.baseUrl };
		await tick(T0, bindings);
		await tick(minutes(600), bindings);
		expect(await stub.requests()).toHaveLength(1);
		expect(await rowState(row.id)).toMatchObject({ state: "failed", attempts: 1, lastError: "422: Invalid `to`" });
	});

	it("takes over a row whose tick died mid-send once the lease expires", async () => {
		const row = await enqueue({ to: "pat@example.com" }, T0);
		await db
			.update(outbox)
			.set({ state: "sending", leaseUntil: new Date(T0.getTime() + LEASE_MS) })
			.where(eq(outbox.id, row.id));
		await tick(minutes(5));
		expect(await listDevMailbox(db)).toHaveLength(0);
		await tick(new Date(T0.getTime() + LEASE_MS));
		expect(await listDevMailbox(db)).toHaveLength(1);
		expect(await rowState(row.id)).toMatchObject({ state: "sent" });
	});

	it("a re-delivered dev mail does not duplicate (the outbox id is the key)", async () => {
		const row = await enqueue({ to: "pat@example.com" }, T0);
		await tick(T0);
		await db.update(outbox).set({ state: "pending" }).where(eq(outbox.id, row.id));
		await tick(minutes(1));
		expect(await listDevMailbox(db)).toHaveLength(1);
	});
});
