/**
 * One command in a few words: a verb, its arguments, and its target ("1 done",
 * "done 1 3", "2 snooze 1w", "stop Ann"), tolerant of case, punctuation and
 * polite words ("snooze 3 days please"). Pure; dates stay phrases here.
 */

import { parseClock, readTimezone } from "../time/settings-lines";
import type { LineIssue } from "./command-issues";
import { type Action, type Command, GLOBAL_ACTIONS, type SnoozeDelay, type Target } from "./command-types";

/** An issue before we know its line. */
type IssueDetail = DistributiveOmit<LineIssue, "line">;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const UNITS: Record<string, number> = {
	d: 1,
	day: 1,
	days: 1,
	w: 7,
	wk: 7,
	wks: 7,
	week: 7,
	weeks: 7,
	m: 30,
	month: 30,
	months: 30,
};
const WORD_NUMBERS: Record<string, number> = {
	a: 1,
	an: 1,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	ten: 10,
};
const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
const DATE_LIKE = new RegExp(
	`^(mon|tue|wed|thu|fri|sat|sun|${MONTHS}|next\\s|tomorrow|\\d{1,2}(st|nd|rd|th)?\\s+(of\\s+)?(${MONTHS})|\\d{1,2}[/.-]\\d|\\d{4}-\\d{1,2}-\\d{1,2}$)`,
);

/** "3d", "3 days", "2 weeks", "a week", "until monday", "till dec 3", "until 30 nov 2027", "tomorrow", "next week". */
export function parseSnoozeDelay(words: string): SnoozeDelay | null {
	const s = words.trim();
	if (s === "") return { kind: "days", days: 1 };
	const n = s.match(
		/^(?:for\s+|in\s+)?(\d{1,3}|a|an|one|two|three|four|five|six|seven|ten)\s*(d|days?|w|wks?|weeks?|m|months?)$/,
	);
	if (n) {
		const count = /^\d+$/.test(n[1] ?? "") ? Number(n[1]) : (WORD_NUMBERS[n[1] ?? ""] ?? 0);
		const days = count * (UNITS[n[2] ?? "d"] ?? 1);
		return days >= 1 && days <= 366 ? { kind: "days", days } : null;
	}
	if (s === "tomorrow") return { kind: "days", days: 1 };
	if (s === "next week") return { kind: "phrase", phrase: "next monday" };
	const until = s.match(/^(?:until|untill|unitl|till|til|to|for)\s+(.+)$/);
	const phrase = until?.[1] ?? s;
	return DATE_LIKE.test(phrase) ? { kind: "phrase", phrase } : null;
}

type Built = { action: Action; rest: string } | { issue: IssueDetail } | null;

interface Verb {
	/** The action it stands for, to name it when its arguments cannot be read. */
	kind: Action["kind"];
	pattern: RegExp;
	/** The rest of the line after the verb (lower case, and as typed): arguments, then a target. */
	build: (rest: string, typed: string) => Built;
	/** Only a command uses this verb, so a line starting with it that we cannot read is always reported. */
	strict?: boolean;
}

const simple =
	(kind: "done" | "replied" | "met" | "stop" | "got_job") =>
	(rest: string): Built => ({ action: { kind } as Action, rest });

/** "pause", "pause all", "pause reminders": anything else after it is a sentence, not a command. */
const accountWide =
	(kind: "pause" | "resume") =>
	(rest: string): Built =>
		/^(?:|all|everything|reminders|all reminders|nudges|emails|me|it)$/.test(rest)
			? { action: { kind }, rest: "" }
			: null;

const VERBS: Verb[] = [
	{
		kind: "got_job",
		pattern: /^(?:i\s+)?got\s+(?:the|a)\s+job\b|^i'?m\s+hired\b|^got\s+hired\b/,
		build: simple("got_job"),
	},
	{ kind: "done", pattern: /^(?:done|sent|did it|finished|ok done|followed up)\b/, build: simple("done") },
	{
		kind: "replied",
		pattern: /^(?:replied|they replied|(?:she|he) replied|got a reply|answered|they answered)\b/,
		build: simple("replied"),
	},
	{ kind: "met", pattern: /^(?:met|we met)\b/, build: simple("met") },
	{ kind: "stop", pattern: /^(?:stop|move on|moving on|drop|close)\b/, build: simple("stop") },
	{ kind: "pause", pattern: /^(?:pause|unsubscribe|stop all)\b/, build: accountWide("pause") },
	{ kind: "resume", pattern: /^(?:resume|unpause|restart)\b/, build: accountWide("resume") },
	{ kind: "help", pattern: /^(?:help|\?|commands)$/, build: () => ({ action: { kind: "help" }, rest: "" }) },
	{
		kind: "mode",
		pattern: /^instant(?: mode)?$/,
		build: () => ({ action: { kind: "mode", mode: "instant" }, rest: "" }),
	},
	{
		kind: "mode",
		pattern: /^digest(?: mode)?$/,
		build: () => ({ action: { kind: "mode", mode: "digest" }, rest: "" }),
	},
	{
		kind: "timezone",
		pattern: /^(?:time\s*zone|tz)\b/,
		strict: true,
		build: (_rest, typed) => {
			const r = readTimezone(typed);
			return r.kind === "zone"
				? { action: { kind: "timezone", zone: r.zone }, rest: "" }
				: { issue: { kind: "timezone", problem: r } };
		},
	},
	{
		kind: "digest_time",
		pattern: /^digest(?:\s+at)?\b/,
		strict: true,
		build: (rest, typed) => {
			const minutes = parseClock(rest.replace(/^[:=]\s*/, ""));
			if (minutes !== null) return { action: { kind: "digest_time", minutes }, rest: "" };
			return { issue: { kind: "clock", input: typed.replace(/^[:=]\s*/, "").trim() } };
		},
	},
	{
		kind: "snooze",
		pattern: /^later$/,
		build: () => ({ action: { kind: "snooze", delay: { kind: "days", days: 1 } }, rest: "" }),
	},
	{
		kind: "snooze",
		pattern: /^next week$/,
		build: () => ({ action: { kind: "snooze", delay: { kind: "phrase", phrase: "next monday" } }, rest: "" }),
	},
	{
		kind: "snooze",
		pattern: /^(?:snooze|postpone|defer)\b/,
		strict: true,
		build: (rest) => snoozeArguments(rest),
	},
	{ kind: "snooze", pattern: /^remind me\b/, build: (rest) => snoozeArguments(rest) },
];

/** "snooze ann 3d" or "snooze 3d": the longest tail that reads as a delay; what is before it is the target. */
function snoozeArguments(rest: string): Built {
	const words = rest.split(" ").filter(Boolean).slice(0, 12);
	for (let i = 0; i <= words.length; i++) {
		const delay = parseSnoozeDelay(
			words
				.slice(i)
				.join(" ")
				.replace(/^in\s+/, ""),
		);
		const target = words.slice(0, i).join(" ");
		// "until the cows come home" is a date we could not read, not a name.
		if (delay && !/^(until|untill|unitl|till|til|for|in|to)\b/.test(target))
			return { action: { kind: "snooze", delay }, rest: target };
	}
	return null;
}

/** Lower case, no bullet or closing punctuation, single spaces. */
export function normalise(line: string): string {
	return line
		.slice(0, 300)
		.toLowerCase()
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/^[\s>*•\-–—]+/, "")
		.replace(/[.!,;:]+$/, "")
		.replace(/,/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}

const LEADING_FILLER = /^(?:please|pls|plz|kindly|ok|okay|thanks|thank you|thx|hi|hello|hey|sure|yes)(?: |$)/;
const TRAILING_FILLER =
	/(?:^| )(?:please|pls|plz|thanks|thanks a lot|thank you|thank you very much|thx|ty|for me|ok|okay|cheers)$/;
const PLEASANTRY =
	/^(?:great|perfect|awesome|cool|nice|sounds good|got it|will do|noted|yep|yeah|all good|(?:hi|hello|hey|dear)(?: [\p{L}'-]+){0,2})$/u;

/** The words without polite filler around them: "please snooze 1w" → "snooze 1w". */
export function withoutFiller(line: string): string {
	let s = line;
	for (let i = 0; i < 4; i++) {
		const next = s
			.replace(LEADING_FILLER, "")
			.replace(TRAILING_FILLER, "")
			.replace(/[.!,;:]+$/, "")
			.trim();
		if (next === s) break;
		s = next;
	}
	return s;
}

/** A line of nothing but courtesy: "Thanks!", "Sounds good", "Hi Robin". */
export function isPleasantry(normalised: string): boolean {
	const s = withoutFiller(normalised);
	return s === "" || PLEASANTRY.test(s);
}

const NOT_A_NAME =
	/^(?:you|me|him|her|them|it|us|the|a|an|my|your|his|their|our|this|that|these|those|from|via|to|by|at|in|of|off|out|up|about|and|but|so|if|i|we|they|he|she|is|was|will|be|back|over|now|today|here|there)(?: |$)/;

function readTarget(words: string): Target | "bad" {
	const s = words.trim().replace(/^(?:for|with|on|item|items|#)\s*/, "");
	if (s === "") return { kind: "implicit" };
	if (/^(?:all|everything|everyone|all of them)$/.test(s)) return { kind: "all" };
	const nums = s
		.replace(/#/g, "")
		.replace(/\band\b/g, " ")
		.split(/\s+/)
		.filter(Boolean);
	if (nums.every((w) => /^\d{1,3}$/.test(w))) return { kind: "numbers", numbers: [...new Set(nums.map(Number))] };
	if (/^(?:it|this|this one|that|that one|him|her|them)$/.test(s)) return { kind: "implicit" };
	// "Stop by any time", "Sent you the deck", "Sent from Mail for Windows": a sentence, not a name.
	if (/\d/.test(s) || s.split(" ").length > 3 || NOT_A_NAME.test(s)) return "bad";
	return /^[\p{L}' .-]{2,60}$/u.test(s) ? { kind: "name", name: s } : "bad";
}

/** The typed text after the verb, in its own case: the part of `raw` that `rest` stands for. */
function typedRest(raw: string, rest: string): string {
	if (!rest) return "";
	const at = raw.toLowerCase().lastIndexOf(rest);
	return at < 0 ? rest : raw.slice(at, at + rest.length);
}

export type PieceReading =
	| { kind: "blank" }
	| { kind: "command"; command: Command }
	| { kind: "issue"; issue: LineIssue }
	/** Not a command: `words` is the line normalised and without filler. */
	| { kind: "other"; words: string };

const LEAD_ALL = /^all (?:of them |items )?(\S.*)$/;

/** Leading item numbers: "1 done", "1 3 snooze 2d", "#2 stop". */
export const LEAD_NUMBERS = /^((?:#?\d{1,3}(?: |$)(?:and )?)+)(.*)$/;

/** Reads a few words as one command, a command we could not apply, or something else. */
export function readPiece(raw: string): PieceReading {
	const normal = normalise(raw);
	if (normal === "") return { kind: "blank" };
	const line = withoutFiller(normal);
	const typed = raw.trim();
	const issue = (detail: IssueDetail): PieceReading => ({
		kind: "issue",
		issue: { ...detail, line: typed } as LineIssue,
	});
	const lead = line.match(LEAD_NUMBERS);
	const leadNumbers = lead ? [...new Set((lead[1] ?? "").match(/\d+/g)?.map(Number) ?? [])] : [];
	// "all done", "all of them snoozed 1w": the verb's target is every item.
	const leadAll = lead ? null : line.match(LEAD_ALL);
	const body = lead ? (lead[2] ?? "").trim() : leadAll ? (leadAll[1] ?? "") : line;
	for (const verb of VERBS) {
		const m = body.match(verb.pattern);
		if (!m) continue;
		const rest = body.slice(m[0].length).trim();
		const built = verb.build(rest, typedRest(typed, rest));
		// A verb whose rest we cannot read: a command gone wrong, or a sentence ("Stop by any time").
		const unread = (): PieceReading =>
			verb.strict || leadNumbers.length || /\d/.test(rest)
				? issue({ kind: "bad_arguments", action: verb.kind })
				: { kind: "other", words: line };
		if (!built) return unread();
		if ("issue" in built) return issue(built.issue);
		if (leadAll) {
			if (built.rest !== "" || GLOBAL_ACTIONS.has(built.action.kind)) return { kind: "other", words: line };
			return { kind: "command", command: { action: built.action, target: { kind: "all" }, line: typed } };
		}
		if (leadNumbers.length) {
			if (built.rest !== "") return unread();
			return {
				kind: "command",
				command: { action: built.action, target: { kind: "numbers", numbers: leadNumbers }, line: typed },
			};
		}
		const target = readTarget(built.rest);
		if (target === "bad") return unread();
		return { kind: "command", command: { action: built.action, target, line: typed } };
	}
	return { kind: "other", words: line };
}

/** One line as one command; null for a blank line, "unknown" for anything else. */
export function parseCommandLine(raw: string): Command | null | "unknown" {
	const r = readPiece(raw);
	if (r.kind === "blank") return null;
	return r.kind === "command" ? r.command : "unknown";
}
