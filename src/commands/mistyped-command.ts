/**
 * Does a line we could not read look like a command with a typo ("snoze 2d",
 * "doen", "stpo Ann", "2 snoooze")? Such a line is reported even when the rest
 * of the reply worked; a sign-off ("Best,", "Robin", "Send me the deck") is not. Pure.
 */

import { editDistance } from "../lib/edit-distance";
import { LEAD_NUMBERS, parseCommandLine } from "./command-line";

const VERBS = [
	"done",
	"sent",
	"replied",
	"stop",
	"snooze",
	"pause",
	"resume",
	"help",
	"later",
	"digest",
	"timezone",
	"instant",
	"unsubscribe",
	"postpone",
	"defer",
	"unpause",
	"finished",
	"answered",
];
/** After an item number even a short word is meant as a verb ("2 mte"). */
const VERBS_AFTER_NUMBER = [...VERBS, "met"];

/** Everyday words one letter away from a verb, which open ordinary sentences. */
const EVERYDAY = new Set(
	(
		"bone cone dine dune dome dote dove dose doge gone hone lone none tone zone node dona dont doe dons " +
		"bent cent dent gent lent rent tent vent went sect seat send sends scent spent seen " +
		"atop step steps shop slop stoop stomp stow stops stopped " +
		"held hell helm kelp yelp whelp hemp heap helps helped " +
		"hater cater water latter lately layer latex late " +
		"cause paused pauses passe resumes resumed presume snoozed snoozes digests " +
		"replies relied applied implied supplied complied reapplied " +
		"finishes answers instance instants distant timezones postponed deter refer defers deferred unsubscribed"
	).split(" "),
);

function nearestVerb(word: string, verbs: string[], limit: number): string | null {
	let best: { verb: string; d: number } | null = null;
	for (const verb of verbs) {
		if (Math.abs(verb.length - word.length) > limit) continue;
		const d = editDistance(word, verb);
		if (d >= 1 && d <= limit && (!best || d < best.d)) best = { verb, d };
	}
	return best?.verb ?? null;
}

/** The line as typed, with `word` (in any case) replaced by `verb`. */
function retyped(raw: string, word: string, verb: string): string {
	const typed = raw
		.trim()
		.replace(/^[\s>*•\-–—]+/, "")
		.replace(/[.!,;:]+$/, "");
	const at = typed.toLowerCase().indexOf(word);
	return at < 0 ? verb : `${typed.slice(0, at)}${verb}${typed.slice(at + word.length)}`;
}

const isCommand = (line: string) => {
	const r = parseCommandLine(line);
	return r !== null && r !== "unknown";
};

const startsUpper = (raw: string, word: string) => {
	const at = raw.toLowerCase().indexOf(word);
	const first = at < 0 ? "" : raw.charAt(at);
	return first !== "" && first !== first.toLowerCase();
};

/**
 * `words` is the line normalised without filler (lower case). Returns what we think was
 * meant (null when we cannot tell), or null when the line does not look like a command.
 */
export function mistypedCommand(raw: string, words: string): { suggestion: string | null } | null {
	const lead = words.match(LEAD_NUMBERS);
	if (lead && (lead[1] ?? "").match(/\d+/g)?.every((n) => n.length <= 2)) {
		const rest = (lead[2] ?? "").trim();
		if (rest === "") return { suggestion: null };
		const [word = "", ...after] = rest.split(" ");
		const verb = /^[a-z]+$/.test(word) ? nearestVerb(word, VERBS_AFTER_NUMBER, word.length <= 3 ? 1 : 2) : null;
		if (verb) {
			const suggestion = `${(lead[1] ?? "").trim()} ${[verb, ...after].join(" ")}`;
			return { suggestion: isCommand(suggestion) ? retyped(raw, word, verb) : null };
		}
		// "2 blorp" is a command gone wrong; "42 Wallaby Way" or "10 minutes late" is not.
		return after.length === 0 && /^[a-z]+$/.test(word) && !startsUpper(raw, word) ? { suggestion: null } : null;
	}
	const parts = words.split(" ");
	const [word = ""] = parts;
	if (parts.length > 5 || word.length < 4 || !/^[a-z]+$/.test(word) || EVERYDAY.has(word)) return null;
	const verb = nearestVerb(word, VERBS, word.length >= 7 ? 2 : 1);
	if (!verb) return null;
	// A capitalised word near a short verb is more likely a name signing off ("Kent", "Dane Smith").
	if (verb.length <= 4 && startsUpper(raw, word) && !/\d/.test(words)) return null;
	const meant = [verb, ...parts.slice(1)].join(" ");
	return isCommand(meant) ? { suggestion: retyped(raw, word, verb) } : null;
}
