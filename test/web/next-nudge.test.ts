/**
 * "Next nudge" is a contact's one open nudge as Today shows it, the same on the
 * Contacts page and in the API's list and detail: its due time, and "now" once it
 * is due or delivered (waiting on Today), whether or not a next rung will follow it.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createApiTokenRepo } from "../../src/session/api-tokens";
import { carolIntroducesBob, db, nudgesOf, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";
import { call, sessionCookie } from "../support/web";

const at = (iso: string) => new Date(iso);
const newUser = userFactory("next", at("2026-11-20T12:00:00Z"));
const setClock = (d: Date) => call(`/dev/clock?time=${d.getTime()}`, { method: "POST" });
afterAll(async () => {
	await call("/dev/clock", { method: "DELETE" });
});

/** The Contacts page's cells for one person: [name, status, last contact, next nudge, referred by]. */
const rowOf = (page: string, name: string) => {
	const row = page.split("<tr>").find((r) => r.includes(`>${name}</a>`)) ?? "";
	return [...row.matchAll(/<td>(.*?)<\/td>/gs)].map((m) => m[1]?.replace(/<[^>]+>/g, "").trim());
};

describe("Next nudge", () => {
	it("a delivered 'let her know' with no next rung is due now, everywhere", async () => {
		const { address, userId } = await newUser();
		await send(carolIntroducesBob(address), at("2026-11-23T11:00:00Z"));
		await send({ from: address, to: "Bob Stone <bob@stone.example>", subject: "Hello" }, at("2026-11-23T12:00:00Z"));
		await tick(at("2026-11-23T13:00:00Z")); // 08:00 New York: the digest delivers "let Carol know"
		const open = (await nudgesOf(userId)).filter((x) => ["pending", "sent", "snoozed"].includes(x.nudge.state));
		const carol = open.find((x) => x.email === "carol@diaz.example")?.nudge;
		const bob = open.find((x) => x.email === "bob@stone.example")?.nudge;
		expect([carol?.kind, carol?.state, carol?.wakeAt]).toEqual(["close_loop", "sent", null]);
		expect([bob?.kind, bob?.state]).toEqual(["follow_up", "pending"]);

		expect((await setClock(at("2026-11-23T15:00:00Z"))).status).toBe(200);
		const cookie = await sessionCookie(userId);
		const page = await (await call("/app/contacts", { cookie })).text();
		expect(rowOf(page, "Carol Diaz")[3]).toBe("now");
		expect(rowOf(page, "Bob Stone")[3]).toMatch(/^Thu 26 Nov/);

		const token = await createApiTokenRepo(db).create(userId, "tests", at("2026-11-23T15:00:00Z"));
		const get = async (path: string) =>
			(await (await call(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
				data: { email: string; nextNudgeAt: string | null }[] & { nextNudgeAt: string | null };
			};
		const list = (await get("/contacts")).data;
		const carolInList = list.find((c) => c.email === "carol@diaz.example");
		expect(carolInList?.nextNudgeAt).toBe(carol?.dueAt.toISOString());
		const detail = (await get(`/contacts/${carol?.contactId}`)).data;
		expect(detail.nextNudgeAt).toBe(carol?.dueAt.toISOString());
		expect(list.find((c) => c.email === "bob@stone.example")?.nextNudgeAt).toBe(bob?.dueAt.toISOString());

		// Thursday's digest delivers Bob's follow-up; its next rung waits behind it, Today shows it now.
		await tick(at("2026-11-26T13:00:00Z"));
		const delivered = (await nudgesOf(userId)).find((x) => x.nudge.id === bob?.id)?.nudge;
		expect(delivered?.state).toBe("sent");
		expect(delivered?.wakeAt).not.toBeNull();
		expect((await setClock(at("2026-11-26T15:00:00Z"))).status).toBe(200);
		const later = await (await call("/app/contacts", { cookie })).text();
		expect(rowOf(later, "Bob Stone")[3]).toBe("now");
		const today = await (await call("/app", { cookie })).text();
		expect(today).toContain("Follow up with Bob Stone");
		expect((await get(`/contacts/${bob?.contactId}`)).data.nextNudgeAt).toBe(bob?.dueAt.toISOString());
		// Its outreach thread counts the follow-up delivered on it; the intro thread has none.
		const bobThreads = (
			(await get(`/contacts/${bob?.contactId}`)).data as unknown as { threads: { attempts: number }[] }
		).threads;
		expect(bobThreads.map((t) => t.attempts)).toEqual([1, 0]); // "Hello" (newest), then the intro
	});
});
