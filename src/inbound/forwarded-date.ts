/**
 * When a forwarded mail happened (DESIGN.md, "Time": its own Date counts). Clients
 * write it their own way, often localised and without an offset ("Tue, Nov 24,
 * 2026 at 2:00 PM", "Dienstag, 24. November 2026 14:00"): read by chrono in the
 * user's timezone. Never in the future; null when nothing readable.
 */
import * as chrono from "chrono-node";
import { offsetMinutes } from "../time/local-time";
import type { ForwardedOriginal } from "./forwarded-message";

const PARSERS = [chrono.en, chrono.de, chrono.fr, chrono.es, chrono.nl, chrono.pt, chrono.it];
/** A date header is short; more is not a date. */
const MAX_DATE_TEXT = 200;

export function forwardedDate(fwd: Pick<ForwardedOriginal, "date" | "dateText">, tz: string, now: Date): Date | null {
	const found = fwd.date ?? readDateText(fwd.dateText, tz, now);
	return found && found.getTime() <= now.getTime() ? found : null;
}

function readDateText(text: string | null, tz: string, now: Date): Date | null {
	if (!text) return null;
	// Gmail's "… at 2:00 PM" and Outlook's "… um 14:00": the word between date and time is noise.
	const clean = text.slice(0, MAX_DATE_TEXT).replace(/\s(?:at|um|à|a las|om|às|alle)\s/i, " ");
	const ref = { instant: now, timezone: offsetMinutes(now, tz) };
	for (const parser of PARSERS) {
		// A date header names its day and month, in figures; "14:00" alone or "last week" is not one.
		const r = parser
			.parse(clean, ref)
			.find((x) => x.start.isCertain("day") && x.start.isCertain("month") && /\d/.test(x.text));
		const d = r?.start.date();
		if (d && !Number.isNaN(d.getTime())) return d;
	}
	return null;
}
