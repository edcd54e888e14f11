/**
 * readDatePhrase on days that do not exist: they read as unreadable without an exception to catch,
 * and real dates read as before (the table was recorded from the previous, throwing version).
 */
import { describe, expect, it } from "vitest";
import { type DateReading, readDatePhrase } from "../../src/time/date-phrase";

const NOW = new Date("2026-12-01T10:00:00Z");

describe("readDatePhrase: days that exist and days that do not", () => {
	it.each<[string, DateReading]>([
		["30 feb 2027", { kind: "unreadable", phrase: "30 feb 2027" }],
		["31 april 2027", { kind: "unreadable", phrase: "31 april 2027" }],
		["31 june", { kind: "unreadable", phrase: "31 june" }],
		["29 feb 2027", { kind: "unreadable", phrase: "29 feb 2027" }],
		["feb 29", { kind: "unreadable", phrase: "feb 29" }],
		["29 feb 2028", { kind: "date", date: "2028-02-29" }],
		["dec 31", { kind: "date", date: "2026-12-31" }],
		["jan 15", { kind: "date", date: "2027-01-15" }],
		["nov 30", { kind: "past", date: "2026-11-30", yearGiven: false, suggestion: "2027-11-30" }],
	])("%s", (phrase, reading) => {
		expect(readDatePhrase(phrase, NOW, "Europe/Berlin")).toEqual(reading);
	});
});
