/**
 * What comes after a delivered nudge (DESIGN.md cadence). Pure. The ladder
 * advances from each delivery whether or not the user answered the digest.
 */
import type { UserClock } from "../time/local-time";
import type { DueTime } from "../time/resolve-delay";
import type { NudgeKind } from "../tracking/nudge-kinds";
import { dueAfterDays, followUpGap, ladderKind, MAX_FOLLOW_UPS } from "./cadence";

export interface Delivered {
	kind: NudgeKind;
	attempt: number;
	/** reach_out from an introduction carries its referrer ("introduced by …"). */
	fromIntro: boolean;
}

export interface Successor {
	kind: NudgeKind;
	attempt: number;
	due: DueTime;
}

/** Intro reach-outs escalate at +1 and +2 days while no outreach is seen. */
export const REACH_OUT_ESCALATIONS = [1, 2] as const;
export const CHECK_IN_AFTER_MEETING_DAYS = 21;
export const KEEP_WARM_DAYS = 60;

export function successorOf(n: Delivered, deliveredAt: Date, user: UserClock): Successor | null {
	switch (n.kind) {
		case "follow_up":
		case "confirm_receipt": {
			const attempt = n.kind === "confirm_receipt" ? 2 : n.attempt + 1;
			if (attempt > MAX_FOLLOW_UPS + 1) return null;
			return { kind: ladderKind(attempt), attempt, due: dueAfterDays(deliveredAt, followUpGap(attempt, user), user) };
		}
		case "reach_out": {
			const gap = n.fromIntro ? REACH_OUT_ESCALATIONS[n.attempt] : undefined;
			return gap === undefined
				? null
				: { kind: "reach_out", attempt: n.attempt + 1, due: dueAfterDays(deliveredAt, gap, user) };
		}
		case "thank_you":
			return { kind: "check_in", attempt: 1, due: dueAfterDays(deliveredAt, CHECK_IN_AFTER_MEETING_DAYS, user) };
		case "check_in":
			return { kind: "check_in", attempt: n.attempt + 1, due: dueAfterDays(deliveredAt, KEEP_WARM_DAYS, user) };
		default:
			// last_try (then the thread goes dormant), close_loop, celebrate, reminder: nothing follows.
			return null;
	}
}

/** Most urgent first: intros, thank-yous, closing loops, follow-ups, last tries, check-ins, celebrations. */
export const URGENCY: Record<NudgeKind, number> = {
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
