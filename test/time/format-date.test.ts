/** Issue 15: a date shows its year when it is more than about 5 months away, and its weekday is always its own. */
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { formatDateNear, formatDayMonth, formatLocalNear } from "../../src/time/local-time";

describe("formatDateNear", () => {
	it.each([
		["2026-11-30", "2026-12-01", "Mon 30 Nov"],
		["2027-11-30", "2026-12-01", "Tue 30 Nov 2027"], // the "Tue 30 Nov" was this date
		["2027-01-15", "2026-11-23", "Fri 15 Jan"],
		["2027-04-20", "2026-11-23", "Tue 20 Apr"], // 148 days
		["2027-05-01", "2026-11-23", "Sat 1 May 2027"], // 159 days
		["2026-05-01", "2026-11-23", "Fri 1 May 2026"], // long past
		["2026-07-01", "2026-11-23", "Wed 1 Jul"],
	])("%s seen on %s is %s", (date, today, text) => {
		expect(formatDateNear(date, today)).toBe(text);
	});

	it("the weekday matches the date; without a year, the date is the nearest one to today", () => {
		const day = fc.integer({ min: 0, max: 3650 }).map((n) => Temporal.PlainDate.from("2024-01-01").add({ days: n }));
		fc.assert(
			fc.property(day, day, (date, today) => {
				const text = formatDateNear(date.toString(), today.toString());
				const m = text.match(/^(\w{3}) (\d{1,2}) (\w{3})(?: (\d{4}))?$/);
				expect(m).not.toBeNull();
				const [, weekday, d, month, year] = m ?? [];
				// The reader's date: the year shown, or the occurrence of that day and month nearest today.
				const candidates = year
					? [Number(year)]
					: [today.year - 1, today.year, today.year + 1].filter((y) => {
							const c = Temporal.PlainDate.from(`${y}-01-01`).with({
								month: 1 + "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(month ?? "") / 3,
								day: Number(d),
							});
							return Math.abs(c.since(today).days) <= 182;
						});
				expect(candidates).toContain(date.year);
				expect(weekday).toBe(date.toLocaleString("en-GB", { weekday: "short" }));
			}),
			{ numRuns: 2000, seed: 15 },
		);
	});

	it("formatDayMonth is the date as people type it", () => {
		expect(formatDayMonth("2027-11-30")).toBe("30 Nov");
		expect(formatDayMonth("2027-11-30", true)).toBe("30 Nov 2027");
	});

	it("formatLocalNear adds the year to far instants in the user's zone", () => {
		const now = new Date("2026-12-01T15:00:00Z");
		expect(formatLocalNear(new Date("2026-12-03T13:00:00Z"), "America/New_York", now)).toBe("Thu 3 Dec, 08:00");
		expect(formatLocalNear(new Date("2027-11-30T13:00:00Z"), "America/New_York", now)).toBe("Tue 30 Nov 2027, 08:00");
	});
});
