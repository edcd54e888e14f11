/**
 * Who gets what at this tick. Pure: due nudges and `now` in, mails and ladder
 * steps out. A digest user gets one digest a local day, at or after the digest
 * hour, with everything due; after it (same-day intros, explicit times) and for
 * instant users, each nudge goes out on its own.
 *
 * A due row is either an undelivered nudge, delivered now, or a delivered rung
 * whose next rung is due (`wake_at`): that rung is planned as its successor,
 * which replaces it (DESIGN.md: one open nudge per thread).
 */
import { delivered, nextRung, URGENCY } from "../lifecycle/ladder";
import { isBusinessDay, localDate, type UserClock } from "../time/local-time";
import type { NudgeKind } from "../tracking/nudge-kinds";
import type { DueNudge } from "./due-nudges-repo";

/** One item of a mail: a due nudge, or the successor of a delivered rung (`replaces` it). */
export type TickItem = DueNudge & {
	/** The delivered rung this one replaces, for a successor. */
	replaces: string | null;
	/** When the next rung replaces this one once delivered (null: nothing follows). */
	wakeAt: Date | null;
	/** Delivering it makes the thread dormant ("last try or move on?"). */
	dormant: boolean;
};

export interface UserDue {
	userId: string;
	to: string | null;
	clock: UserClock;
	mode: "digest" | "instant";
	/** Local date of the last digest written for the user. */
	lastDigestOn: string | null;
	nudges: TickItem[];
}

/** A due row as the item this tick delivers; null for a delivered rung with nothing after it. */
export function tickItem(r: DueNudge, now: Date, clock: UserClock, newId: () => string): TickItem | null {
	const ctx = { metAt: r.metAt };
	if (r.state !== "sent") {
		const d = delivered(r, now, clock, ctx);
		return { ...r, replaces: null, wakeAt: d.wakeAt, dormant: d.dormant };
	}
	const wakeAt = r.wakeAt ?? now;
	const next = nextRung(r, r.sentAt ?? wakeAt, clock, ctx);
	if (!next) return null;
	const d = delivered(next, now, clock, ctx);
	return {
		...r,
		id: newId(),
		state: "pending",
		kind: next.kind,
		attempt: next.attempt,
		dueAt: wakeAt,
		// The day it wakes (an out-of-office may have moved it), not the day first planned.
		dueOn: next.due.dueOn === null ? null : localDate(wakeAt, clock.timezone),
		note: next.kind === r.kind ? r.note : null,
		replaces: r.id,
		wakeAt: d.wakeAt,
		dormant: d.dormant,
	};
}

export function groupByUser(rows: readonly DueNudge[], now: Date, newId: () => string): UserDue[] {
	const byUser = new Map<string, UserDue>();
	for (const r of rows) {
		let u = byUser.get(r.userId);
		if (!u) {
			u = {
				userId: r.userId,
				to: r.to,
				clock: {
					timezone: r.timezone,
					digestMinutes: r.digestMinutes,
					businessDays: r.businessDays,
					followUpDays: r.followUpDays,
					followUpEvery: r.followUpEvery,
				},
				mode: r.mode,
				lastDigestOn: r.lastDigestOn,
				nudges: [],
			};
			byUser.set(r.userId, u);
		}
		const item = tickItem(r, now, u.clock, newId);
		if (item) u.nudges.push(item);
	}
	return [...byUser.values()];
}

export const digestKey = (u: Pick<UserDue, "userId" | "clock">, now: Date) =>
	`digest:${u.userId}:${localDate(now, u.clock.timezone)}`;
/** Stable across overlapping ticks: a successor is keyed by the rung it replaces. */
export const singleKey = (n: Pick<TickItem, "id" | "dueAt" | "replaces">) =>
	`nudge:${n.replaces ?? n.id}:${n.dueAt.getTime()}`;

/** When the user last wrote on an item's thread; never written sorts after any date. */
const waitingSince = (n: TickItem) => n.lastOutboundAt?.getTime() ?? Number.MAX_SAFE_INTEGER;

/**
 * Most urgent kind first; then the earliest due; then the one waiting longest for an answer (a
 * snoozed 3-week-old application before 25 fresh first follow-ups due at the same hour). The sort
 * is stable: the rest keep the order they were read in.
 */
export const byUrgency = (a: TickItem, b: TickItem) =>
	URGENCY[a.kind as NudgeKind] - URGENCY[b.kind as NudgeKind] ||
	a.dueAt.getTime() - b.dueAt.getTime() ||
	waitingSince(a) - waitingSince(b);

export interface UserPlan {
	/** Everything the digest counts, most urgent first; it shows (and delivers) the first `shown`. */
	digest: TickItem[] | null;
	singles: TickItem[];
}

/**
 * Digest users: one digest a day with what is due; after it, only what is due today
 * (same-day intros, thank-yous) or at an explicit time goes out on its own. What
 * a digest could not show waits for the next digest.
 */
export function planUser(u: UserDue, now: Date): UserPlan {
	const today = localDate(now, u.clock.timezone);
	// Digests fall on business days; on a day off only what was asked for that very
	// day (saturday@) or for an explicit time goes out, and the rest waits.
	const dayOff = !isBusinessDay(today, u.clock.businessDays);
	const sorted = [...u.nudges].sort(byUrgency).filter((n) => !dayOff || n.dueOn === null || n.dueOn === today);
	if (u.mode !== "digest") return { digest: null, singles: sorted };
	const digestSentToday = u.lastDigestOn === today;
	const cadence = sorted.some((n) => n.dueOn !== null);
	if (!digestSentToday && cadence) return { digest: sorted, singles: [] };
	return {
		digest: null,
		singles: sorted.filter((n) => n.dueOn === null || (digestSentToday && n.dueOn >= today)),
	};
}
