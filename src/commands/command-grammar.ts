/**
 * The reply command grammar (DESIGN.md): one command per line, case- and
 * punctuation-tolerant, targeting items by number ("1 done", "done 1 3",
 * "2 snooze 1w"), by name ("stop Ann"), or all. Pure; dates stay phrases here.
 */
import { parseClock, resolveTimezone } from "../time/settings-lines";

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
	line: string;
}

export interface ParsedCommands {
	commands: Command[];
	/** Lines that look like commands but could not be read. */
	unknown: string[];
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

/** "3d", "3 days", "2 weeks", "a week", "until monday", "till dec 3", "tomorrow", "next week", "monday". */
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
	const until = s.match(/^(?:until|till|til|to|for)\s+(.+)$/);
	const phrase = until?.[1] ?? s;
	const month = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
	const dateLike = new RegExp(
		`^(mon|tue|wed|thu|fri|sat|sun|${month}|next\\s|tomorrow|\\d{1,2}(st|nd|rd|th)?\\s+(of\\s+)?(${month})|\\d{1,2}[/.-]\\d)`,
	);
	if (dateLike.test(phrase)) {
		return { kind: "phrase", phrase };
	}
	return null;
}

interface Verb {
	pattern: RegExp;
	/** The rest of the line after the verb: arguments, then a target. */
	build: (rest: string) => { action: Action; rest: string } | null;
}

const simple =
	(kind: "done" | "replied" | "met" | "stop" | "pause" | "resume" | "help" | "got_job") => (rest: string) => ({
		action: { kind } as Action,
		rest,
	});

const VERBS: Verb[] = [
	{ pattern: /^(?:i\s+)?got\s+(?:the|a)\s+job\b|^i'?m\s+hired\b|^got\s+hired\b/, build: simple("got_job") },
	{ pattern: /^(?:done|sent|did it|finished|ok done|followed up)\b/, build: simple("done") },
	{
		pattern: /^(?:replied|they replied|(?:she|he) replied|got a reply|answered|they answered)\b/,
		build: simple("replied"),
	},
	{ pattern: /^(?:met|we met)\b/, build: simple("met") },
	{ pattern: /^(?:stop|move on|moving on|drop|close)\b/, build: simple("stop") },
	{ pattern: /^(?:pause|unsubscribe|stop all)\b/, build: simple("pause") },
	{ pattern: /^(?:resume|unpause|restart)\b/, build: simple("resume") },
	{ pattern: /^(?:help|\?|commands)$/, build: simple("help") },
	{ pattern: /^(?:instant)$/, build: () => ({ action: { kind: "mode", mode: "instant" }, rest: "" }) },
	{ pattern: /^(?:digest)$/, build: () => ({ action: { kind: "mode", mode: "digest" }, rest: "" }) },
	{
		pattern: /^(?:time\s*zone|tz)\b/,
		build: (rest) => {
			const zone = resolveTimezone(rest.replace(/^[:=]\s*/, ""));
			return zone ? { action: { kind: "timezone", zone }, rest: "" } : null;
		},
	},
	{
		pattern: /^digest(?:\s+at)?\b/,
		build: (rest) => {
			const minutes = parseClock(rest.replace(/^[:=]\s*/, ""));
			return minutes === null ? null : { action: { kind: "digest_time", minutes }, rest: "" };
		},
	},
	{ pattern: /^later$/, build: () => ({ action: { kind: "snooze", delay: { kind: "days", days: 1 } }, rest: "" }) },
	{
		pattern: /^next week$/,
		build: () => ({ action: { kind: "snooze", delay: { kind: "phrase", phrase: "next monday" } }, rest: "" }),
	},
	{
		pattern: /^(?:snooze|remind me|postpone|defer)\b/,
		build: (rest) => {
			// "snooze ann 3d" or "snooze 3d": try the longest tail as a delay.
			const words = rest.split(" ").filter(Boolean);
			for (let i = 0; i <= words.length; i++) {
				const delay = parseSnoozeDelay(
					words
						.slice(i)
						.join(" ")
						.replace(/^in\s+/, ""),
				);
				const target = words.slice(0, i).join(" ");
				// "until the cows come home" is a date we could not read, not a name.
				if (delay && !/^(until|till|til|for|in|to)\b/.test(target))
					return { action: { kind: "snooze", delay }, rest: target };
			}
			return null;
		},
	},
];

function normalise(line: string): string {
	return line
		.toLowerCase()
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/^[\s>*•\-–—]+/, "")
		.replace(/[.!,;:]+$/, "")
		.replace(/,/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}

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
	if (/\d/.test(s)) return "bad";
	return /^[\p{L}' .-]{2,60}$/u.test(s) ? { kind: "name", name: s } : "bad";
}

export function parseCommandLine(raw: string): Command | null | "unknown" {
	const line = normalise(raw);
	if (line === "") return null;
	// Leading item numbers: "1 done", "1 3 snooze 2d", "#2 stop".
	const lead = line.match(/^((?:#?\d{1,3}\s*(?:and\s+)?)+)\s*(.*)$/);
	const leadNumbers = lead ? [...new Set((lead[1] ?? "").match(/\d+/g)?.map(Number) ?? [])] : [];
	const body = lead ? (lead[2] ?? "") : line;
	for (const verb of VERBS) {
		const m = body.match(verb.pattern);
		if (!m) continue;
		const built = verb.build(body.slice(m[0].length).trim());
		if (!built) return "unknown";
		if (leadNumbers.length) {
			if (built.rest !== "") return "unknown";
			return { action: built.action, target: { kind: "numbers", numbers: leadNumbers }, line: raw.trim() };
		}
		const target = readTarget(built.rest);
		if (target === "bad") return "unknown";
		return { action: built.action, target, line: raw.trim() };
	}
	return "unknown";
}

/** Reads every line of the new text. Lines after a signature marker are ignored. */
export function parseCommands(text: string): ParsedCommands {
	const out: ParsedCommands = { commands: [], unknown: [] };
	for (const raw of text.split(/\r?\n/)) {
		if (/^(--\s*|sent from my|get outlook for)/i.test(raw.trim())) break;
		const parsed = parseCommandLine(raw);
		if (parsed === null) continue;
		if (parsed === "unknown") out.unknown.push(raw.trim());
		else out.commands.push(parsed);
	}
	return out;
}
