/**
 * Issue 12, item 6: deleting an account also deletes the inbound log rows that
 * carry one of its addresses but no user id (mail refused before it was known to
 * be theirs), through the real handlers; another person's rows stay.
 */
import { asc, isNull } from "drizzle-orm";
import { expect, it } from "vitest";
import { inboundLog } from "../../src/db/schema";
import { db, send, signUp } from "../support/inbound";
import { post, sessionCookie } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");

// Sorted: the rows share one instant, and the order of ties is the index's (by id since 0009).
const unowned = async () =>
	(await db.select().from(inboundLog).where(isNull(inboundLog.userId)).orderBy(asc(inboundLog.createdAt)))
		.map((r) => r.envelopeFrom.toLowerCase())
		.sort();

it("removes the unowned log rows with the user's address, and keeps others'", async () => {
	const userId = await signUp("nia@gone.example", T);
	// Refused: no passing authentication. Logged with no user id, carrying her address and subject.
	await send({ from: "Nia@Gone.example", to: "Ann <ann@acme.example>", subject: "Private plans", auth: false }, T);
	await send({ from: "NIA@gone.example", to: "Ann <ann@acme.example>", subject: "More plans", auth: false }, T);
	await send({ from: "oto@stays.example", to: "Ann <ann@acme.example>", subject: "Other", auth: false }, T);
	expect(await unowned()).toEqual(["nia@gone.example", "nia@gone.example", "oto@stays.example"]);

	const res = await post("/app/delete", { confirm: "DELETE" }, await sessionCookie(userId));
	expect(res.status).toBe(200);
	expect(await unowned()).toEqual(["oto@stays.example"]);
});
