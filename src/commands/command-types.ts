/** The values the reply grammar produces: actions, their targets, and a question waiting for its answer. */

export type SnoozeDelay = { kind: "days"; days: number } | { kind: "phrase"; phrase: string };

export type Action =
	| { kind: "done" }
	| { kind: "replied" }
	| { kind: "met" }
	| { kind: "stop" }
	| { kind: "snooze"; delay: SnoozeDelay }
	| { kind: "pause" }
	| { kind: "resume" }
	| { kind: "help" }
	| { kind: "got_job" }
	| { kind: "timezone"; zone: string }
	| { kind: "digest_time"; minutes: number }
	| { kind: "mode"; mode: "digest" | "instant" };

export type Target =
	| { kind: "implicit" }
	| { kind: "numbers"; numbers: number[] }
	| { kind: "name"; name: string }
	| { kind: "all" }
	/** Never parsed from mail: the dashboard and API name a contact by id. */
	| { kind: "contact"; contactId: string };

export interface Command {
	action: Action;
	target: Target;
	/** The words that gave this command, as typed (one part of a line that held several). */
	line: string;
}

/**
 * A question we asked in our last mail ("stop Ann": Ann Lee and Ann Park both match),
 * stored with that mail's reply token: a reply naming one candidate is that action on them.
 */
export interface PendingQuestion {
	action: Action;
	/** The names we offered, as shown ("Ann Lee", "Ann Park", or an address). */
	candidates: string[];
}

/** Actions about the account, not about an item. */
export const GLOBAL_ACTIONS = new Set<Action["kind"]>([
	"pause",
	"resume",
	"help",
	"got_job",
	"timezone",
	"digest_time",
	"mode",
]);
