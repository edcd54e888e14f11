/** Issue 15 (contact names) and issue 12 (display names into our subjects). */
import { describe, expect, it } from "vitest";
import { cleanDisplayName, mayReplaceName, NAME_MAX_LENGTH } from "../../src/tracking/contact-name";

describe("cleanDisplayName", () => {
	it.each([
		["Lee, Bob", "Bob Lee"],
		["Lee, Bob Andrew", "Bob Andrew Lee"],
		['"Lee, Bob"', "Bob Lee"],
		["ANN LEE", "Ann Lee"],
		["MARY-JANE O'NEIL", "Mary-Jane O'Neil"],
		["LEE, ANN", "Ann Lee"],
		["Ann Lee", "Ann Lee"],
		["ann lee", "ann lee"],
		["Bob Smith, Jr.", "Bob Smith, Jr."],
		["Acme, Inc.", "Acme, Inc."],
		["Smith, Bob, PhD", "Smith, Bob, PhD"],
		["IBM Recruiting", "IBM Recruiting"],
		["  Ann   Lee  ", "Ann Lee"],
		["'Ann Lee'", "Ann Lee"],
		["Ann Lee (ann@acme.example)", "Ann Lee"],
		["Ann Lee via https://evil.example/win?x=1", "Ann Lee via"],
		["Ann Lee www.evil.example", "Ann Lee"],
		["Claim prize at bit.ly/win now", "Claim prize at now"],
		["Ann\u0000Lee", "Ann Lee"],
		["Ann\u202eLee\u200b", "Ann Lee"],
		["Ann\r\nBcc: x@y.example", "Ann Bcc"],
		["José Ñúñez", "José Ñúñez"],
	])("%j → %j", (raw, name) => {
		expect(cleanDisplayName(raw)).toBe(name);
	});

	it.each([
		null,
		undefined,
		"",
		"   ",
		"ann@acme.example",
		"'ann@acme.example'",
		"<ann@acme.example>",
		"https://evil.example",
	])("%j has no name", (raw) => {
		expect(cleanDisplayName(raw)).toBeNull();
	});

	it(`caps a name at ${NAME_MAX_LENGTH} characters`, () => {
		const long = `Ann ${"Very".repeat(100)} Lee`;
		expect([...(cleanDisplayName(long) ?? "")].length).toBeLessThanOrEqual(NAME_MAX_LENGTH);
		expect([...(cleanDisplayName("😀".repeat(200)) ?? "")]).toHaveLength(NAME_MAX_LENGTH);
	});
});

describe("mayReplaceName: only a better name replaces the stored one", () => {
	it.each([
		[null, "Ann Lee", true],
		["", "Ann Lee", true],
		["ann@acme.example", "Ann Lee", true],
		["Ann", "Ann Lee", true],
		// A later mail to "ANN LEE" must not rename Ann Lee.
		["Ann Lee", "ANN LEE", false],
		["Ann Lee", "ann lee", false],
		["ann lee", "Ann Lee", false],
		["Ann Lee", "Lee, Ann", false],
		["Ann Lee", "ann@acme.example", false],
		["Ann Lee", "", false],
		["Ann Lee", null, false],
		["Ann Lee", "Ann Park", false],
		["Ann Lee", "Ann", false],
		["Ann", "ANN LEE", false],
		[null, "ANN LEE", true],
	])("stored %j, new %j → %s", (stored, incoming, replace) => {
		expect(mayReplaceName(stored, incoming)).toBe(replace);
	});
});
