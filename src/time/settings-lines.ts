/**
 * The values of the settings commands ("timezone Berlin", "digest 7am"): an IANA
 * zone from a name or a city, and a clock time. Pure; the grammar is command-grammar.ts.
 */
import { canonicalTimezone } from "./local-time";

let zones: string[] | null = null;
const allZones = () => {
	zones ??= Intl.supportedValuesOf("timeZone");
	return zones;
};

/** An IANA zone from "Europe/Berlin", "europe/berlin", "Berlin" or "new york". */
export function resolveTimezone(input: string): string | null {
	const s = input.trim().replace(/\s+/g, "_");
	if (!s) return null;
	if (/^utc$|^gmt$/i.test(s)) return "UTC";
	const exact = canonicalTimezone(s);
	if (exact && s.includes("/")) return exact;
	const city = allZones().find((z) => z.split("/").pop()?.toLowerCase() === s.toLowerCase());
	if (city) return city;
	return canonicalTimezone(s);
}

/** "7am" → 420, "07:30" → 450, "19h" → 1140, "7.30pm" → 1170. */
export function parseClock(input: string): number | null {
	const m = input
		.trim()
		.toLowerCase()
		.match(/^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|h)?$/);
	if (!m) return null;
	let hour = Number(m[1]);
	const minute = Number(m[2] ?? "0");
	const suffix = m[3];
	if (minute > 59) return null;
	if (suffix === "am" || suffix === "pm") {
		if (hour < 1 || hour > 12) return null;
		hour = (hour % 12) + (suffix === "pm" ? 12 : 0);
	} else if (hour > 23) return null;
	return hour * 60 + minute;
}
