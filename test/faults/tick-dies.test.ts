/**
 * A tick that dies after writing its mail but before sending it loses nothing and
 * sends nothing twice: the rows stay leased, a tick after the lease takes them
 * over, and they go out in the same call under the same Idempotency-Key (which
 * Resend answers from its record if the first call had reached it).
 */
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { LEASE_MS } from "../../src/mail/outbox-repo";
import { batchIdempotencyKey } from "../../src/mail/resend-mailer";
import { runTick } from "../../src/nudges/run-tick";
import { db } from "../support/inbound";
import { tick } from "../support/outbox";
import { resendStub } from "../support/resend-stub";
import { seedDueFollowUps } from "../support/seed";

const NOW = new Date("2026-11-26T08:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

const digestRows = () =>
	db.all<{ id: string; state: string }>(
		sql`select id, state from outbox where kind = 'digest' and to_address like 'dies%' order by id`,
	);

it("a tick that dies between writing and sending: its rows are taken over after the lease, sent once, same key", async () => {
	await seedDueFollowUps("dies", 3, NOW);
	const stub = resendStub();
	const bindings = { ...env, RESEND_API_KEY: "re_dies", RESEND_BASE_URL: stub.baseUrl };
	const services = buildServices(requireConfig(bindings), fixedClock(NOW));
	const dying = {
		...services,
		mailer: {
			...services.mailer,
			sendBatch: () => Promise.reject(new Error("isolate killed")),
		},
	};
	await expect(runTick(dying)).rejects.toThrow("isolate killed");
	const written = await digestRows();
	expect(written.map((r) => r.state)).toEqual(["sending", "sending", "sending"]);
	// The write's effects stand: a second tick does not write the digests again.
	await tick(later(LEASE_MS - 60_000), bindings);
	expect(await stub.requests()).toEqual([]);
	expect(await digestRows()).toEqual(written);

	await tick(later(LEASE_MS + 60_000), bindings);
	const calls = await stub.requests();
	expect(calls).toHaveLength(1);
	expect(calls[0]?.headers["idempotency-key"]).toBe(await batchIdempotencyKey(written.map((r) => r.id)));
	expect(calls[0]?.body).toHaveLength(3);
	expect((await digestRows()).map((r) => r.state)).toEqual(["sent", "sent", "sent"]);

	await tick(later(LEASE_MS + 16 * 60_000), bindings);
	expect(await stub.requests()).toHaveLength(1);
});
