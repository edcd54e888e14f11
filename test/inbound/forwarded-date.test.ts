/** A forwarded mail's own Date, as clients write it, read in the user's timezone (issue 11). */
import { describe, expect, it } from "vitest";
import { forwardedDate } from "../../src/inbound/forwarded-date";

const NOW = new Date("2026-12-01T09:00:00Z");

describe("forwardedDate", () => {
	it.each([
		["Gmail", "Tue, Nov 24, 2026 at 2:00 PM", "Europe/Berlin", "2026-11-24T13:00:00.000Z"],
		["Gmail", "Tue, Nov 24, 2026 at 2:00 PM", "America/New_York", "2026-11-24T19:00:00.000Z"],
		["Gmail", "Fri, Nov 20, 2026 at 4:05 PM", "Asia/Tokyo", "2026-11-20T07:05:00.000Z"],
		["Outlook", "Tuesday, November 24, 2026 2:00 PM", "America/New_York", "2026-11-24T19:00:00.000Z"],
		["Outlook (German)", "Dienstag, 24. November 2026 14:00", "Europe/Berlin", "2026-11-24T13:00:00.000Z"],
		["RFC 5322", "Tue, 24 Nov 2026 14:00:00 +0100", "Asia/Tokyo", "2026-11-24T13:00:00.000Z"],
	])("%s %j in %s is %s", (_client, text, tz, iso) => {
		expect(forwardedDate({ date: null, dateText: text }, tz, NOW)?.toISOString()).toBe(iso);
	});

	it.each([
		["a date after now", "Tue, Dec 8, 2026 at 2:00 PM"],
		["no date at all", "sometime last week-ish?"],
		["nothing", null],
	])("%s is null", (_label, text) => {
		expect(forwardedDate({ date: null, dateText: text }, "Europe/Berlin", NOW)).toBeNull();
	});

	it("a date the parser already read wins", () => {
		const date = new Date("2026-11-20T10:00:00Z");
		expect(forwardedDate({ date, dateText: "garbage" }, "UTC", NOW)).toBe(date);
	});
});
