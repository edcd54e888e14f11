/**
 * The one transition function of the lifecycle (DESIGN.md's table): a thread, an
 * event and `now` in; the thread's new state, what happens to its one open nudge,
 * and the events it causes on other threads out. Pure. Every change to a thread
 * (inbound mail, reply commands, one-click links, the dashboard, the API) goes
 * through it; the tick's "delivered" row is ladder.ts.
 */
import type { UserClock } from "../time/local-time";
import { isFollowUp } from "../tracking/nudge-kinds";
import {
	afterReturn,
	confirmReceiptDue,
	followUpDue,
	LAST_TRY_ATTEMPT,
	ladderKind,
	sameDayDue,
	thankYouDue,
} from "./cadence";
import { checkInDue, nextRung } from "./ladder";
import type { NextNudge, OpenNudge, Thread, ThreadEvent, Transition } from "./thread";

const unchanged = (t: Thread): Transition => ({
	status: t.status,
	close: null,
	move: null,
	open: null,
	set: {},
	causes: [],
	result: "unchanged",
});

const applied = (t: Thread, change: Partial<Transition>): Transition => ({
	...unchanged(t),
	...change,
	result: "applied",
});

const closeOpen = (open: OpenNudge | null, state: "done" | "cancelled" | "superseded") =>
	open ? { id: open.id, state } : null;

/** The follow-up number the next outreach starts at: a new outreach carries the count on. */
function carriedAttempt(t: Thread): number {
	const o = t.open;
	if (t.status === "replied" || t.status === "met" || !o || !isFollowUp(o.kind)) return 1;
	const base = o.kind === "confirm_receipt" ? 1 : o.attempt;
	return Math.min(o.state === "sent" ? base + 1 : Math.max(base, 1), LAST_TRY_ATTEMPT);
}

/**
 * "Let her know" closes, at `at`. A met referrer's keep-warm check-ins come back; any other
 * nudge the loop replaced (a follow-up, a thank-you) is not restored: writing to her about the
 * intro is itself the contact that nudge asked for.
 */
function closeLoop(t: Thread, loop: OpenNudge, at: Date, user: UserClock, set: Transition["set"] = {}): Transition {
	const next = nextRung(loop, at, user, { metAt: t.metAt });
	return applied(t, {
		close: closeOpen(loop, "done"),
		open: next ? { ...next, threadId: loop.threadId, note: null } : null,
		set,
	});
}

/** A "let her know" delivered this long ago and never acted on no longer explains a new mail to her. */
export const LOOP_STALE_MS = 7 * 86_400_000;
const staleLoop = (loop: OpenNudge, at: Date) =>
	loop.sentAt !== null && at.getTime() - loop.sentAt.getTime() > LOOP_STALE_MS;

function outreach(t: Thread, e: Extract<ThreadEvent, { type: "outreach" }>, user: UserClock): Transition {
	// A mail to a referrer with her loop open is the loop being closed, not a new ladder.
	if (t.open?.kind === "close_loop" && !staleLoop(t.open, e.at)) {
		return closeLoop(t, t.open, e.at, user, { lastContactAt: e.at });
	}
	const attempt = carriedAttempt(t);
	const confirm = e.application === true && attempt === 1;
	const next: NextNudge = {
		kind: confirm ? "confirm_receipt" : ladderKind(attempt),
		attempt: confirm ? 0 : attempt,
		due: e.firstDue ?? (confirm ? confirmReceiptDue(e.at, user) : followUpDue(e.at, attempt, user)),
		threadId: e.threadId ?? t.open?.threadId ?? null,
		note: null,
	};
	const reachedOut = t.status === "new" && t.referrerId !== null && t.introducedAt !== null;
	return applied(t, {
		status: "awaiting_reply",
		close: closeOpen(t.open, t.open?.kind === "reach_out" ? "done" : "superseded"),
		open: next,
		set: { lastContactAt: e.at },
		causes: reachedOut && t.referrerId ? [{ contactId: t.referrerId, event: loopEvent(t, e) }] : [],
	});
}

const loopEvent = (t: Thread, e: Extract<ThreadEvent, { type: "outreach" }>): ThreadEvent =>
	e.referrerCopied ? { type: "loop_closed" } : { type: "loop", about: t.name, threadId: e.threadId };

/** `done` on a rung: it closes, and its ladder goes on (from the delivery, if it was delivered). */
function done(t: Thread, open: OpenNudge, now: Date, user: UserClock): Transition {
	// Reaching out as asked is the outreach itself.
	if (open.kind === "reach_out") {
		const tr = outreach(t, { type: "outreach", at: now, threadId: open.threadId }, user);
		return open.threadId ? { ...tr, outbound: { threadId: open.threadId, at: now, nudgeId: open.id } } : tr;
	}
	const next = nextRung(open, open.sentAt ?? now, user, { metAt: t.metAt });
	return applied(t, {
		status: open.kind === "last_try" && t.status === "awaiting_reply" ? "dormant" : t.status,
		close: { id: open.id, state: "done" },
		open: next ? { ...next, threadId: open.threadId, note: next.kind === open.kind ? open.note : null } : null,
	});
}

/** A command about an item the user was shown acts only while that item is still the open one. */
const staleItem = (t: Thread, e: ThreadEvent) => "nudgeId" in e && e.nudgeId !== undefined && t.open?.id !== e.nudgeId;

export function transition(t: Thread, e: ThreadEvent, now: Date, user: UserClock): Transition {
	if (staleItem(t, e)) return { ...unchanged(t), result: "stale" };
	switch (e.type) {
		case "outreach":
			return outreach(t, e, user);
		case "introduced": {
			const set = { introducedAt: e.at, ...(e.referrerId ? { referrerId: e.referrerId } : {}) };
			// Already in touch with them, or already asked to reach out: only the facts are kept.
			if (t.status !== "new" || t.open) return { ...unchanged(t), set, result: "applied" };
			return applied(t, {
				open: { kind: "reach_out", attempt: 0, due: sameDayDue(now, user), threadId: e.threadId, note: null },
				set,
			});
		}
		case "reply": {
			if (t.status === "closed") return unchanged(t);
			const stops = t.open && (isFollowUp(t.open.kind) || t.open.kind === "reach_out");
			const status = t.status === "met" ? "met" : "replied";
			if (!stops && status === t.status) return unchanged(t);
			return applied(t, {
				status,
				close: stops ? closeOpen(t.open, "cancelled") : null,
				set: { lastContactAt: e.at },
			});
		}
		case "wrote":
			if (t.open || t.status === "closed") return { ...unchanged(t), set: { lastContactAt: e.at } };
			return applied(t, {
				open: { kind: "reach_out", attempt: 0, due: sameDayDue(now, user), threadId: e.threadId, note: "reply" },
				set: { lastContactAt: e.at },
			});
		case "bounce":
			if (t.status === "closed") return unchanged(t);
			return applied(t, { status: "closed", close: closeOpen(t.open, "cancelled") });
		case "away": {
			const o = t.open;
			if (!o || !isFollowUp(o.kind)) return unchanged(t);
			const due = afterReturn(e.until, user);
			const at = o.state === "sent" ? o.wakeAt : o.dueAt;
			if (!at || at.getTime() >= due.dueAt.getTime()) return unchanged(t);
			return applied(t, {
				move:
					o.state === "sent"
						? { id: o.id, state: "sent", due: { dueAt: o.dueAt, dueOn: o.dueOn }, wakeAt: due.dueAt }
						: { id: o.id, state: o.state, due, wakeAt: null },
			});
		}
		case "done":
			return t.open ? done(t, t.open, now, user) : { ...unchanged(t), result: "stale" };
		case "snooze":
			if (!t.open) return { ...unchanged(t), result: "stale" };
			return applied(t, { move: { id: t.open.id, state: "snoozed", due: e.until, wakeAt: null } });
		case "met": {
			const future = e.at.getTime() > now.getTime();
			const next: NextNudge = e.thanked
				? { kind: "check_in", attempt: 1, due: checkInDue(e.at, user), threadId: e.threadId, note: null }
				: {
						kind: "thank_you",
						attempt: 0,
						due: future ? thankYouDue(e.at, user) : sameDayDue(now, user),
						threadId: e.threadId,
						note: null,
					};
			return applied(t, {
				status: "met",
				close: closeOpen(t.open, e.nudgeId ? "done" : "superseded"),
				open: { ...next, threadId: next.threadId ?? t.open?.threadId ?? null },
				set: { metAt: e.at, lastContactAt: future ? undefined : e.at },
			});
		}
		case "meeting_cancelled":
			if (t.open?.kind !== "thank_you" || t.open.state === "sent") return unchanged(t);
			return applied(t, { close: closeOpen(t.open, "cancelled") });
		case "stop":
			if (t.status === "closed" && !t.open) return unchanged(t);
			return applied(t, { status: "closed", close: closeOpen(t.open, "cancelled") });
		case "loop": {
			if (t.open?.kind === "close_loop" || t.status === "closed") return unchanged(t);
			return applied(t, {
				close: closeOpen(t.open, "superseded"),
				open: { kind: "close_loop", attempt: 0, due: sameDayDue(now, user), threadId: e.threadId, note: e.about },
			});
		}
		case "loop_closed":
			return t.open?.kind === "close_loop" ? closeLoop(t, t.open, now, user) : unchanged(t);
	}
}
