/**
 * Issue 15, settings in the user's words: "timezone Mars/Olympus" and "digest 25pm"
 * get their own answer, and "timezone EST" is a zone with daylight saving, or a question.
 */
import { describe, expect, it } from "vitest";
import { describeIssue, parseCommandLine, parseCommands } from "../../src/commands/command-grammar";
import { offsetMinutes } from "../../src/time/local-time";
import { parseClock, readTimezone, resolveTimezone } from "../../src/time/settings-lines";

const JAN = new Date("2026-01-15T12:00:00Z");
const JUL = new Date("2026-07-15T12:00:00Z");
const keepsDaylightSaving = (zone: string) => offsetMinutes(JAN, zone) !== offsetMinutes(JUL, zone);

describe("timezone abbreviations and everyday names", () => {
	it.each([
		["EST", "America/New_York"],
		["est", "America/New_York"],
		["EDT", "America/New_York"],
		["ET", "America/New_York"],
		["Eastern Standard Time", "America/New_York"],
		["eastern time", "America/New_York"],
		["CDT", "America/Chicago"],
		["Central", "America/Chicago"],
		["MDT", "America/Denver"],
		["PST", "America/Los_Angeles"],
		["PDT", "America/Los_Angeles"],
		["Pacific Time", "America/Los_Angeles"],
		["AKST", "America/Anchorage"],
		["CET", "Europe/Berlin"],
		["CEST", "Europe/Berlin"],
		["MEZ", "Europe/Berlin"],
		["EET", "Europe/Athens"],
		["WET", "Europe/Lisbon"],
		["AEDT", "Australia/Sydney"],
		["NZST", "Pacific/Auckland"],
		["NZDT", "Pacific/Auckland"],
		["NST", "America/St_Johns"],
	])("%s → %s, which keeps daylight saving", (input, zone) => {
		expect(readTimezone(input)).toEqual({ kind: "zone", zone });
		expect(keepsDaylightSaving(zone)).toBe(true);
	});

	it.each([
		["JST", "Asia/Tokyo"],
		["HST", "Pacific/Honolulu"],
		["SGT", "Asia/Singapore"],
		["AWST", "Australia/Perth"],
		["India", "Asia/Kolkata"],
	])("%s → %s, a real place (no daylight saving there), not a fixed offset", (input, zone) => {
		expect(readTimezone(input)).toEqual({ kind: "zone", zone });
	});

	it.each([
		["IST", ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]],
		["CST", ["America/Chicago", "Asia/Shanghai"]],
		["BST", ["Europe/London", "Asia/Dhaka"]],
		["GMT", ["Europe/London", "UTC"]],
		["MST", ["America/Denver", "America/Phoenix"]],
		["Mountain time", ["America/Denver", "America/Phoenix"]],
		["AEST", ["Australia/Sydney", "Australia/Brisbane"]],
		["AST", ["America/Halifax", "Asia/Riyadh"]],
	])("%s is used in several places: a question", (input, zones) => {
		const r = readTimezone(input);
		expect(r.kind).toBe("ambiguous");
		if (r.kind === "ambiguous") expect(r.choices.map((c) => c.zone)).toEqual(zones);
	});

	it.each(["UTC+2", "utc-5", "GMT+1", "+05:30", "-0800", "Etc/GMT-3"])("%s is a fixed offset: refused", (input) => {
		expect(readTimezone(input)).toEqual({ kind: "offset", input });
	});

	it.each([
		["Europe/Berlin", "Europe/Berlin"],
		["europe/berlin", "Europe/Berlin"],
		["Berlin", "Europe/Berlin"],
		["new york", "America/New_York"],
		["Asia/Kolkata", "Asia/Kolkata"],
		["UTC", "UTC"],
	])("names and cities still work: %s → %s", (input, zone) => {
		expect(resolveTimezone(input)).toBe(zone);
	});

	it("no abbreviation gives one of the fixed-offset legacy zones", () => {
		for (const a of ["EST", "MST", "HST", "EDT", "PST", "CST", "GMT", "BST", "CET", "EET", "WET", "MET"]) {
			const r = readTimezone(a);
			const zones = r.kind === "zone" ? [r.zone] : r.kind === "ambiguous" ? r.choices.map((c) => c.zone) : [];
			expect(zones.length).toBeGreaterThan(0);
			for (const z of zones) expect(z === "UTC" || z.includes("/")).toBe(true);
		}
	});
});

describe("settings lines that cannot be applied say why", () => {
	it("timezone Mars/Olympus", () => {
		const r = parseCommands("timezone Mars/Olympus");
		expect(r.issues).toEqual([
			{
				kind: "timezone",
				line: "timezone Mars/Olympus",
				problem: { kind: "unknown", input: "Mars/Olympus", suggestion: null },
			},
		]);
		expect(r.issues.map(describeIssue)).toEqual([
			'"Mars/Olympus" isn\'t a timezone I know: try a city ("timezone Berlin") or a name like Europe/Berlin.',
		]);
	});

	it("digest 25pm", () => {
		const r = parseCommands("digest 25pm");
		expect(r.issues).toEqual([{ kind: "clock", line: "digest 25pm", input: "25pm" }]);
		expect(r.issues.map(describeIssue)).toEqual([
			'"25pm" isn\'t a time of day I can read: try "digest 7am" or "digest 18:30".',
		]);
	});

	it.each([
		[
			"timezone IST",
			'"IST" is used in more than one place: reply "timezone Asia/Kolkata" (India), "timezone Europe/Dublin" (Ireland) or "timezone Asia/Jerusalem" (Israel).',
		],
		[
			"timezone UTC+2",
			'"UTC+2" is a fixed offset, which goes wrong when daylight saving changes: try a city ("timezone Berlin") or a name like Europe/Berlin.',
		],
		["timezone Berln", '"Berln" isn\'t a timezone I know. Did you mean Europe/Berlin? Reply "timezone Europe/Berlin".'],
		["timezone", 'Which timezone? Reply like "timezone Berlin" or "timezone Europe/Berlin".'],
	])("%s", (line, text) => {
		expect(parseCommands(line).issues.map(describeIssue)).toEqual([text]);
	});

	it("a settings error beside a command is still reported", () => {
		const r = parseCommands("1 done\ntimezone Mars/Olympus\ndigest 25pm\nThanks!");
		expect(r.commands).toHaveLength(1);
		expect(r.unknown).toEqual(["timezone Mars/Olympus", "digest 25pm"]);
		expect(r.ignored).toEqual(["Thanks!"]);
	});

	it("timezone EST is applied as New York time", () => {
		expect(parseCommandLine("timezone EST")).toMatchObject({ action: { kind: "timezone", zone: "America/New_York" } });
	});

	it.each([
		["digest mode", "digest"],
		["instant mode", "instant"],
	])("%s sets the mode", (line, mode) => {
		expect(parseCommandLine(line)).toMatchObject({ action: { kind: "mode", mode } });
	});
});

describe("parseClock", () => {
	it.each([
		["7am", 420],
		["7 a.m.", 420],
		["07:30", 450],
		["19h", 1140],
		["7.30pm", 1170],
		["noon", 720],
		["12am", 0],
		["25pm", null],
		["13pm", null],
		["7:75", null],
		["24:00", null],
	])("%s → %s", (input, minutes) => {
		expect(parseClock(input)).toBe(minutes);
	});
});
