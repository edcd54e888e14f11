/**
 * The lifecycle's transition function, row by row of DESIGN.md's table, on a fixed
 * clock in three timezones; then as a model: any sequence of events leaves a thread
 * with at most one open nudge, and a stale item is never acted on.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { delivered, nextRung } from "../../src/lifecycle/ladder";
import type { OpenNudge, Thread, ThreadEvent } from "../../src/lifecycle/thread";
import { transition } from "../../src/lifecycle/transition";
import { addDays, localDate, MON_TO_FRI } from "../../src/time/local-time";

const ZONES = ["America/New_York", "Europe/Berlin", "Asia/Tokyo"] as const;
const clock = (timezone: string) => ({ timezone, digestMinutes: 480, businessDays: MON_TO_FRI });
/** Tue 24 Nov 2026, 15:00 UTC. */
const NOW = new Date("2026-11-24T15:00:00Z");
const day = (d: Date, tz: string) => localDate(d, tz);

const thread = (over: Partial<Thread> = {}): Thread => ({
	contactId: "c1",
	name: "Ann Lee",
	status: "new",
	open: null,
	introducedAt: null,
	metAt: null,
	referrerId: null,
	...over,
});
const open = (over: Partial<OpenNudge> = {}): OpenNudge => ({
	id: "n1",
	kind: "follow_up",
	attempt: 1,
	state: "pending",
	threadId: "t1",
	dueAt: NOW,
	dueOn: "2026-11-24",
	sentAt: null,
	wakeAt: null,
	note: null,
	...over,
});

describe.each(ZONES)("transition in %s", (tz) => {
	const user = clock(tz);

	it("outreach: awaiting reply, first follow-up 3 business days after the mail's own Date", () => {
		const sent = new Date("2026-11-20T15:00:00Z"); // Fri 20 Nov, forwarded late
		const t = transition(thread(), { type: "outreach", at: sent, threadId: "t1" }, NOW, user);
		expect(t.status).toBe("awaiting_reply");
		expect(t.open).toMatchObject({ kind: "follow_up", attempt: 1 });
		expect(t.open?.due.dueOn).toBe("2026-11-25"); // Mon, Tue, Wed
	});

	it("outreach on an intro thread: the reach-out is done, and the referrer's thread gets 'let her know'", () => {
		const t = transition(
			thread({ referrerId: "carol", introducedAt: NOW, open: open({ kind: "reach_out", attempt: 0 }) }),
			{ type: "outreach", at: NOW, threadId: "t1" },
			NOW,
			user,
		);
		expect(t.close).toEqual({ id: "n1", state: "done" });
		expect(t.causes).toEqual([{ contactId: "carol", event: { type: "loop", about: "Ann Lee", threadId: "t1" } }]);
	});

	it("outreach with the referrer copied: her loop is closed, not opened", () => {
		const t = transition(
			thread({ referrerId: "carol", introducedAt: NOW, open: open({ kind: "reach_out", attempt: 0 }) }),
			{ type: "outreach", at: NOW, threadId: "t1", referrerCopied: true },
			NOW,
			user,
		);
		expect(t.causes).toEqual([{ contactId: "carol", event: { type: "loop_closed" } }]);
	});

	it("a new outreach supersedes the open follow-up and carries the count on", () => {
		const t = transition(
			thread({ status: "awaiting_reply", open: open({ attempt: 2, state: "sent", sentAt: NOW }) }),
			{ type: "outreach", at: NOW, threadId: "t1" },
			NOW,
			user,
		);
		expect(t.close).toEqual({ id: "n1", state: "superseded" });
		expect(t.open).toMatchObject({ kind: "follow_up", attempt: 3 });
	});

	it("reply: follow-ups close, the thread is replied", () => {
		const t = transition(thread({ status: "awaiting_reply", open: open() }), { type: "reply", at: NOW }, NOW, user);
		expect(t).toMatchObject({ status: "replied", close: { id: "n1", state: "cancelled" }, open: null });
	});

	it("bounce: stopped", () => {
		const t = transition(thread({ status: "awaiting_reply", open: open() }), { type: "bounce" }, NOW, user);
		expect(t).toMatchObject({ status: "closed", close: { id: "n1", state: "cancelled" } });
	});

	it("out-of-office: the follow-up moves to the first business day after the return", () => {
		const t = transition(
			thread({ status: "awaiting_reply", open: open() }),
			{ type: "away", until: "2026-12-04" },
			NOW,
			user,
		);
		expect(t.move?.due.dueOn).toBe("2026-12-07"); // Fri 4 → Mon 7
		expect(t.status).toBe("awaiting_reply");
	});

	it("done on a delivered follow-up: the next rung comes from the delivery", () => {
		const sentAt = new Date("2026-11-23T14:00:00Z");
		const t = transition(
			thread({ status: "awaiting_reply", open: open({ state: "sent", sentAt }) }),
			{ type: "done", nudgeId: "n1" },
			NOW,
			user,
		);
		expect(t.close).toEqual({ id: "n1", state: "done" });
		expect(t.open).toMatchObject({ kind: "follow_up", attempt: 2 });
		expect(t.open?.due.dueOn).toBe(
			nextRung({ kind: "follow_up", attempt: 1 }, sentAt, user, { metAt: null })?.due.dueOn,
		);
	});

	it("done on a reach-out counts as outreach", () => {
		const t = transition(
			thread({ referrerId: "carol", introducedAt: NOW, open: open({ kind: "reach_out", attempt: 2, state: "sent" }) }),
			{ type: "done", nudgeId: "n1" },
			NOW,
			user,
		);
		expect(t.status).toBe("awaiting_reply");
		expect(t.open?.kind).toBe("follow_up");
		expect(t.causes[0]?.contactId).toBe("carol");
	});

	it("done or snooze on an item that is no longer the open one is stale and changes nothing", () => {
		const t = thread({ status: "awaiting_reply", open: open({ id: "n2" }) });
		for (const e of [
			{ type: "done", nudgeId: "n1" },
			{ type: "snooze", nudgeId: "n1", until: { dueAt: NOW, dueOn: null } },
		] as ThreadEvent[]) {
			expect(transition(t, e, NOW, user)).toMatchObject({ result: "stale", close: null, open: null, move: null });
		}
	});

	it("met: a thank-you after the meeting, the reach-out ends; thanked: a check-in 3 weeks after the meeting", () => {
		const t = transition(
			thread({ open: open({ kind: "reach_out", attempt: 0 }) }),
			{ type: "met", at: NOW, threadId: "t1" },
			NOW,
			user,
		);
		expect(t).toMatchObject({ status: "met", close: { state: "superseded" }, open: { kind: "thank_you" } });
		const thanked = transition(thread(), { type: "met", at: NOW, threadId: "t1", thanked: true }, NOW, user);
		expect(thanked.open?.kind).toBe("check_in");
		expect(thanked.open?.due.dueOn).toBe(addDays(day(NOW, tz), 21)); // 3 weeks after the meeting (a weekday)
	});

	it("the check-in counts from the meeting, not from the thank-you", () => {
		const metAt = new Date("2026-11-02T15:00:00Z");
		const n = nextRung({ kind: "thank_you", attempt: 0 }, NOW, user, { metAt });
		expect(n?.due.dueOn).toBe(addDays(day(metAt, tz), 21));
	});

	it("introduction: reach out today, its age from the intro's own Date", () => {
		const at = new Date("2026-11-20T15:00:00Z");
		const t = transition(thread(), { type: "introduced", at, threadId: "t1", referrerId: "carol" }, NOW, user);
		expect(t.open).toMatchObject({ kind: "reach_out", attempt: 0 });
		expect(t.open?.due.dueOn).toBe(day(NOW, tz));
		expect(t.set).toMatchObject({ introducedAt: at, referrerId: "carol" });
	});

	it("the résumé ladder: confirm receipt, then the 1st follow-up, never a 2nd without a 1st", () => {
		let rung = { kind: "confirm_receipt" as const, attempt: 0 } as { kind: OpenNudge["kind"]; attempt: number };
		const seen: string[] = [];
		for (let i = 0; i < 6; i++) {
			const next = nextRung(rung, NOW, user, { metAt: null });
			if (!next) break;
			seen.push(`${next.kind}:${next.attempt}`);
			rung = next;
		}
		expect(seen).toEqual(["follow_up:1", "follow_up:2", "follow_up:3", "last_try:4"]);
		expect(delivered({ kind: "last_try", attempt: 4 }, NOW, user, { metAt: null })).toEqual({
			wakeAt: null,
			dormant: true,
		});
	});

	describe("the referrer's own thread around 'let her know'", () => {
		const metAt = new Date("2026-09-01T15:00:00Z");
		const carol = (o: Partial<OpenNudge>) =>
			thread({ contactId: "carol", name: "Carol", status: "met", metAt, open: open({ id: "n9", ...o }) });
		const loop = { type: "loop", about: "Bob", threadId: "t2" } as const;
		const daysBefore = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

		it("a met referrer's check-in gives way to 'let her know', and comes back when it is done", () => {
			const during = transition(carol({ kind: "check_in", attempt: 2 }), loop, NOW, user);
			expect(during.close).toEqual({ id: "n9", state: "superseded" });
			expect(during.open).toMatchObject({ kind: "close_loop", note: "Bob" });
			const loopOpen = carol({ id: "n10", kind: "close_loop", attempt: 0, state: "sent", sentAt: NOW });
			const after = transition(loopOpen, { type: "done", nudgeId: "n10" }, NOW, user);
			expect(after.close).toEqual({ id: "n10", state: "done" });
			expect(after.open).toMatchObject({ kind: "check_in", attempt: 1 });
			// 60 days after Tue 24 Nov is a weekend in every zone here: the Monday after.
			expect(after.open?.due.dueOn).toBe("2027-01-25");
		});

		it("a delivered, unanswered 'let her know' wakes into her check-in, so it cannot linger for ever", () => {
			const d = delivered({ kind: "close_loop", attempt: 0 }, NOW, user, { metAt });
			expect(d.wakeAt).not.toBeNull();
			expect(delivered({ kind: "close_loop", attempt: 0 }, NOW, user, { metAt: null }).wakeAt).toBeNull();
		});

		it("writing to her closes the loop, with no ladder; copying her on the outreach does too", () => {
			const fresh = carol({ kind: "close_loop", attempt: 0, state: "sent", sentAt: NOW });
			const wrote = transition(fresh, { type: "outreach", at: NOW, threadId: "t3" }, NOW, user);
			expect(wrote.close).toEqual({ id: "n9", state: "done" });
			expect(wrote.open).toMatchObject({ kind: "check_in" });
			expect(wrote.status).toBe("met");
			const copied = transition(fresh, { type: "loop_closed" }, NOW, user);
			expect(copied.close).toEqual({ id: "n9", state: "done" });
			expect(copied.open).toMatchObject({ kind: "check_in" });
		});

		it("a mail to her a week after an ignored 'let her know' is a new outreach with its own ladder", () => {
			const sentAt = daysBefore(8);
			const old = thread({
				contactId: "carol",
				status: "replied",
				open: open({ kind: "close_loop", attempt: 0, state: "sent", sentAt }),
			});
			const t = transition(old, { type: "outreach", at: NOW, threadId: "t3" }, NOW, user);
			expect(t.close).toEqual({ id: "n1", state: "superseded" });
			expect(t.open).toMatchObject({ kind: "follow_up", attempt: 1 });
			expect(t.status).toBe("awaiting_reply");
			const recent = {
				...old,
				open: open({ kind: "close_loop", attempt: 0, state: "sent", sentAt: daysBefore(2) }),
			};
			const closes = transition(recent, { type: "outreach", at: NOW, threadId: "t3" }, NOW, user);
			expect(closes.close).toEqual({ id: "n1", state: "done" });
			expect(closes.open).toBeNull();
		});
	});
});

describe("the model: any sequence of events", () => {
	const user = clock("America/New_York");
	const event: fc.Arbitrary<(t: Thread) => ThreadEvent> = fc.oneof(
		fc.constant(() => ({ type: "outreach", at: NOW, threadId: "t1" }) as ThreadEvent),
		fc.constant(() => ({ type: "introduced", at: NOW, threadId: "t1", referrerId: "carol" }) as ThreadEvent),
		fc.constant(() => ({ type: "reply", at: NOW }) as ThreadEvent),
		fc.constant(() => ({ type: "bounce" }) as ThreadEvent),
		fc.constant(() => ({ type: "away", until: "2026-12-10" }) as ThreadEvent),
		fc.constant((t: Thread) => ({ type: "done", nudgeId: t.open?.id ?? "gone" }) as ThreadEvent),
		fc.constant(() => ({ type: "done", nudgeId: "an-old-item" }) as ThreadEvent),
		fc.constant(
			(t: Thread) =>
				({ type: "snooze", nudgeId: t.open?.id ?? "gone", until: { dueAt: NOW, dueOn: null } }) as ThreadEvent,
		),
		fc.constant(() => ({ type: "met", at: NOW, threadId: "t1" }) as ThreadEvent),
		fc.constant(() => ({ type: "stop" }) as ThreadEvent),
		fc.constant(() => ({ type: "loop", about: "Bob", threadId: null }) as ThreadEvent),
		fc.constant(() => ({ type: "loop_closed" }) as ThreadEvent),
		fc.constant(() => ({ type: "wrote", at: NOW, threadId: null }) as ThreadEvent),
	);

	it("opens a nudge only after closing the open one, and never acts on a stale item", () => {
		fc.assert(
			fc.property(fc.array(event, { maxLength: 30 }), (events) => {
				let t = thread();
				let n = 0;
				for (const make of events) {
					const e = make(t);
					const r = transition(t, e, NOW, user);
					if (r.open) expect(t.open === null || r.close?.id === t.open.id).toBe(true);
					if (r.result === "stale") expect([r.close, r.open, r.move]).toEqual([null, null, null]);
					if (r.move) expect(r.move.id).toBe(t.open?.id);
					const openNow = r.open
						? ({
								...r.open,
								id: `n${++n}`,
								state: "pending",
								dueAt: r.open.due.dueAt,
								dueOn: r.open.due.dueOn,
								sentAt: null,
								wakeAt: null,
							} as OpenNudge)
						: r.close
							? null
							: t.open;
					t = {
						...t,
						status: r.status,
						open: openNow,
						referrerId: r.set.referrerId ?? t.referrerId,
						introducedAt: r.set.introducedAt ?? t.introducedAt,
					};
					// A stopped thread keeps nothing open.
					if (t.status === "closed") expect(t.open).toBeNull();
				}
			}),
			{ numRuns: 500, seed: 42 },
		);
	});
});
