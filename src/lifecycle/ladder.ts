/**
 * What follows a delivered rung (DESIGN.md, the lifecycle's "delivered" row). Pure.
 * The ladder goes on from each delivery: follow-ups +3, +4, +4 business days, then
 * "last try or move on?", then dormant; an intro's reach-out is reminded on the next
 * two business days; a thank-you leads to a check-in 3 weeks after the meeting, then
 * every ~60 days; a met referrer's "let her know" gives way to her check-ins again.
 */
import type { UserClock } from "../time/local-time";
import type { DueTime } from "../time/resolve-delay";
import {
	businessDaysAfter,
	CHECK_IN_AFTER_MEETING_DAYS,
	daysAfter,
	followUpDue,
	KEEP_WARM_DAYS,
	LAST_TRY_ATTEMPT,
	ladderKind,
	REACH_OUT_REMINDERS,
} from "./cadence";
import type { Rung } from "./thread";

export interface RungContext {
	/** The meeting's end, for check-ins. */
	metAt: Date | null;
}

/** The rung after `rung`, delivered (or done) at `from`, and when it is due; null when nothing follows. */
export function nextRung(rung: Rung, from: Date, user: UserClock, ctx: RungContext): (Rung & { due: DueTime }) | null {
	switch (rung.kind) {
		case "confirm_receipt":
		case "follow_up": {
			const attempt = rung.kind === "confirm_receipt" ? 1 : rung.attempt + 1;
			if (attempt > LAST_TRY_ATTEMPT) return null;
			return { kind: ladderKind(attempt), attempt, due: followUpDue(from, attempt, user) };
		}
		case "reach_out":
			return rung.attempt < REACH_OUT_REMINDERS
				? { kind: "reach_out", attempt: rung.attempt + 1, due: businessDaysAfter(from, 1, user) }
				: null;
		case "thank_you":
			return { kind: "check_in", attempt: 1, due: checkInDue(ctx.metAt ?? from, user) };
		case "check_in":
			return { kind: "check_in", attempt: rung.attempt + 1, due: daysAfter(from, KEEP_WARM_DAYS, user) };
		case "close_loop": {
			// A referrer the user has met keeps her check-ins: "let her know" only stood in for one.
			if (!ctx.metAt) return null;
			const afterMeeting = checkInDue(ctx.metAt, user);
			const due = afterMeeting.dueAt > from ? afterMeeting : daysAfter(from, KEEP_WARM_DAYS, user);
			return { kind: "check_in", attempt: 1, due };
		}
		default:
			// last_try (the thread goes dormant), celebrate, reminder: nothing follows.
			return null;
	}
}

export function checkInDue(metAt: Date, user: UserClock): DueTime {
	return daysAfter(metAt, CHECK_IN_AFTER_MEETING_DAYS, user);
}

/** Delivering `rung` at `now`: when the next rung replaces it, and whether the thread goes dormant. */
export function delivered(rung: Rung, now: Date, user: UserClock, ctx: RungContext) {
	return { wakeAt: nextRung(rung, now, user, ctx)?.due.dueAt ?? null, dormant: rung.kind === "last_try" };
}

/** Most urgent first: intros, thank-yous, closing loops, follow-ups, last tries, check-ins, celebrations. */
export const URGENCY: Record<Rung["kind"], number> = {
	reach_out: 0,
	thank_you: 1,
	close_loop: 2,
	follow_up: 3,
	confirm_receipt: 3,
	reminder: 3,
	last_try: 4,
	check_in: 5,
	celebrate: 6,
};
