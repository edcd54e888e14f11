/**
 * `replied` is a reply as far as Insights and the thread go: the user said they
 * answered, so the thread records a reply seen, as a reply-all with track@ would.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { threads } from "../../src/db/schema";
import { createApiTokenRepo } from "../../src/session/api-tokens";
import { db, replyTo, send, threadsOf, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";
import { call } from "../support/web";

const at = (iso: string) => new Date(iso);
const newUser = userFactory("repliedcmd", at("2026-11-20T12:00:00Z"));

describe("a reply reported with `replied`", () => {
	it("counts in Insights and closes the thread as replied", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Cleo Park <cleo@park.example>", subject: "Coffee?" }, at("2026-11-23T14:00:00Z"));
		await tick(at("2026-11-26T13:00:00Z")); // Thu 08:00 New York: "Follow up with Cleo Park"
		const r = await send(await replyTo(address, "1 replied"), at("2026-11-26T15:00:00Z"));
		expect(r.outcome.detail).toBe("Cleo Park replied: follow-ups stopped.");

		const token = await createApiTokenRepo(db).create(userId, "tests", at("2026-11-26T15:00:00Z"));
		const get = async (path: string) =>
			(await (await call(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
				data: unknown;
			};
		// The insights document is the body itself; the lists and records come in `data`.
		const insights = (await get("/insights")) as unknown as { replyRate: { cold: { total: number; replied: number } } };
		expect(insights.replyRate.cold).toEqual({ total: 1, replied: 1 });
		const [cleo] = (await get("/contacts")).data as { id: string }[];
		const detail = (await get(`/contacts/${cleo?.id}`)).data as { status: string; threads: { state: string }[] };
		expect(detail.status).toBe("replied");
		expect(detail.threads.map((t) => t.state)).toEqual(["replied"]);
	});

	it("a reply's own mail, recorded first with a later time, keeps it", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Dan Wu <dan@wu.example>", subject: "Coffee?" }, at("2026-11-23T14:00:00Z"));
		await tick(at("2026-11-26T13:00:00Z"));
		// Dan's reply-all of 16:00 lands on the thread while the user's "replied" (15:00) is on its way.
		const replySent = at("2026-11-26T16:00:00Z");
		const [thread] = await threadsOf(userId);
		await db
			.update(threads)
			.set({ state: "replied", lastInboundAt: replySent })
			.where(eq(threads.id, thread?.id ?? ""));
		const r = await send(await replyTo(address, "1 replied"), at("2026-11-26T15:00:00Z"));
		expect(r.outcome.detail).toBe("Dan Wu replied: follow-ups stopped.");
		const [after] = await threadsOf(userId);
		expect([after?.state, after?.lastInboundAt?.toISOString()]).toEqual(["replied", replySent.toISOString()]);
	});
});
