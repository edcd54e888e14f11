/**
 * When is someone back, according to their out-of-office reply? Sentences with a
 * return cue ("back on", "until", "zurück am", "de retour le", "hasta el") are
 * read with chrono in several languages; in a range, the end counts. Pure.
 * Bounded: the first OOO_TEXT_MAX characters, at most OOO_MAX_SENTENCES cue
 * sentences, each cut to OOO_SENTENCE_MAX characters before chrono sees it.
 */
import * as chrono from "chrono-node";
import { Temporal } from "temporal-polyfill";
import { localDate, offsetMinutes } from "../time/local-time";

const CUE =
	/\b(back|return|returning|until|till|through|thru|away|out of (the )?office|zurück|wieder|bis|retour|jusqu|regreso|hasta|rientro|fino)\b/i;
/** A yearless date in the past is read as next year only if that is this close. */
const MAX_AHEAD_DAYS = 200;
/** An out-of-office note says when they are back in its first lines. */
export const OOO_TEXT_MAX = 4000;
export const OOO_MAX_SENTENCES = 12;
export const OOO_SENTENCE_MAX = 300;
const PARSERS = [chrono.en, chrono.de, chrono.fr, chrono.es, chrono.it, chrono.nl, chrono.pt];

/** The local date they are back (or away until), or null when the text gives none after `sentAt`. */
export function parseReturnDate(text: string, sentAt: Date, tz: string): string | null {
	const sent = localDate(sentAt, tz);
	const ref = { instant: sentAt, timezone: offsetMinutes(sentAt, tz) };
	// Sentences end after a letter: "2. Dezember" is a German date, not a full stop.
	const sentences = text
		.slice(0, OOO_TEXT_MAX)
		.split(/(?<=\p{L}[.!?])\s+|\n+/u)
		.map((s) => s.slice(0, OOO_SENTENCE_MAX))
		.filter((s) => CUE.test(s))
		.slice(0, OOO_MAX_SENTENCES);
	for (const sentence of sentences) {
		for (const parser of PARSERS) {
			const last = parser.parse(sentence, ref).at(-1);
			if (!last) continue;
			const c = last.end ?? last.start;
			let date = Temporal.PlainDate.from({
				year: c.get("year") ?? 0,
				month: c.get("month") ?? 1,
				day: c.get("day") ?? 1,
			});
			if (c.isCertain("weekday") && !c.isCertain("day") && date.toString() <= sent) date = date.add({ days: 7 });
			if (!c.isCertain("year") && date.toString() < sent) {
				const next = date.add({ years: 1 });
				if (Temporal.PlainDate.from(sent).until(next).days > MAX_AHEAD_DAYS) continue;
				date = next;
			}
			if (date.toString() > sent) return date.toString();
		}
	}
	return null;
}
