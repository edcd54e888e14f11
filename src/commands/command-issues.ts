/**
 * Why a line of a reply was not applied, as values, and the one sentence the
 * reply says about each. Pure.
 */

import type { TimezoneProblem } from "../time/settings-lines";
import type { Action } from "./command-types";

export type LineIssue =
	/** Nothing in it reads as a command (reported only when no line of the reply did). */
	| { kind: "unknown"; line: string }
	/** Looks like a command with a typo ("snoze 2d", "2 snoooze"); `suggestion` is the line we think was meant. */
	| { kind: "mistyped"; line: string; suggestion: string | null }
	/** A known command whose rest could not be read ("snooze until never", "done 1 ann"). */
	| { kind: "bad_arguments"; line: string; action: Action["kind"] }
	/** "timezone Mars/Olympus", "timezone IST", "timezone UTC+2". */
	| { kind: "timezone"; line: string; problem: TimezoneProblem }
	/** "digest 25pm". */
	| { kind: "clock"; line: string; input: string };

const quote = (s: string) => `"${s.length > 80 ? `${s.slice(0, 79)}…` : s}"`;
const SNOOZE_HINT = 'Try "snooze 3d", "snooze 2 weeks" or "snooze until monday".';

function orList(items: string[]): string {
	return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

function timezoneText(p: TimezoneProblem): string {
	switch (p.kind) {
		case "unknown":
			if (!p.input) return 'Which timezone? Reply like "timezone Berlin" or "timezone Europe/Berlin".';
			return p.suggestion
				? `${quote(p.input)} isn't a timezone I know. Did you mean ${p.suggestion}? Reply "timezone ${p.suggestion}".`
				: `${quote(p.input)} isn't a timezone I know: try a city ("timezone Berlin") or a name like Europe/Berlin.`;
		case "ambiguous":
			return `${quote(p.input)} is used in more than one place: reply ${orList(
				p.choices.map((c) => `"timezone ${c.zone}" (${c.label})`),
			)}.`;
		case "offset":
			return `${quote(p.input)} is a fixed offset, which goes wrong when daylight saving changes: try a city ("timezone Berlin") or a name like Europe/Berlin.`;
	}
}

/** The sentence the reply says about one line it did not apply. */
export function describeIssue(issue: LineIssue): string {
	const line = quote(issue.line);
	switch (issue.kind) {
		case "unknown":
			return `${line}: I don't know that command.`;
		case "mistyped":
			return issue.suggestion
				? `${line}: did you mean "${issue.suggestion}"? Nothing was changed for that line.`
				: `${line}: I don't know that command.`;
		case "bad_arguments":
			return issue.action === "snooze"
				? `${line}: I couldn't read when. ${SNOOZE_HINT}`
				: `${line}: I couldn't tell which items. Use their numbers, like "1 3 ${issue.action.replace("_", " ")}", or a name, like "${issue.action.replace("_", " ")} Ann".`;
		case "timezone":
			return timezoneText(issue.problem);
		case "clock":
			return `${quote(issue.input)} isn't a time of day I can read: try "digest 7am" or "digest 18:30".`;
	}
}
