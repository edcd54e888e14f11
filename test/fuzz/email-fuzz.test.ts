/**
 * Fuzzing email() with generated hostile MIME (fast-check). For every message:
 * the handler never throws; exactly one outcome is logged; nothing changes in a
 * bystander's account (whatever the message claims); and mail that does not
 * authenticate changes nothing in the verified account it claims to come from.
 */

import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { contacts, nudges, threads, tokens, userAddresses, users } from "../../src/db/schema";
import { db, logOf, receive, replyAddressOf, send, signUp } from "../support/inbound";
import { fuzzRuns, fuzzSeed } from "./fuzz-runs";
import { authenticates, fuzzMail } from "./mime-arbitraries";

const T = new Date("2026-11-23T14:15:00Z");
const VICTIM = "victim@example.com";
const BYSTANDER = "bystander@example.org";
let victimId = "";
let bystanderId = "";
let replyAddresses: string[] = [];

async function snapshot(userId: string): Promise<string> {
	const rows = await Promise.all([
		db.select().from(users).where(eq(users.id, userId)),
		db.select().from(userAddresses).where(eq(userAddresses.userId, userId)),
		db.select().from(contacts).where(eq(contacts.userId, userId)),
		db.select().from(threads).where(eq(threads.userId, userId)),
		db.select().from(nudges).where(eq(nudges.userId, userId)),
		db.select().from(tokens).where(eq(tokens.userId, userId)),
	]);
	return JSON.stringify(rows);
}
const logCount = async () => (await db.get<{ n: number }>(sql`select count(*) as n from inbound_log`))?.n ?? 0;

beforeAll(async () => {
	victimId = await signUp(VICTIM, T);
	bystanderId = await signUp(BYSTANDER, T);
	for (const [from, to] of [
		[VICTIM, "Ann Lee <ann@acme.example>"],
		[BYSTANDER, "Zed <zed@private.example>"],
	] as const)
		await send({ from, to, subject: "Coffee?" }, T);
	replyAddresses = [await replyAddressOf(VICTIM), await replyAddressOf(BYSTANDER)];
	expect((await logOf()).length).toBeGreaterThan(0);
});

it("email() under generated hostile mail: never throws, one outcome each, no foreign writes", async () => {
	const senders = [VICTIM, "VICTIM@Example.COM", "stranger@evil.example", "ann@acme.example"];
	const seen = new Map<string, number>();
	await fc.assert(
		fc.asyncProperty(fuzzMail(senders, replyAddresses), async (m) => {
			const bystanderBefore = await snapshot(bystanderId);
			const victimBefore = await snapshot(victimId);
			const before = await logCount();
			const result = await receive(m.raw, { to: m.to, at: T, envelopeFrom: m.from });
			expect(["accepted", "ignored", "rejected", "held"]).toContain(result.outcome.outcome);
			seen.set(result.outcome.outcome, (seen.get(result.outcome.outcome) ?? 0) + 1);
			expect(await logCount()).toBe(before + 1);
			expect(await snapshot(bystanderId)).toBe(bystanderBefore);
			if (!authenticates(m.auth)) expect(await snapshot(victimId)).toBe(victimBefore);
		}),
		{ numRuns: fuzzRuns(60), seed: fuzzSeed(20261122), endOnFailure: true },
	);
	// Not vacuous: the generated mail reaches every kind of outcome.
	for (const outcome of ["accepted", "ignored", "rejected", "held"])
		expect(seen.get(outcome), outcome).toBeGreaterThan(0);
}, 60_000); // 60 mails through email() exceed vitest's 5 s on a loaded machine; `npm run fuzz` sets its own.
