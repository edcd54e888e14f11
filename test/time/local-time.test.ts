import { describe, expect, it } from "vitest";
import { confirmReceiptDue, followUpDue, sameDayDue, thankYouDue } from "../../src/lifecycle/cadence";
import { nextRung } from "../../src/lifecycle/ladder";
import { dateHeaderOffset, inferTimezone } from "../../src/time/infer-timezone";
import { addBusinessDays, instantAt, localDate, MON_TO_FRI, onOrNextBusinessDay } from "../../src/time/local-time";
import { resolveDelay } from "../../src/time/resolve-delay";

const user = (timezone: string, digestMinutes = 480) => ({ timezone, digestMinutes, businessDays: MON_TO_FRI });

describe("instantAt: the digest hour on either side of each DST change", () => {
	it.each([
		// zone, local date, expected UTC instant of 08:00 local
		["America/New_York", "2026-03-06", "2026-03-06T13:00:00Z"], // EST
		["America/New_York", "2026-03-09", "2026-03-09T12:00:00Z"], // EDT from 8 Mar
		["America/New_York", "2026-10-30", "2026-10-30T12:00:00Z"],
		["America/New_York", "2026-11-02", "2026-11-02T13:00:00Z"], // EST from 1 Nov
		["Europe/Berlin", "2026-03-27", "2026-03-27T07:00:00Z"], // CET
		["Europe/Berlin", "2026-03-30", "2026-03-30T06:00:00Z"], // CEST from 29 Mar
		["Europe/Berlin", "2026-10-23", "2026-10-23T06:00:00Z"],
		["Europe/Berlin", "2026-10-26", "2026-10-26T07:00:00Z"], // CET from 25 Oct
		["Asia/Kolkata", "2026-03-30", "2026-03-30T02:30:00Z"], // no DST
		["Asia/Kolkata", "2026-10-26", "2026-10-26T02:30:00Z"],
		["Australia/Sydney", "2026-04-03", "2026-04-02T21:00:00Z"], // AEDT
		["Australia/Sydney", "2026-04-06", "2026-04-05T22:00:00Z"], // AEST from 5 Apr
		["Australia/Sydney", "2026-10-02", "2026-10-01T22:00:00Z"],
		["Australia/Sydney", "2026-10-05", "2026-10-04T21:00:00Z"], // AEDT from 4 Oct
		["Pacific/Auckland", "2026-04-03", "2026-04-02T19:00:00Z"], // NZDT
		["Pacific/Auckland", "2026-04-06", "2026-04-05T20:00:00Z"], // NZST from 5 Apr
		["Pacific/Auckland", "2026-09-25", "2026-09-24T20:00:00Z"],
		["Pacific/Auckland", "2026-09-28", "2026-09-27T19:00:00Z"], // NZDT from 27 Sep
	])("%s %s 08:00", (tz, date, iso) => {
		expect(instantAt(date, 480, tz).toISOString()).toBe(new Date(iso).toISOString());
	});

	it("a wall time inside a spring-forward gap moves forward", () => {
		// 02:30 on 8 Mar 2026 does not exist in New York; it is 03:30 EDT.
		expect(instantAt("2026-03-08", 150, "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
	});
});

describe("cadence on local business days", () => {
	it.each([
		// zone, sent at (UTC), first follow-up local date: 3 business days later
		["America/New_York", "2026-11-23T14:15:00Z", "2026-11-26"], // Mon → Thu
		["America/New_York", "2026-11-27T03:00:00Z", "2026-12-01"], // still Thu 26 locally → Fri, Mon, Tue
		["Europe/Berlin", "2026-10-23T22:30:00Z", "2026-10-28"], // Sat 24 local → Mon, Tue, Wed 28
		["Asia/Kolkata", "2026-11-25T20:00:00Z", "2026-12-01"], // Thu 26 local (01:30) → Fri, Mon, Tue
		["Australia/Sydney", "2026-10-01T15:00:00Z", "2026-10-07"], // Fri 2 Oct → Mon 5, Tue 6, Wed 7 (DST 4 Oct)
		["Pacific/Auckland", "2026-04-01T12:00:00Z", "2026-04-07"], // Thu 2 Apr → Fri 3, Mon 6, Tue 7
	])("follow-up after outreach in %s at %s is due %s", (tz, sent, dueOn) => {
		const due = followUpDue(new Date(sent), 1, user(tz));
		expect(due.dueOn).toBe(dueOn);
		expect(due.dueAt.toISOString()).toBe(instantAt(dueOn, 480, tz).toISOString());
	});

	it.each([
		[1, "2026-11-26"],
		[2, "2026-11-27"],
		[3, "2026-11-27"],
	])("follow-up number %i after Mon 23 Nov uses the +3/+4/+4 gaps", (attempt, dueOn) => {
		expect(followUpDue(new Date("2026-11-23T14:15:00Z"), attempt, user("America/New_York")).dueOn).toBe(dueOn);
	});

	it.each([
		// first gap, then every, attempt, due (sent Mon 23 Nov, New York)
		[5, 7, 1, "2026-11-30"], // +5 business days = Mon 30
		[5, 7, 2, "2026-12-02"], // +7 business days = Wed 2 Dec
		[1, 2, 1, "2026-11-24"],
		[1, 2, 3, "2026-11-25"],
	])(
		"a user's own cadence (first after %i days, then every %i): follow-up %i is due %s",
		(first, every, attempt, dueOn) => {
			const own = { ...user("America/New_York"), followUpDays: first, followUpEvery: every };
			expect(followUpDue(new Date("2026-11-23T14:15:00Z"), attempt, own).dueOn).toBe(dueOn);
		},
	);

	it("the ladder after a delivery uses the user's own gap", () => {
		const own = { ...user("America/New_York"), followUpDays: 2, followUpEvery: 6 };
		const next = nextRung({ kind: "follow_up", attempt: 1 }, new Date("2026-11-23T14:15:00Z"), own, { metAt: null });
		expect(next).toMatchObject({ kind: "follow_up", attempt: 2, due: { dueOn: "2026-12-01" } }); // +6 business days
	});

	it("confirm receipt is 5 business days later", () => {
		expect(confirmReceiptDue(new Date("2026-11-26T15:00:00Z"), user("America/New_York")).dueOn).toBe("2026-12-03");
	});

	it("an intro before the digest hour goes in today's digest, after it at the next tick", () => {
		const u = user("Europe/Berlin");
		expect(sameDayDue(new Date("2026-11-23T06:00:00Z"), u)).toEqual({
			dueOn: "2026-11-23",
			dueAt: new Date("2026-11-23T07:00:00Z"),
		});
		const late = new Date("2026-11-23T12:00:00Z");
		expect(sameDayDue(late, u)).toEqual({ dueOn: "2026-11-23", dueAt: late });
	});

	it("a thank-you goes in the first digest after the meeting ends", () => {
		const u = user("Asia/Kolkata");
		expect(thankYouDue(new Date("2026-11-24T01:00:00Z"), u).dueOn).toBe("2026-11-24"); // 06:30 IST
		expect(thankYouDue(new Date("2026-11-24T10:00:00Z"), u).dueOn).toBe("2026-11-25"); // 15:30 IST
	});

	it("business days follow the user's mask", () => {
		const sunToThu = 0b10011110; // Mon–Thu (bits 1–4) + Sun (bit 7)
		expect(onOrNextBusinessDay("2026-11-27", sunToThu)).toBe("2026-11-29"); // Fri → Sun
		expect(addBusinessDays("2026-11-26", 1, sunToThu)).toBe("2026-11-29");
		expect(onOrNextBusinessDay("2026-11-28", 0)).toBe("2026-11-28"); // empty mask: every day
	});
});

describe("resolveDelay in the user's zone", () => {
	const now = new Date("2026-11-23T22:30:00Z"); // Mon 17:30 in New York, Tue 11:30 in Auckland
	it.each([
		["America/New_York", { kind: "phrase", phrase: "tomorrow", hasTime: false }, "2026-11-24"],
		["Pacific/Auckland", { kind: "phrase", phrase: "tomorrow", hasTime: false }, "2026-11-25"],
		["America/New_York", { kind: "phrase", phrase: "monday", hasTime: false }, "2026-11-30"],
		["Pacific/Auckland", { kind: "phrase", phrase: "monday", hasTime: false }, "2026-11-30"],
		["Europe/Berlin", { kind: "phrase", phrase: "jan 15", hasTime: false }, "2027-01-15"],
		["Asia/Kolkata", { kind: "days", days: 3 }, "2026-11-27"],
	] as const)("%s %o → %s", (tz, delay, dueOn) => {
		expect(resolveDelay(delay, now, user(tz))?.dueOn).toBe(dueOn);
	});

	it("an explicit time is an instant in the user's zone", () => {
		const due = resolveDelay({ kind: "phrase", phrase: "tomorrow 4:00pm", hasTime: true }, now, user("Europe/Berlin"));
		expect(due).toEqual({ dueOn: null, dueAt: new Date("2026-11-24T15:00:00Z") });
	});
});

describe("timezone from a Date header", () => {
	it.each([
		["Mon, 23 Nov 2026 09:15:00 -0500", -300],
		["Mon, 23 Nov 2026 09:15:00 +0530 (IST)", 330],
		["Mon, 23 Nov 2026 09:15:00 GMT", null],
	])("%s has offset %s", (h, offset) => {
		expect(dateHeaderOffset(h)).toBe(offset);
	});
	it.each([
		["2026-07-15T12:00:00Z", -300, "America/Chicago"],
		["2026-01-15T12:00:00Z", -300, "America/New_York"],
		["2026-07-15T12:00:00Z", 60, "Europe/London"],
		["2026-01-15T12:00:00Z", 600, "Australia/Brisbane"],
		["2026-07-15T12:00:00Z", 600, "Australia/Brisbane"],
		["2026-01-15T12:00:00Z", 780, "Pacific/Auckland"],
		["2026-01-15T12:00:00Z", 345, "Asia/Kathmandu"],
	])("at %s, offset %i is %s", (at, offset, tz) => {
		expect(inferTimezone(new Date(at), offset)).toBe(tz);
	});
	it("local dates follow the zone", () => {
		expect(localDate(new Date("2026-11-23T23:30:00Z"), "Asia/Kolkata")).toBe("2026-11-24");
	});
});
