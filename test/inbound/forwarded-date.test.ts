/** A forwarded mail's own Date, as clients write it, read in the user's timezone (issue 11). */
import { describe, expect, it } from "vitest";
import { chronoLanguagesFor, forwardedDate } from "../../src/inbound/forwarded-date";
import { readInlineForward } from "../../src/inbound/forwarded-message";

const NOW = new Date("2026-12-01T09:00:00Z");

describe("forwardedDate", () => {
	it.each([
		["Gmail", "Tue, Nov 24, 2026 at 2:00 PM", "Europe/Berlin", "2026-11-24T13:00:00.000Z"],
		["Gmail", "Tue, Nov 24, 2026 at 2:00 PM", "America/New_York", "2026-11-24T19:00:00.000Z"],
		["Gmail", "Fri, Nov 20, 2026 at 4:05 PM", "Asia/Tokyo", "2026-11-20T07:05:00.000Z"],
		["Outlook", "Tuesday, November 24, 2026 2:00 PM", "America/New_York", "2026-11-24T19:00:00.000Z"],
		["Outlook (German)", "Dienstag, 24. November 2026 14:00", "Europe/Berlin", "2026-11-24T13:00:00.000Z"],
		["RFC 5322", "Tue, 24 Nov 2026 14:00:00 +0100", "Asia/Tokyo", "2026-11-24T13:00:00.000Z"],
		["Apple Mail (Czech)", "24. listopadu 2026 14:25:08 GMT+3", "Europe/Berlin", "2026-11-24T11:25:08.000Z"],
		["Apple Mail (Finnish)", "24. marraskuuta 2026 klo 14.25.08 UTC+3", "Asia/Tokyo", "2026-11-24T11:25:08.000Z"],
		["Gmail (Danish)", "tirs. 24. nov. 2026 kl. 09.31", "Europe/Berlin", "2026-11-24T08:31:00.000Z"],
		["summer time in the date, not now's", "Tue, Jul 14, 2026 at 9:00 AM", "Europe/Berlin", "2026-07-14T07:00:00.000Z"],
		// Hours with a word, in figure-only dates too (no month word, so no chrono to fall back on).
		["Gmail (Japanese)", "2026/11/23 20時02分", "Europe/Berlin", "2026-11-23T19:02:00.000Z"],
		["Gmail (Korean)", "2026년 11월 23일 (월) 오후 8시 2분", "Asia/Tokyo", "2026-11-23T11:02:00.000Z"],
		["French, hour only", "23 nov. 2026 à 20h", "Europe/Berlin", "2026-11-23T19:00:00.000Z"],
		["German figures, Uhr", "23.11.2026 um 8 Uhr", "Europe/Berlin", "2026-11-23T07:00:00.000Z"],
		[
			"an hour in a form not read: the day, from its start",
			"23/11/2026 9 o'clock",
			"Europe/Berlin",
			"2026-11-22T23:00:00.000Z",
		],
		[
			"asctime, read by chrono's English parser",
			"Tue Nov 24 14:00:00 2026",
			"Europe/Berlin",
			"2026-11-24T13:00:00.000Z",
		],
	])("%s %j in %s is %s", (_client, text, tz, iso) => {
		expect(forwardedDate({ date: null, dateText: text }, tz, NOW)?.toISOString()).toBe(iso);
	});

	it.each([
		["a date after now", "Tue, Dec 8, 2026 at 2:00 PM"],
		["no date at all", "sometime last week-ish?"],
		["figures that read both ways", "03/04/2026 10:00"],
		["a Czech date without a year (chrono has no Czech)", "24. listopadu 14:25"],
		["nothing", null],
	])("%s is null", (_label, text) => {
		expect(forwardedDate({ date: null, dateText: text }, "Europe/Berlin", NOW)).toBeNull();
	});

	it("a date from an attached message's header wins", () => {
		const date = new Date("2026-11-20T10:00:00Z");
		expect(forwardedDate({ date, dateText: "garbage" }, "UTC", NOW)).toBe(date);
	});
});

describe("chrono as the fallback", () => {
	it.each([
		["read by the header reader", "Tue, Nov 24, 2026 at 2:00 PM", []],
		["Czech month, no year: chrono has no Czech parser", "24. listopadu 14:25", []],
		["no month word", "sometime last week-ish?", []],
		[
			'asctime: the languages that write "nov"',
			"Tue Nov 24 14:00:00 2026",
			["de", "en", "es", "fr", "it", "nl", "pt", "sv"],
		],
		["German, no year", "Dienstag, 24. Dezember um 14 Uhr", ["de"]],
	])("%s (%j): %j", (_label, text, langs) => {
		expect(chronoLanguagesFor(text, "Europe/Berlin").sort()).toEqual([...langs].sort());
	});
});

describe("an inline forward's Date", () => {
	const body = [
		"FYI",
		"",
		"---------- Forwarded message ---------",
		"From: Ann Lee <ann@acme.example>",
		"Date: Mon, Nov 23, 2026 8:02 AM",
		"Subject: Hello",
		"To: Pat <pat@example.com>",
		"",
		"Hi Pat",
	].join("\n");

	it("is read in the user's timezone, not as UTC", () => {
		const fwd = readInlineForward(body, "Fwd: Hello");
		expect(fwd?.dateText).toBe("Mon, Nov 23, 2026 8:02 AM");
		expect(fwd && forwardedDate(fwd, "America/Los_Angeles", NOW)?.toISOString()).toBe("2026-11-23T16:02:00.000Z");
		expect(fwd && forwardedDate(fwd, "Asia/Tokyo", NOW)?.toISOString()).toBe("2026-11-22T23:02:00.000Z");
	});
});
