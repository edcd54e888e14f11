/**
 * Issue 12, item 5: what we promise to delete is deleted, by the real scheduled()
 * handler after its tick, a bounded number of rows per statement; expired held mail
 * no longer counts; and a catch-all domain cannot create pending accounts without end.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccountsRepo } from "../../src/accounts/accounts-repo";
import { PENDING_CAPS } from "../../src/accounts/pending-cap";
import { purgeExpired } from "../../src/accounts/purge-expired";
import { heldMail, sessions, signInAttempts, tokens, users } from "../../src/db/schema";
import { createSessionRepo } from "../../src/session/session-repo";
import { db, mailsTo, send, signUp } from "../support/inbound";
import { tick } from "../support/outbox";

const DAY = 86_400_000;
const T = new Date("2026-11-23T14:15:00Z");
const at = (days: number) => new Date(T.getTime() + days * DAY);

describe("the scheduled purge", () => {
	it("deletes a pending account nobody confirmed, with its held mail, 7 days on; a live one stays", async () => {
		const stale = await send({ from: "eve@stale.example", to: "Ann <ann@acme.example>" }, T);
		const fresh = await send({ from: "fay@fresh.example", to: "Ann <ann@acme.example>" }, at(6));
		const staleId = stale.outcome.userId ?? "";
		const freshId = fresh.outcome.userId ?? "";
		expect(await db.select().from(heldMail).where(eq(heldMail.userId, staleId))).toHaveLength(1);
		await tick(at(7.5));
		expect(await db.select().from(users).where(eq(users.id, staleId))).toEqual([]);
		expect(await db.select().from(heldMail).where(eq(heldMail.userId, staleId))).toEqual([]);
		expect(await db.select().from(users).where(eq(users.id, freshId))).toHaveLength(1);
	});

	it("deletes held mail after 7 days, and countHeld stops counting it at once", async () => {
		const userId = await signUp("gil@held.example", T);
		const repo = createAccountsRepo(db);
		await db.insert(heldMail).values({
			id: crypto.randomUUID(),
			userId,
			envelopeFrom: "gil@held.example",
			envelopeTo: "track@followthrough.test",
			raw: "",
			receivedAt: T,
			expiresAt: at(7),
		});
		expect(await repo.countHeld(userId, at(6))).toBe(1);
		expect(await repo.countHeld(userId, at(7.1))).toBe(0);
		await tick(at(7.1));
		expect(await db.select().from(heldMail).where(eq(heldMail.userId, userId))).toEqual([]);
	});

	it("deletes expired tokens, sessions and sign-in links, and day-old sign-in attempts; live ones stay", async () => {
		const userId = await signUp("hal@tokens.example", T);
		const sessionsRepo = createSessionRepo(db);
		await sessionsRepo.create(userId, T); // expires at T + 30 days
		await sessionsRepo.create(userId, at(20));
		const link = { userId, purpose: "sign_in" as const, createdAt: T, contextJson: "{}" };
		await db.insert(tokens).values([
			{ ...link, id: crypto.randomUUID(), tokenHash: crypto.randomUUID(), expiresAt: new Date(T.getTime() + 900_000) },
			{ ...link, id: crypto.randomUUID(), tokenHash: crypto.randomUUID(), expiresAt: at(60) },
		]);
		await db.insert(signInAttempts).values({ id: crypto.randomUUID(), kind: "ip", keyHash: "k", createdAt: at(29) });
		await tick(at(31));
		const left = await db.select().from(tokens).where(eq(tokens.userId, userId));
		expect(left.every((t) => t.expiresAt.getTime() > at(31).getTime())).toBe(true);
		expect(left.some((t) => t.expiresAt.getTime() === at(60).getTime())).toBe(true);
		const sessionsLeft = await db.select().from(sessions).where(eq(sessions.userId, userId));
		expect(sessionsLeft.map((s) => s.createdAt.getTime())).toEqual([at(20).getTime()]);
		expect(
			await db
				.select()
				.from(signInAttempts)
				.where(eq(signInAttempts.createdAt, at(29))),
		).toEqual([]);
	});

	it("deletes at most its batch per statement, and the rest on the next run", async () => {
		const userId = await signUp("ivy@batch.example", T);
		const rows = Array.from({ length: 7 }, () => ({
			id: crypto.randomUUID(),
			userId,
			purpose: "reply" as const,
			tokenHash: crypto.randomUUID(),
			contextJson: "{}",
			expiresAt: at(1),
			createdAt: T,
		}));
		await db.insert(tokens).values(rows);
		const batch = { pendingAccounts: 1, heldMail: 1, tokens: 3, sessions: 1, signInAttempts: 1 };
		const counts: number[] = [];
		for (let i = 0; i < 50 && counts.at(-1) !== 0; i++) counts.push((await purgeExpired(db, at(400), batch)).tokens);
		expect(counts[0]).toBe(3);
		expect(Math.max(...counts)).toBe(3);
		expect(counts.at(-1)).toBe(0);
		expect(await db.select().from(tokens).where(eq(tokens.userId, userId))).toEqual([]);
	});
});

describe("the cap on new pending accounts", () => {
	it(`takes at most ${PENDING_CAPS.perDomainPerDay} a day from one organisation, subdomains included`, async () => {
		const day = at(100);
		for (let i = 0; i < PENDING_CAPS.perDomainPerDay; i++) {
			const r = await send({ from: `u${i}@catchall.example`, to: "Ann <ann@acme.example>" }, day);
			expect(r.outcome.reason).toBe("new_account");
		}
		for (const from of ["over@catchall.example", "x@sub.catchall.example"]) {
			const r = await send({ from, to: "Ann <ann@acme.example>" }, day);
			expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "new_accounts_capped", userId: null });
			expect(await mailsTo(from)).toEqual([]);
		}
		// Another organisation, and the next day, still get in.
		expect((await send({ from: "ok@elsewhere.example", to: "Ann <ann@acme.example>" }, day)).outcome.reason).toBe(
			"new_account",
		);
		const nextDay = new Date(day.getTime() + DAY + 60_000);
		expect((await send({ from: "late@catchall.example", to: "Ann <ann@acme.example>" }, nextDay)).outcome.reason).toBe(
			"new_account",
		);
	});
});
