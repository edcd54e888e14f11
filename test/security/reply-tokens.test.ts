/**
 * Reply tokens as an attacker would try them: user B (verified, authenticated)
 * replying to user A's reply address, and a reply after the token expired
 * (30 days). Neither changes anything or reveals anything of A's.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { users } from "../../src/db/schema";
import { db, mailsTo, pendingOf, send, userFactory, userRow } from "../support/inbound";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z");
const digestAt = (date: string) => new Date(`${date}T13:00:00Z`);
const newUser = userFactory("tok", T);

async function digestFor() {
	const u = await newUser();
	await send({ from: u.address, to: "Ann Secretlast <ann@acme.example>", subject: "Coffee?" }, T);
	await tick(digestAt("2026-11-26"));
	const rcpt = (await mailsTo(u.address)).at(-1)?.replyTo ?? "";
	expect(rcpt).toMatch(/^r\+[a-z2-7]{26}@/);
	return { ...u, rcpt };
}

it("user B, properly authenticated, using user A's reply address changes nothing of A's and learns nothing", async () => {
	const a = await digestFor();
	const b = await newUser();
	const before = await pendingOf(a.userId);
	for (const body of ["stop Ann", "1 done", "pause", "timezone Asia/Tokyo", "status"]) {
		const r = await send({ from: b.address, to: a.rcpt, rcpt: a.rcpt, subject: "Re", body }, digestAt("2026-11-26"));
		// Another address of A's would be told to A (stray-reply), never to the sender.
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "stray_reply" });
	}
	expect(await pendingOf(a.userId)).toEqual(before);
	expect(await userRow(a.userId)).toMatchObject({ status: "active", timezone: "America/New_York" });
	for (const m of await mailsTo(b.address)) expect(m.text).not.toContain("Secretlast");
});

it("a reply token used after it expired (30 days) changes nothing", async () => {
	const a = await digestFor();
	const before = await pendingOf(a.userId);
	const late = new Date(digestAt("2026-11-26").getTime() + 31 * 86_400_000);
	const r = await send({ from: a.address, to: a.rcpt, rcpt: a.rcpt, subject: "Re", body: "pause" }, late);
	expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "token_expired" });
	expect((await db.select().from(users).where(eq(users.id, a.userId)))[0]?.status).toBe("active");
	expect(await pendingOf(a.userId)).toEqual(before);
	// The same reply inside the 30 days works, so the refusal above is the expiry.
	const inTime = await send(
		{ from: a.address, to: a.rcpt, rcpt: a.rcpt, subject: "Re", body: "pause" },
		digestAt("2026-12-01"),
	);
	expect(inTime.outcome.outcome).toBe("accepted");
});
