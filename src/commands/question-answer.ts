/**
 * A reply that answers our question ("stop Ann": Ann Lee and Ann Park both match)
 * with one of the names we offered: "Ann Park", "ann park", "Ann P", "Park". Pure.
 */
import type { PendingQuestion } from "./command-types";

/** The candidate `words` (lower case, without filler) names, or null when it names none or several. */
export function answerTo(question: PendingQuestion, words: string): string | null {
	const s = words.trim().toLowerCase();
	if (s.length < 2) return null;
	const named = question.candidates.slice(0, 20).filter((c) => c.trim() !== "");
	const lower = (c: string) => c.trim().toLowerCase().replace(/\s+/g, " ");
	const one = (found: string[]) => (found.length === 1 ? (found[0] ?? null) : null);
	const exact = named.filter((c) => lower(c) === s);
	if (exact.length) return one(exact);
	const prefix = named.filter((c) => lower(c).startsWith(s));
	if (prefix.length) return one(prefix);
	return one(
		named.filter((c) =>
			lower(c)
				.split(/[\s@.]+/)
				.includes(s),
		),
	);
}
