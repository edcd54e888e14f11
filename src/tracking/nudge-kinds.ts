/** The words for nudges that rules share: their kinds and states, and the groups of kinds the rules act on. */
import type { NUDGE_KINDS, NUDGE_STATES } from "../db/schema";

export type NudgeKind = (typeof NUDGE_KINDS)[number];
export type NudgeState = (typeof NUDGE_STATES)[number];

/** Still to be delivered: waiting for its due time, or snoozed until then. */
export const OPEN_NUDGE_STATES = ["pending", "snoozed"] as const satisfies readonly NudgeState[];

/** Not finished: still open, or delivered and not yet marked done. */
export const UNFINISHED_NUDGE_STATES = [...OPEN_NUDGE_STATES, "sent"] as const satisfies readonly NudgeState[];

export const isUnfinished = (state: NudgeState) => (UNFINISHED_NUDGE_STATES as readonly NudgeState[]).includes(state);
export const isOpen = (state: NudgeState) => (OPEN_NUDGE_STATES as readonly NudgeState[]).includes(state);

/** The outreach ladder: follow-ups, the last try, and a résumé's confirm-receipt. A reply stops all three. */
export const FOLLOW_UP_KINDS = ["follow_up", "last_try", "confirm_receipt"] as const satisfies readonly NudgeKind[];

/**
 * Every kind that is a rung of a ladder (DESIGN.md cadence): the follow-ups, intro
 * reach-outs and check-ins. Snoozing an item cancels the thread's other open rungs,
 * and the ladder continues from the snoozed item.
 */
export const LADDER_KINDS = [...FOLLOW_UP_KINDS, "reach_out", "check_in"] as const satisfies readonly NudgeKind[];
