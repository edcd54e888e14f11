/**
 * The values of the settings commands ("timezone Berlin", "digest 7am"): an IANA
 * zone from a name, a city or an abbreviation, and a clock time. What cannot be
 * read is a tagged reason the reply can explain. Pure; the grammar is command-grammar.ts.
 */

import { editDistance } from "../lib/edit-distance";
import { canonicalTimezone } from "./local-time";
import { type ZoneChoice, zoneForName } from "./timezone-names";

export type { ZoneChoice } from "./timezone-names";

let zones: string[] | null = null;
const allZones = () => {
	zones ??= Intl.supportedValuesOf("timeZone");
	return zones;
};

/** Why a timezone line was not applied. */
export type TimezoneProblem =
	/** Not a zone, a city or an abbreviation we know; `suggestion` is a near city's zone. */
	| { kind: "unknown"; input: string; suggestion: string | null }
	/** An abbreviation used in several places ("IST", "CST"). */
	| { kind: "ambiguous"; input: string; choices: ZoneChoice[] }
	/** A fixed offset ("UTC+2", "+05:30", "Etc/GMT-3"): it would be wrong once daylight saving changes. */
	| { kind: "offset"; input: string };

export type TimezoneReading = { kind: "zone"; zone: string } | TimezoneProblem;

const OFFSET = /^(?:(?:utc|gmt)\s*)?[+\-\u2212]\s*\d{1,2}(?::?\d{2})?$|^etc\/gmt[+-]\d{1,2}$/i;
const cityOf = (zone: string) => (zone.split("/").pop() ?? "").toLowerCase();

function nearCity(input: string): string | null {
	const s = input.toLowerCase().replace(/\s+/g, "_");
	if (s.length < 4) return null;
	const limit = s.length >= 7 ? 2 : 1;
	let best: { zone: string; d: number } | null = null;
	for (const zone of allZones()) {
		const city = cityOf(zone);
		if (Math.abs(city.length - s.length) > limit) continue;
		const d = editDistance(s, city);
		if (d <= limit && (!best || d < best.d)) best = { zone, d };
	}
	return best?.zone ?? null;
}

/** An IANA zone from "Europe/Berlin", "Berlin", "new york", "EST" or "Pacific time", or why not. */
export function readTimezone(raw: string): TimezoneReading {
	const input = raw
		.trim()
		.replace(/^[:=]\s*/, "")
		.replace(/[.!,;]+$/, "")
		.slice(0, 60);
	if (!input) return { kind: "unknown", input: "", suggestion: null };
	if (OFFSET.test(input)) return { kind: "offset", input };
	const named = zoneForName(input);
	if (named?.kind === "zone") return named;
	if (named) return { kind: "ambiguous", input, choices: named.choices };
	const s = input.replace(/\s+/g, "_");
	const exact = canonicalTimezone(s);
	if (exact && s.includes("/")) return { kind: "zone", zone: exact };
	const city = allZones().find((z) => cityOf(z) === s.toLowerCase());
	if (city) return { kind: "zone", zone: city };
	// Legacy names without a slash ("Japan", "EST5EDT") are real zones; bare letters were handled above.
	if (exact && /[a-z]/i.test(s)) return { kind: "zone", zone: exact };
	return { kind: "unknown", input, suggestion: nearCity(input) };
}

/** An IANA zone from a name, a city or an unambiguous abbreviation; null for anything else. */
export function resolveTimezone(input: string): string | null {
	const r = readTimezone(input);
	return r.kind === "zone" ? r.zone : null;
}

/** "7am" → 420, "07:30" → 450, "19h" → 1140, "7.30pm" → 1170, "noon" → 720. */
export function parseClock(input: string): number | null {
	const s = input.trim().toLowerCase();
	if (s === "noon" || s === "midday") return 720;
	const m = s.match(/^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h)?$/);
	if (!m) return null;
	let hour = Number(m[1]);
	const minute = Number(m[2] ?? "0");
	const suffix = m[3]?.replace(/\./g, "");
	if (minute > 59) return null;
	if (suffix === "am" || suffix === "pm") {
		if (hour < 1 || hour > 12) return null;
		hour = (hour % 12) + (suffix === "pm" ? 12 : 0);
	} else if (hour > 23) return null;
	return hour * 60 + minute;
}
