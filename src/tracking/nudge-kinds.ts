/** The words for nudges that rules share: their kinds and states, and the groups of kinds the rules act on. */
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { CONTACT_STATUSES, NUDGE_KINDS, NUDGE_STATES } from "../db/schema";

export type NudgeKind = (typeof NUDGE_KINDS)[number];
export type NudgeState = (typeof NUDGE_STATES)[number];
/** A thread's state (DESIGN.md): new, awaiting reply, replied, met, dormant, stopped (`closed`). */
export type ThreadStatus = (typeof CONTACT_STATUSES)[number];

/** Waiting to be delivered: pending until its due time, or snoozed until then. */
export const UNDELIVERED_NUDGE_STATES = ["pending", "snoozed"] as const satisfies readonly NudgeState[];

/**
 * Open: what the user sees as the thread's one nudge (DESIGN.md). Undelivered, or
 * delivered and not yet acted on (`sent`, until the next rung replaces it). The
 * database holds at most one per contact (index `nudges_one_open_per_contact`).
 */
export const OPEN_NUDGE_STATES = [...UNDELIVERED_NUDGE_STATES, "sent"] as const satisfies readonly NudgeState[];

export type OpenNudgeState = (typeof OPEN_NUDGE_STATES)[number];

/**
 * "This nudge is open" in SQL, written as the partial indexes on open nudges say it
 * (nudges_one_open_per_contact, nudges_user_open_due_idx: states in alphabetical order,
 * as literals). SQLite uses a partial index only for a query that repeats its condition.
 */
export const openNudge = (state: AnyColumn): SQL =>
	sql`${state} in ${sql.raw(
		`(${[...OPEN_NUDGE_STATES]
			.sort()
			.map((s) => `'${s}'`)
			.join(", ")})`,
	)}`;

/** What each kind is called where the user reads a list of them (status@, a contact's page, confirmations). */
export const NUDGE_KIND_WORDS: Record<NudgeKind, string> = {
	reach_out: "reach out",
	close_loop: "let them know",
	follow_up: "follow up",
	confirm_receipt: "confirm receipt",
	thank_you: "thank-you note",
	check_in: "check in",
	last_try: "last try",
	celebrate: "celebrate",
	reminder: "reminder",
};

/** A nudge's state in the user's words. */
export const NUDGE_STATE_WORDS: Record<NudgeState, string> = {
	pending: "due",
	sent: "sent",
	snoozed: "due again (snoozed)",
	done: "done",
	cancelled: "cancelled",
	superseded: "replaced by the next step",
};

export const isOpen = (state: NudgeState): state is OpenNudgeState =>
	(OPEN_NUDGE_STATES as readonly NudgeState[]).includes(state);

/** The outreach ladder: follow-ups, the last try, and a résumé's confirm-receipt. A reply stops all three. */
export const FOLLOW_UP_KINDS = ["follow_up", "last_try", "confirm_receipt"] as const satisfies readonly NudgeKind[];

export const isFollowUp = (kind: NudgeKind) => (FOLLOW_UP_KINDS as readonly NudgeKind[]).includes(kind);
