/**
 * A first guess at a new user's IANA timezone from the UTC offset in their first
 * mail's Date header: the most populous zone that had exactly that offset at that
 * instant (so -05:00 in November is New York, in July Chicago).
 */
import { offsetMinutes } from "./local-time";

const CANDIDATES = [
	"America/New_York",
	"America/Chicago",
	"America/Denver",
	"America/Phoenix",
	"America/Los_Angeles",
	"America/Anchorage",
	"Pacific/Honolulu",
	"America/Halifax",
	"America/St_Johns",
	"America/Sao_Paulo",
	"America/Argentina/Buenos_Aires",
	"America/Bogota",
	"America/Mexico_City",
	"America/Santiago",
	"Europe/London",
	"Europe/Berlin",
	"Europe/Athens",
	"Europe/Moscow",
	"Europe/Istanbul",
	"Africa/Lagos",
	"Africa/Johannesburg",
	"Africa/Cairo",
	"Africa/Nairobi",
	"Asia/Dubai",
	"Asia/Tehran",
	"Asia/Karachi",
	"Asia/Kolkata",
	"Asia/Kathmandu",
	"Asia/Dhaka",
	"Asia/Bangkok",
	"Asia/Singapore",
	"Asia/Shanghai",
	"Asia/Tokyo",
	"Australia/Brisbane",
	"Australia/Adelaide",
	"Australia/Darwin",
	"Australia/Sydney",
	"Australia/Perth",
	"Pacific/Auckland",
	"Atlantic/Azores",
	"Atlantic/Cape_Verde",
	"UTC",
];

/** The Date header's offset, in minutes east of UTC, e.g. "-0500" → -300. Null when absent. */
export function dateHeaderOffset(dateHeader: string | undefined): number | null {
	const m = dateHeader?.match(/([+-])(\d{2})(\d{2})\s*(\([^)]*\))?\s*$/);
	if (!m) return null;
	const minutes = Number(m[2]) * 60 + Number(m[3]);
	return m[1] === "-" ? -minutes : minutes;
}

export function inferTimezone(at: Date, offset: number | null): string {
	if (offset === null) return "UTC";
	return CANDIDATES.find((tz) => offsetMinutes(at, tz) === offset) ?? "UTC";
}
