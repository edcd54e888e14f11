import { describe, expect, it } from "vitest";
import { noun, plural } from "../../src/lib/plural";

describe("plural", () => {
	it.each([
		[0, "contact", undefined, "0 contacts"],
		[1, "contact", undefined, "1 contact"],
		[2, "contact", undefined, "2 contacts"],
		[1, "reply", "replies", "1 reply"],
		[3, "reply", "replies", "3 replies"],
	])("%d %s → %j", (n, one, many, expected) => {
		expect(plural(n, one, many)).toBe(expected);
	});

	it("gives the noun alone", () => {
		expect([noun(1, "day"), noun(25, "day")]).toEqual(["day", "days"]);
	});
});
