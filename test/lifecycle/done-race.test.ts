import { describe, expect, it } from "vitest";
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
});
