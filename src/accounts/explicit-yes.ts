/**
 * Adding an address to an account takes an explicit yes from that address
 * (DESIGN.md, Trust and safety). Only the first line of the sender's new text
 * counts, and only a plain yes: "yes", "Yes, that's me.", "yes please", "ja",
 * "oui", "sí". A question, a doubt or any other text is not a yes.
 */

const YES_WORDS = ["yes", "yep", "yeah", "confirm", "confirmed", "ja", "oui", "si", "sí"];
const TAILS = ["", "please", "it's me", "its me", "that's me", "thats me", "it is me", "add it", "confirmed", "thanks"];
const MAX_LINE = 60;

/** Bounded and linear: the line is cut to 60 characters and split, never matched by a pattern that can backtrack. */
export function isExplicitYes(newText: string): boolean {
	const first = newText
		.split("\n", 20)
		.map((l) => l.trim())
		.find((l) => l.length > 0);
	if (!first || first.length > MAX_LINE || first.includes("?")) return false;
	const words = first
		.toLowerCase()
		.replace(/[’`]/g, "'")
		.replace(/[.!,;:]+/g, " ")
		.split(/\s+/)
		.filter(Boolean);
	const [head, ...rest] = words;
	if (!head || !YES_WORDS.includes(head)) return false;
	return TAILS.includes(rest.join(" "));
}
