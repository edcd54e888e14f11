/**
 * Issue 15, snoozing to a date: a date that has passed is a question, not a year's
 * snooze; an explicit year works; counted days land on a business day while a named
 * day is kept as asked.
 */
import { describe, expect, it } from "vitest";
import { parseCommandLine, type SnoozeDelay, type Target } from "../../src/commands/command-grammar";
import { describeSnoozeProblem, planSnooze, snoozeUntil } from "../../src/commands/snooze-until";
import { instantAt, MON_TO_FRI } from "../../src/time/local-time";

const NY = { timezone: "America/New_York", digestMinutes: 480, businessDays: MON_TO_FRI };
const DEC_1 = new Date("2026-12-01T15:00:00Z"); // Tue 1 Dec, 10:00 in New York
const WED_25 = new Date("2026-11-25T15:00:00Z"); // Wed 25 Nov
const SAT_28 = new Date("2026-11-28T15:00:00Z");

/** The delay the grammar reads from the user's words. */
function delayOf(line: string): SnoozeDelay {
	const c = parseCommandLine(line);
	if (!c || c === "unknown" || c.action.kind !== "snooze") throw new Error(`not a snooze: ${line}`);
	return c.action.delay;
}

describe("a date that has passed", () => {
	it("'snooze until Nov 30' sent on 1 Dec asks instead of snoozing a year", () => {
		const plan = planSnooze(delayOf("snooze until Nov 30"), DEC_1, NY);
		expect(plan).toEqual({ kind: "past", date: "2026-11-30", yearGiven: false, suggestion: "2027-11-30" });
		expect(plan.kind !== "until" && describeSnoozeProblem(plan, "2026-12-01")).toBe(
			'30 Nov has passed. Did you mean Tue 30 Nov 2027? Reply "snooze until 30 Nov 2027".',
		);
		expect(snoozeUntil(delayOf("snooze until Nov 30"), DEC_1, NY)).toBeNull();
	});

	it.each<[string, Target, string]>([
		["2 snooze until nov 30", { kind: "numbers", numbers: [2] }, "2 snooze until 30 Nov 2027"],
		["snooze Ann until 30 November", { kind: "name", name: "ann" }, "snooze ann until 30 Nov 2027"],
	])("the retry keeps the target of %j", (line, target, retry) => {
		const plan = planSnooze(delayOf(line), DEC_1, NY);
		expect(plan.kind !== "until" && describeSnoozeProblem(plan, "2026-12-01", target)).toContain(`Reply "${retry}".`);
	});

	it.each([
		"snooze until 30 Nov 2027",
		"snooze until Nov 30 2027",
		"snooze until 2027-11-30",
		"snooze until 30th of November 2027",
	])("%j works, a year ahead, and says its year", (line) => {
		const plan = planSnooze(delayOf(line), DEC_1, NY);
		expect(plan).toMatchObject({ kind: "until", asked: "2027-11-30", due: { dueOn: "2027-11-30" } });
	});

	it("a past date with its year says so, with no guess", () => {
		const plan = planSnooze(delayOf("snooze until 30 Nov 2025"), DEC_1, NY);
		expect(plan).toEqual({ kind: "past", date: "2025-11-30", yearGiven: true, suggestion: null });
		expect(plan.kind !== "until" && describeSnoozeProblem(plan, "2026-12-01")).toBe(
			'30 Nov 2025 has passed: reply with a date to come, like "snooze until monday".',
		);
	});

	it("a yearless date whose nearest occurrence is ahead is that one: 'jan 15' in November is next January", () => {
		expect(planSnooze(delayOf("snooze until jan 15"), new Date("2026-11-23T15:00:00Z"), NY)).toMatchObject({
			kind: "until",
			due: { dueOn: "2027-01-15" },
		});
	});

	it("today is not past", () => {
		expect(planSnooze(delayOf("snooze until dec 1"), DEC_1, NY)).toMatchObject({ kind: "until", asked: "2026-12-01" });
	});

	it("a phrase chrono reads only in part is unreadable, not a guess", () => {
		const plan = planSnooze({ kind: "phrase", phrase: "mon blah" }, DEC_1, NY);
		expect(plan).toEqual({ kind: "unreadable", phrase: "mon blah" });
		expect(plan.kind !== "until" && describeSnoozeProblem(plan, "2026-12-01")).toBe(
			'I couldn\'t read "mon blah" as a date: try "snooze until monday" or "snooze 2 weeks".',
		);
	});
});

describe("business days", () => {
	it.each([
		// said on, words, asked, due on
		[WED_25, "snooze 3d", "2026-11-28", "2026-11-30"], // Sat → Mon
		[WED_25, "snooze 4 days", "2026-11-29", "2026-11-30"], // Sun → Mon
		[WED_25, "snooze 2d", "2026-11-27", "2026-11-27"], // Fri stays
		[SAT_28, "snooze 1 week", "2026-12-05", "2026-12-07"], // Sat → Mon
		[SAT_28, "snooze 2 weeks", "2026-12-12", "2026-12-14"],
		[new Date("2026-11-27T15:00:00Z"), "snooze tomorrow", "2026-11-28", "2026-11-30"], // Fri → Sat → Mon
		[new Date("2026-11-27T15:00:00Z"), "later", "2026-11-28", "2026-11-30"],
		[WED_25, "snooze until saturday", "2026-11-28", "2026-11-28"], // a named day is kept
		[WED_25, "snooze until Nov 29", "2026-11-29", "2026-11-29"],
		[WED_25, "snooze next week", "2026-11-30", "2026-11-30"],
	] as const)("on %s, %j names %s and comes back %s", (now, line, asked, dueOn) => {
		const plan = planSnooze(delayOf(line), now, NY);
		expect(plan).toEqual({
			kind: "until",
			asked,
			due: { dueOn, dueAt: instantAt(dueOn, 480, "America/New_York") },
		});
	});

	it("the user's own business days count (Sun–Thu)", () => {
		const sunToThu = { ...NY, businessDays: 0b10011110 };
		expect(planSnooze(delayOf("snooze 2d"), WED_25, sunToThu)).toMatchObject({ due: { dueOn: "2026-11-29" } }); // Fri → Sun
	});

	it("snoozeUntil, the old shape, gives the business day too", () => {
		expect(snoozeUntil(delayOf("snooze 3d"), WED_25, NY)?.dueOn).toBe("2026-11-30");
	});
});
