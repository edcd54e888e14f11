/**
 * What one inbound email costs in D1, measured at the binding from D1's own
 * result meta (test/support/metered-d1.ts): round trips up to and including the
 * commit, for every kind of mail; and rows read per email for a user with 10,000
 * contacts against one with 10. Counts, not times: they cannot regress unseen.
 */

import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DOMAIN, db, send, signUp } from "../support/inbound";
import { inboundCostCases, type Metered, meteredInbound, replyTo, seedContacts } from "../support/inbound-cost";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z");
const metered = meteredInbound();

describe("round trips per inbound email", () => {
	it("a plain outreach (BCC track@, one new person) is one read and one commit", async () => {
		await signUp("plain@example.com", T);
		const r = await metered({ from: "plain@example.com", to: "Ann Lee <ann@plain.example>", subject: "Coffee?" }, T);
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "outreach" });
		expect(r.processing.roundTrips).toBe(2);
		expect(r.afterCommit.roundTrips).toBe(0);
		expect(r.unmetered).toBe(0);
		expect(r.processing.rowsWritten).toBeGreaterThan(0);
	});

	it("every kind of mail: at most 2 round trips to its commit", async () => {
		const set = await inboundCostCases(T);
		const seen: Record<string, Metered> = {};
		const cases = [...set.cases, set.replyCommand];
		for (const next of cases) {
			// The reply command's digest is sent after the other cases ran.
			const c = typeof next === "function" ? await next() : next;
			const r = await metered(c.mail, c.at);
			expect(r.outcome.reason, c.label).toBe(c.reason);
			seen[c.label] = r;
		}
		const trips = Object.fromEntries(Object.entries(seen).map(([k, r]) => [k, r.processing.roundTrips]));
		expect(trips).toEqual(Object.fromEntries(Object.keys(trips).map((k) => [k, 2])));
	}, 30_000);
});

describe("the day's new accounts are counted only for a sender who may be new", () => {
	it("a user's mail and a contact's read no more rows with 300 pending accounts today; a new sender's counts them", async () => {
		const address = "capread@example.com";
		await signUp(address, T);
		const at = (min: number) => new Date(T.getTime() + min * 60_000);
		await send({ from: address, to: "Ann <ann@cap.example>, Bo <bo@cap.example>", subject: "Coffee?" }, at(1));
		const rowsRead = async (contact: string, min: number) => {
			const help = await metered(
				{ from: address, rcpt: `help@${DOMAIN}`, to: `help@${DOMAIN}`, subject: "help" },
				at(min),
			);
			const reply = await metered(
				{ from: contact, to: address, cc: `track@${DOMAIN}`, subject: "Re: Coffee?", body: "Sure!" },
				at(min + 1),
			);
			expect([help.outcome.reason, reply.outcome.reason]).toEqual(["help", "reply_seen"]);
			return [help.processing.rowsRead, reply.processing.rowsRead];
		};
		const before = await rowsRead("ann@cap.example", 2);
		await seedPendingAccounts(300, at(4));
		// Bo's thread is not Ann's (a row or two either way); counting the pending accounts would read 600 more.
		const after = await rowsRead("bo@cap.example", 5);
		for (const [i, n] of after.entries()) {
			expect(n, `${after} vs ${before}`).toBeLessThanOrEqual((before[i] ?? 0) + 5);
		}
		const fresh = await metered({ from: "first@fresh.example", to: "Cy <cy@c.example>", subject: "Hi" }, at(7));
		expect(fresh.outcome.reason).toBe("new_account");
		expect(fresh.processing.roundTrips).toBe(2);
		expect(fresh.processing.rowsRead).toBeGreaterThan(300);
	});
});

/** `n` pending accounts created at `at`, each with its primary address. */
async function seedPendingAccounts(n: number, at: Date) {
	const t = at.getTime();
	await db.run(sql`insert into users (id, status, timezone, digest_minutes, created_at)
		with recursive k(i) as (select 1 union all select i + 1 from k where i < ${n})
		select 'pending-' || i, 'pending', 'UTC', 480, ${t} from k`);
	await db.run(sql`insert into user_addresses (id, user_id, address, is_primary, created_at)
		select 'a-' || id, id, id || '@pending' || (cast(substr(id, 9) as integer) % 7) || '.example', 1, ${t}
		from users where id like 'pending-%'`);
}

describe("rows read per email, as an account grows", () => {
	it("a user with 10,000 contacts reads within 1.2x the rows of a user with 10", async () => {
		const perEmail: Record<string, number[]> = {};
		for (const [size, n] of [
			["small", 10],
			["large", 10_000],
		] as const) {
			const address = `scale-${size}@example.com`;
			const userId = await signUp(address, T);
			await seedContacts(userId, n, T);
			const at = (min: number) => new Date(T.getTime() + min * 60_000);
			const mails = [
				{ from: address, to: "Nia Vale <nia@vale.example>", subject: "Coffee?" },
				{ from: address, to: "Seed 10 <seed10@seed.example>", subject: "Hello" },
				{
					from: address,
					subject: "Fwd: Question",
					body: "\n---------- Forwarded message ---------\nFrom: Eve Stone <eve@stone.example>\nDate: Mon, Nov 23, 2026 at 8:02 AM\nSubject: Question\nTo: Pat <pat@example.com>\n\nHi, a question.",
				},
			];
			const rows: number[] = [];
			for (const [i, m] of mails.entries()) {
				const r = await metered(m, at(i + 1));
				expect(r.outcome.outcome, `${size} ${i}`).toBe("accepted");
				expect(r.unmetered).toBe(0);
				rows.push(r.processing.rowsRead);
			}
			perEmail[size] = rows;
		}
		// A reply command to each user's digest (the tick sends both).
		const digestAt = new Date(T.getTime() + 3 * 86_400_000);
		await tick(digestAt);
		for (const size of ["small", "large"] as const) {
			const r = await metered(await replyTo(`scale-${size}@example.com`, "1 done", "Nia"), digestAt);
			expect(r.outcome.reason, size).toBe("commands");
			perEmail[size]?.push(r.processing.rowsRead);
		}
		const small = perEmail.small ?? [];
		const large = perEmail.large ?? [];
		expect(large).toHaveLength(4);
		large.forEach((rows, i) => {
			expect(rows, `mail ${i}: ${large} vs ${small}`).toBeLessThanOrEqual(1.2 * (small[i] ?? 0));
		});
	}, 60_000);
});
