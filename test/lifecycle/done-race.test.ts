/**
 * Changes that race (both read before either commits): two `done`s on one reach-out
 * (a one-click link and a "1 done" reply): the first closes it and records the
 * outreach on the thread, the second moves nothing; a `replied` and the reply's own
 * mail: the later reply time stands.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { threads } from "../../src/db/schema";
import { applyThreadChanges, loadThreads } from "../../src/lifecycle/thread-store";
import { carolIntroducesBob, db, nudgesOf, send, threadsOf, userFactory, userRow } from "../support/inbound";

const at = (iso: string) => new Date(iso);
const newUser = userFactory("donerace", at("2026-11-20T12:00:00Z"));

describe("done on a reach-out, twice at once", () => {
	it("only the change that closed it records the thread's last outbound", async () => {
		const { address, userId } = await newUser();
		await send(carolIntroducesBob(address), at("2026-11-23T11:00:00Z"));
		const reach = (await nudgesOf(userId)).find((x) => x.nudge.kind === "reach_out")?.nudge;
		expect(reach?.state).toBe("pending");
		const row = await userRow(userId);
		if (!row || !reach?.contactId) throw new Error("setup");
		const user = { id: userId, clock: row };
		const contactId = reach.contactId;
		// Both read the thread while the reach-out is still open.
		const stale = await loadThreads(db, userId, [contactId]);
		const first = at("2026-11-24T15:00:00Z");
		const second = at("2026-11-24T15:00:05Z");
		const event = { type: "done", nudgeId: reach.id } as const;
		const a = await applyThreadChanges(db, user, [{ contactId, event }], first, new Map(stale));
		const b = await applyThreadChanges(db, user, [{ contactId, event }], second, new Map(stale));
		await db.batch(a.writes as never);
		await db.batch(b.writes as never);
		const thread = (await threadsOf(userId)).find((t) => t.id === reach.threadId);
		expect(thread?.lastOutboundAt?.toISOString()).toBe(first.toISOString());
		const closed = (await nudgesOf(userId)).find((x) => x.nudge.id === reach.id)?.nudge;
		expect(closed?.closedAt?.toISOString()).toBe(first.toISOString());
	});

	it("'replied' read before a reply's own mail was recorded never moves its time back", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Cleo Park <cleo@park.example>", subject: "Coffee?" }, at("2026-11-23T14:00:00Z"));
		const follow = (await nudgesOf(userId)).find((x) => x.nudge.kind === "follow_up")?.nudge;
		const row = await userRow(userId);
		if (!row || !follow?.contactId || !follow.threadId) throw new Error("setup");
		const contactId = follow.contactId;
		const stale = await loadThreads(db, userId, [contactId]);
		// Cleo's reply-all (sent at 16:00) is recorded first...
		const replySent = at("2026-11-24T16:00:00Z");
		await db.update(threads).set({ state: "replied", lastInboundAt: replySent }).where(eq(threads.id, follow.threadId));
		// ...then the user's "replied" of 15:00, read while the follow-up was still open, commits.
		const event = { type: "reply", at: at("2026-11-24T15:00:00Z"), told: true, nudgeId: follow.id } as const;
		const r = await applyThreadChanges(
			db,
			{ id: userId, clock: row },
			[{ contactId, event }],
			event.at,
			new Map(stale),
		);
		await db.batch(r.writes as never);
		const thread = (await threadsOf(userId)).find((t) => t.id === follow.threadId);
		expect(thread?.lastInboundAt?.toISOString()).toBe(replySent.toISOString());
		expect(thread?.state).toBe("replied");
	});
});
