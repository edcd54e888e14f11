/**
 * Settings a user can write in a reply, one per line: "timezone Europe/Berlin"
 * (or a city: "timezone Berlin"), "digest 7am" / "digest 07:30". Pure.
 */
import { canonicalTimezone } from "../time/local-time";

export interface SettingsChange {
	timezone?: string;
	digestMinutes?: number;
	/** Lines that looked like settings but could not be applied, with why. */
	problems: string[];
}

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

export function parseSettingsLines(text: string): SettingsChange {
	const change: SettingsChange = { problems: [] };
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.trim().replace(/[.!]+$/, "");
		const tz = line.match(/^(?:time\s*zone|tz)\s*[:=]?\s*(.+)$/i);
		if (tz?.[1]) {
			const zone = resolveTimezone(tz[1]);
			if (zone) change.timezone = zone;
			else change.problems.push(`"${tz[1].slice(0, 40)}" is not a timezone I know (try "timezone Europe/Berlin")`);
			continue;
		}
		const digest = line.match(/^digest(?:\s+at)?\s*[:=]?\s*(.+)$/i);
		if (digest?.[1]) {
			const minutes = parseClock(digest[1]);
			if (minutes !== null) change.digestMinutes = minutes;
			else change.problems.push(`"${digest[1].slice(0, 40)}" is not a time (try "digest 7am")`);
		}
	}
	return change;
}
