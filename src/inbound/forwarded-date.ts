/**
 * When a forwarded mail happened (DESIGN.md, "Time": its own Date counts). Clients
 * write it their own way, localised and often without an offset ("Tue, Nov 24,
 * 2026 at 2:00 PM", "26. lokakuuta 2021 klo 14.25.08 UTC+3"): time/header-date.ts
 * reads it, in the user's timezone when it names no offset. Only what that reader
 * does not recognise goes to chrono, and only to the parsers of the languages whose
 * month words the text holds: chrono compiles its patterns on first use (13–25 ms
 * for en or it inside workerd), which a fresh isolate would otherwise pay on its
 * first forward. Never in the future; null when nothing readable or when figures
 * read two ways (03/04/2021) and nothing in the text tells which.
 */
import * as chrono from "chrono-node";
import { HEADER_DATE_MAX, readHeaderDate } from "../time/header-date";
import { offsetMinutes } from "../time/local-time";
import type { ForwardedOriginal } from "./forwarded-message";

/** Chrono's parsers by the language codes of time/month-names.ts; languages chrono has none for are absent. */
const CHRONO: Readonly<Record<string, Pick<typeof chrono.en, "parse">>> = {
	en: chrono.en,
	de: chrono.de,
	fr: chrono.fr,
	es: chrono.es,
	nl: chrono.nl,
	pt: chrono.pt,
	it: chrono.it,
	sv: chrono.sv,
	fi: chrono.fi,
	ru: chrono.ru,
	uk: chrono.uk,
};

export function forwardedDate(fwd: Pick<ForwardedOriginal, "date" | "dateText">, tz: string, now: Date): Date | null {
	const found = fwd.date ?? readDateText(fwd.dateText, tz, now);
	return found && found.getTime() <= now.getTime() ? found : null;
}

/** The chrono parsers worth running on a text the header reader could not read. Exported for its test. */
export function chronoLanguagesFor(text: string, tz: string): string[] {
	const r = readHeaderDate(text, tz);
	return r.kind === "unread" ? r.languages.filter((l) => l in CHRONO) : [];
}

function readDateText(text: string | null, tz: string, now: Date): Date | null {
	if (!text) return null;
	const r = readHeaderDate(text, tz);
	if (r.kind === "date") return r.at;
	if (r.kind === "ambiguous") return null;
	const parsers = r.languages.flatMap((l) => CHRONO[l] ?? []);
	if (parsers.length === 0) return null;
	// Gmail's "… at 2:00 PM" and Outlook's "… um 14:00": the word between date and time is noise.
	const clean = text.slice(0, HEADER_DATE_MAX).replace(/\s(?:at|um|à|a las|om|às|alle)\s/i, " ");
	const ref = { instant: now, timezone: offsetMinutes(now, tz) };
	for (const parser of parsers) {
		// A date header names its day and month, in figures; "14:00" alone or "last week" is not one.
		const found = parser
			.parse(clean, ref)
			.find((x) => x.start.isCertain("day") && x.start.isCertain("month") && /\d/.test(x.text));
		const d = found?.start.date();
		if (d && !Number.isNaN(d.getTime())) return d;
	}
	return null;
}
