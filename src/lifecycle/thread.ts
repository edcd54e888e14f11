/**
 * The lifecycle's data (DESIGN.md, "The follow-up lifecycle"): a thread is one
 * contact's conversation, in one state, with at most one open nudge. Plain data.
 */
import type { DueTime } from "../time/resolve-delay";
import type { NudgeKind, OpenNudgeState, ThreadStatus } from "../tracking/nudge-kinds";

/** A rung of a ladder: its kind and number (follow-up 2, reach-out reminder 1…). */
export interface Rung {
	kind: NudgeKind;
	attempt: number;
}

/** The thread's one open nudge. */
export interface OpenNudge extends Rung {
	id: string;
	state: OpenNudgeState;
	threadId: string | null;
	dueAt: Date;
	dueOn: string | null;
	/** When it was delivered; null while undelivered. */
	sentAt: Date | null;
	/** Delivered rungs: when the next rung replaces this one (null: nothing follows). */
	wakeAt: Date | null;
	note: string | null;
}

export interface Thread {
	contactId: string;
	/** How the user knows them: "Ann Lee", else the address. */
	name: string;
	status: ThreadStatus;
	open: OpenNudge | null;
	/** The intro's own Date, for an introduced contact. */
	introducedAt: Date | null;
	/** When they met (a meeting's end): check-ins count from it. */
	metAt: Date | null;
	referrerId: string | null;
}

/** A nudge to open, due at `due`. */
export interface NextNudge extends Rung {
	due: DueTime;
	threadId: string | null;
	note: string | null;
}

/** Everything that moves a thread (the event column of DESIGN.md's table). */
export type ThreadEvent =
	/** The user wrote to them at `at` (the mail's own Date). */
	| {
			type: "outreach";
			at: Date;
			threadId: string | null;
			application?: boolean;
			/** From the address (3d@, monday@…): the first follow-up's due time. */
			firstDue?: DueTime | null;
			/** The referrer was in To/Cc of this outreach: her loop is closed by it. */
			referrerCopied?: boolean;
	  }
	/** They were introduced at `at` (the intro's own Date) by `referrerId`. */
	| { type: "introduced"; at: Date; threadId: string | null; referrerId: string | null }
	/** `nudgeId` (a reply command on an item): acts only while that item is the open one. */
	| { type: "reply"; at: Date; nudgeId?: string }
	/** They wrote to the user (a forward of their mail, not an answer we waited for): reply to them. */
	| { type: "wrote"; at: Date; threadId: string | null }
	| { type: "bounce" }
	/** Out of office until this local date. */
	| { type: "away"; until: string }
	/** `nudgeId`: the item the user was shown; another open nudge makes it stale. */
	| { type: "done"; nudgeId: string }
	| { type: "snooze"; nudgeId: string; until: DueTime }
	/** They met; `at` is the meeting's end. `thanked`: the user's mail was the thank-you itself. */
	| { type: "met"; at: Date; threadId: string | null; thanked?: boolean; nudgeId?: string }
	| { type: "meeting_cancelled" }
	| { type: "stop"; nudgeId?: string }
	/** On a referrer's thread: the user reached out to the person she introduced. */
	| { type: "loop"; about: string; threadId: string | null }
	/** On a referrer's thread: she was copied on that outreach, so the loop is closed. */
	| { type: "loop_closed" };

export interface Transition {
	status: ThreadStatus;
	/** The open nudge closes. */
	close: { id: string; state: "done" | "cancelled" | "superseded" } | null;
	/** The open nudge stays open and moves. */
	move: { id: string; state: "pending" | "snoozed" | "sent"; due: DueTime; wakeAt: Date | null } | null;
	/** A new open nudge (after `close`, never beside another). */
	open: NextNudge | null;
	/** Contact fields to set. */
	set: { introducedAt?: Date; metAt?: Date; referrerId?: string; lastContactAt?: Date };
	/**
	 * Outreach with no mail of its own (`done` on a reach-out): the thread records it
	 * as its last outbound, as a tracked mail does, so its follow-ups count from it.
	 */
	outbound?: { threadId: string; at: Date; nudgeId: string };
	/** Events this one causes on other threads (the referrer's). */
	causes: { contactId: string; event: ThreadEvent }[];
	/** stale: the item named is no longer the open one; unchanged: nothing to do. */
	result: "applied" | "stale" | "unchanged";
}
