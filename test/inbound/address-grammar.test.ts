import { describe, expect, it } from "vitest";
import { parseDelay, routeRecipient } from "../../src/inbound/address-grammar";
import { normaliseRecipient } from "../../src/inbound/email-event";

const D = "followthrough.test";

describe("routeRecipient", () => {
	it.each([
		["track@followthrough.test", { kind: "track", delay: null }],
		["TRACK@FollowThrough.test", { kind: "track", delay: null }],
		["3d@followthrough.test", { kind: "track", delay: { kind: "days", days: 3 } }],
		["5days@followthrough.test", { kind: "track", delay: { kind: "days", days: 5 } }],
		["1w@followthrough.test", { kind: "track", delay: { kind: "days", days: 7 } }],
		["2weeks@followthrough.test", { kind: "track", delay: { kind: "days", days: 14 } }],
		["monday@followthrough.test", { kind: "track", delay: { kind: "phrase", phrase: "monday", hasTime: false } }],
		["tomorrow@followthrough.test", { kind: "track", delay: { kind: "phrase", phrase: "tomorrow", hasTime: false } }],
		["jan15@followthrough.test", { kind: "track", delay: { kind: "phrase", phrase: "jan 15", hasTime: false } }],
		["15jan@followthrough.test", { kind: "track", delay: { kind: "phrase", phrase: "jan 15", hasTime: false } }],
		[
			"tomorrow4pm@followthrough.test",
			{ kind: "track", delay: { kind: "phrase", phrase: "tomorrow 4:00pm", hasTime: true } },
		],
		["fri930am@followthrough.test", { kind: "track", delay: { kind: "phrase", phrase: "fri 9:30am", hasTime: true } }],
		["track+3d@followthrough.test", { kind: "track", delay: { kind: "days", days: 3 } }],
		["intro@followthrough.test", { kind: "intro" }],
		["met@followthrough.test", { kind: "met" }],
		["thanks@followthrough.test", { kind: "met" }],
		["applied@followthrough.test", { kind: "applied", delay: null }],
		["applied+1w@followthrough.test", { kind: "applied", delay: { kind: "days", days: 7 } }],
		["remind@followthrough.test", { kind: "remind", delay: null }],
		["remind+3d@followthrough.test", { kind: "remind", delay: { kind: "days", days: 3 } }],
		["status@followthrough.test", { kind: "status" }],
		["help@followthrough.test", { kind: "help" }],
		["r+abcdefghijklmnopqrstuvwxyz@followthrough.test", { kind: "reply", token: "abcdefghijklmnopqrstuvwxyz" }],
		["r+short@followthrough.test", { kind: "unknown", localPart: "r+short" }],
		["trak@followthrough.test", { kind: "unknown", localPart: "trak" }],
		["track+soon@followthrough.test", { kind: "unknown", localPart: "track+soon" }],
		["intro+3d@followthrough.test", { kind: "unknown", localPart: "intro+3d" }],
		["0d@followthrough.test", { kind: "unknown", localPart: "0d" }],
		["999d@followthrough.test", { kind: "unknown", localPart: "999d" }],
		["feb30@followthrough.test", { kind: "track", delay: { kind: "phrase", phrase: "feb 30", hasTime: false } }],
		["jan32@followthrough.test", { kind: "unknown", localPart: "jan32" }],
		["tomorrow13pm@followthrough.test", { kind: "unknown", localPart: "tomorrow13pm" }],
		["track@other.example", { kind: "other_domain", domain: "other.example" }],
	])("%s", (address, route) => {
		expect(routeRecipient(address, D)).toEqual(route);
	});
});

describe("parseDelay", () => {
	it.each(["", "d", "3x", "week", "mon day", "next week", "jan", "16", "25pm"])("refuses %j", (s) => {
		expect(parseDelay(s)).toBeNull();
	});
	it.each([
		["4pm", "today 4:00pm"],
		["930am", "today 9:30am"],
		["tomorrow-9am", "tomorrow 9:00am"],
		["monday1730", "monday 17:30"],
	])("reads the explicit time in %j", (s, phrase) => {
		expect(parseDelay(s)).toEqual({ kind: "phrase", phrase, hasTime: true });
	});
});

describe("normaliseRecipient", () => {
	it.each([
		["Track@FollowThrough.test", "track@followthrough.test"],
		["r abcdefghijklmnopqrstuvwxyz@followthrough.test", "r+abcdefghijklmnopqrstuvwxyz@followthrough.test"],
		[" track+3d@followthrough.test ", "track+3d@followthrough.test"],
	])("%j → %j", (to, expected) => {
		expect(normaliseRecipient(to)).toBe(expected);
	});
});
