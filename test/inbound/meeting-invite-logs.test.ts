/**
 * meeting-invite.ts swallows an ical.js parse error; it still leaves one structured
 * log line, so a broken calendar parser shows in the logs instead of looking like
 * "no invite" or a floating time.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { readInvites } from "../../src/inbound/meeting-invite";

function warnings() {
	const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
	return () => warn.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
}

const INVITE = [
	"BEGIN:VCALENDAR",
	"VERSION:2.0",
	"METHOD:REQUEST",
	"BEGIN:VTIMEZONE",
	"TZID:Europe/Berlin",
	"BEGIN:STANDARD",
	"DTSTART:19701025T030000",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"END:STANDARD",
	"END:VTIMEZONE",
	"BEGIN:VEVENT",
	"UID:coffee-1@example.com",
	"SUMMARY:Coffee",
	"DTSTART;TZID=Europe/Berlin:20261126T100000",
	"DTEND;TZID=Europe/Berlin:20261126T103000",
	"ORGANIZER;CN=Ann Lee:mailto:ann@acme.example",
	"END:VEVENT",
	"END:VCALENDAR",
].join("\r\n");

const part = (content: string) => ({ mimeType: "text/calendar", method: null, filename: null, content });

describe("meeting-invite.ts: swallowed errors are logged", () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it("reads a well-formed invite without a warning", () => {
		const lines = warnings();
		expect(readInvites([part(INVITE)]).map((i) => [i.uid, i.start?.toISOString()])).toEqual([
			["coffee-1@example.com", "2026-11-26T09:00:00.000Z"],
		]);
		expect(lines()).toEqual([]);
	});

	it("a calendar ical.js cannot parse: no invite, and one parse_fallback line", () => {
		const lines = warnings();
		expect(readInvites([part("BEGIN:VCALENDAR\r\nthis is not ical\r\n")])).toEqual([]);
		expect(lines()).toEqual([
			expect.objectContaining({ event: "parse_fallback", where: "ical.js", fallback: "no invite" }),
		]);
	});
	it("a TZID that is no IANA zone: the calendar's VTIMEZONE gives the time, and the miss is logged", () => {
		const lines = warnings();
		const windows = INVITE.replaceAll("Europe/Berlin", "W. Europe Standard Time");
		expect(readInvites([part(windows)]).map((i) => i.start?.toISOString())).toEqual(["2026-11-26T09:00:00.000Z"]);
		expect(lines()).toEqual([
			expect.objectContaining({
				event: "parse_fallback",
				where: "calendar IANA zone",
				input: "W. Europe Standard Time",
			}),
			expect.objectContaining({
				event: "parse_fallback",
				where: "calendar IANA zone",
				input: "W. Europe Standard Time",
			}),
		]);
	});

	it("an unreadable DURATION: the event ends when it starts, and one parse_fallback line", () => {
		const lines = warnings();
		const noEnd = INVITE.replace("DTEND;TZID=Europe/Berlin:20261126T103000", "DURATION:half an hour");
		const [invite] = readInvites([part(noEnd)]);
		expect(invite?.end?.toISOString()).toBe("2026-11-26T09:00:00.000Z");
		expect(lines()).toEqual([
			expect.objectContaining({ event: "parse_fallback", where: "ical.js DURATION", input: "half an hour" }),
		]);
	});
	// A sender's VTIMEZONE is no longer registered with ical.js (issue 12: calendar-zone.ts reads it
	// for this calendar only), so there is no zone-registry failure left to log.
});
