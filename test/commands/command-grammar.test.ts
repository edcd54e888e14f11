import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Action, parseCommandLine, parseCommands, type Target } from "../../src/commands/command-grammar";

const implicit: Target = { kind: "implicit" };
const nums = (...numbers: number[]): Target => ({ kind: "numbers", numbers });
const name = (n: string): Target => ({ kind: "name", name: n });
const days = (d: number): Action => ({ kind: "snooze", delay: { kind: "days", days: d } });
const phrase = (p: string): Action => ({ kind: "snooze", delay: { kind: "phrase", phrase: p } });

const TABLE: [string, Action, Target][] = [
	["done", { kind: "done" }, implicit],
	["Done.", { kind: "done" }, implicit],
	["DONE!", { kind: "done" }, implicit],
	["  done  ", { kind: "done" }, implicit],
	["sent", { kind: "done" }, implicit],
	["Sent!", { kind: "done" }, implicit],
	["did it", { kind: "done" }, implicit],
	["followed up", { kind: "done" }, implicit],
	["1 done", { kind: "done" }, nums(1)],
	["#2 done", { kind: "done" }, nums(2)],
	["1 3 done", { kind: "done" }, nums(1, 3)],
	["1, 3 done", { kind: "done" }, nums(1, 3)],
	["1 and 3 done", { kind: "done" }, nums(1, 3)],
	["done 1", { kind: "done" }, nums(1)],
	["done 1 3", { kind: "done" }, nums(1, 3)],
	["done 1, 3", { kind: "done" }, nums(1, 3)],
	["done #2", { kind: "done" }, nums(2)],
	["done all", { kind: "done" }, { kind: "all" }],
	["done everything", { kind: "done" }, { kind: "all" }],
	["done ann", { kind: "done" }, name("ann")],
	["done Ann Lee", { kind: "done" }, name("ann lee")],
	["replied", { kind: "replied" }, implicit],
	["They replied", { kind: "replied" }, implicit],
	["she replied!", { kind: "replied" }, implicit],
	["got a reply", { kind: "replied" }, implicit],
	["2 replied", { kind: "replied" }, nums(2)],
	["replied ann", { kind: "replied" }, name("ann")],
	["met", { kind: "met" }, implicit],
	["We met", { kind: "met" }, implicit],
	["3 met", { kind: "met" }, nums(3)],
	["met Bob", { kind: "met" }, name("bob")],
	["stop", { kind: "stop" }, implicit],
	["Stop.", { kind: "stop" }, implicit],
	["stop Ann", { kind: "stop" }, name("ann")],
	["stop ben", { kind: "stop" }, name("ben")],
	["Stop Ben Ortiz", { kind: "stop" }, name("ben ortiz")],
	["move on", { kind: "stop" }, implicit],
	["Moving on.", { kind: "stop" }, implicit],
	["2 stop", { kind: "stop" }, nums(2)],
	["stop 2", { kind: "stop" }, nums(2)],
	["move on 1 2", { kind: "stop" }, nums(1, 2)],
	["snooze", days(1), implicit],
	["Snooze!", days(1), implicit],
	["snooze 3d", days(3), implicit],
	["snooze 3 days", days(3), implicit],
	["snooze 1 day", days(1), implicit],
	["snooze 1w", days(7), implicit],
	["snooze 1 week", days(7), implicit],
	["snooze a week", days(7), implicit],
	["snooze 2 weeks", days(14), implicit],
	["snooze two weeks", days(14), implicit],
	["snooze for 2 weeks", days(14), implicit],
	["snooze in 3 days", days(3), implicit],
	["snooze 1 month", days(30), implicit],
	["snooze tomorrow", days(1), implicit],
	["snooze until monday", phrase("monday"), implicit],
	["Snooze until Monday.", phrase("monday"), implicit],
	["snooze till friday", phrase("friday"), implicit],
	["snooze until Dec 3", phrase("dec 3"), implicit],
	["snooze until december 3", phrase("december 3"), implicit],
	["snooze monday", phrase("monday"), implicit],
	["snooze next week", phrase("next monday"), implicit],
	["later", days(1), implicit],
	["Later.", days(1), implicit],
	["next week", phrase("next monday"), implicit],
	["2 snooze 1w", days(7), nums(2)],
	["2 snooze 1 week", days(7), nums(2)],
	["1 3 snooze until monday", phrase("monday"), nums(1, 3)],
	["snooze 2 3d", days(3), nums(2)],
	["snooze ann 3d", days(3), name("ann")],
	["snooze Ann until monday", phrase("monday"), name("ann")],
	["remind me in 3 days", days(3), implicit],
	["remind me tomorrow", days(1), implicit],
	["pause", { kind: "pause" }, implicit],
	["Pause.", { kind: "pause" }, implicit],
	["unsubscribe", { kind: "pause" }, implicit],
	["resume", { kind: "resume" }, implicit],
	["Resume!", { kind: "resume" }, implicit],
	["help", { kind: "help" }, implicit],
	["?", { kind: "help" }, implicit],
	["got the job", { kind: "got_job" }, implicit],
	["I got the job!", { kind: "got_job" }, implicit],
	["i got a job", { kind: "got_job" }, implicit],
	["I'm hired", { kind: "got_job" }, implicit],
	["timezone Europe/Berlin", { kind: "timezone", zone: "Europe/Berlin" }, implicit],
	["Timezone: Berlin", { kind: "timezone", zone: "Europe/Berlin" }, implicit],
	["tz new york", { kind: "timezone", zone: "America/New_York" }, implicit],
	["time zone Asia/Kolkata", { kind: "timezone", zone: "Asia/Kolkata" }, implicit],
	["digest 7am", { kind: "digest_time", minutes: 420 }, implicit],
	["digest at 7:30am", { kind: "digest_time", minutes: 450 }, implicit],
	["digest 18:00", { kind: "digest_time", minutes: 1080 }, implicit],
	["instant", { kind: "mode", mode: "instant" }, implicit],
	["Digest", { kind: "mode", mode: "digest" }, implicit],
];

describe("parseCommandLine", () => {
	it("has at least 80 phrasings", () => {
		expect(TABLE.length).toBeGreaterThanOrEqual(80);
	});
	it.each(TABLE)("%j", (line, action, target) => {
		expect(parseCommandLine(line)).toEqual({ action, target, line: line.trim() });
	});

	it.each([
		"thanks!",
		"what does this do",
		"snooze until never",
		"snooze until the cows come home",
		"snooze in a while",
		"timezone Mars/Olympus",
		"digest 25pm",
		"1 2",
		"done 1 ann",
		"snooze 999 days",
		"stop 1 and ann",
	])("does not guess at %j", (line) => {
		expect(parseCommandLine(line)).toBe("unknown");
	});
	it("skips blank lines", () => {
		expect(parseCommandLine("   ")).toBeNull();
	});
});

describe("parseCommands", () => {
	it("reads one command per line and stops at a signature", () => {
		const r = parseCommands("1 done\n2 snooze 1w\n\nstop Ann\n-- \nPat\nsnooze 9d");
		expect(r.commands.map((c) => c.action.kind)).toEqual(["done", "snooze", "stop"]);
		expect(r.unknown).toEqual([]);
	});
	it("stops at 'Sent from my iPhone'", () => {
		expect(parseCommands("done\n\nSent from my iPhone").commands).toHaveLength(1);
	});
	it("collects lines it cannot read when no line is a command", () => {
		expect(parseCommands("please call me").unknown).toEqual(["please call me"]);
	});
	it("passes over a sentence beside a command (issue 15: no error noise)", () => {
		const r = parseCommands("done\nplease call me");
		expect(r.unknown).toEqual([]);
		expect(r.ignored).toEqual(["please call me"]);
	});
});

describe("properties", () => {
	it("never throws, and every target number comes from the text", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (text) => {
				const r = parseCommands(text);
				for (const c of r.commands) {
					if (c.target.kind === "numbers") for (const n of c.target.numbers) expect(text).toContain(String(n));
				}
			}),
			{ numRuns: 2000, seed: 42 },
		);
	});
	it("a command built from grammar parts parses to that action", () => {
		const verbs = fc.constantFrom(
			["done", "done"],
			["stop", "stop"],
			["replied", "replied"],
			["met", "met"],
			["snooze", "snooze"],
		);
		fc.assert(
			fc.property(
				verbs,
				fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }),
				fc.boolean(),
				([word, kind], numbers, leading) => {
					const list = numbers.join(" ");
					const c = parseCommandLine(leading ? `${list} ${word}` : `${word} ${list}`);
					expect(c).not.toBe("unknown");
					if (c && c !== "unknown") {
						expect(c.action.kind).toBe(kind);
						expect(c.target).toEqual({ kind: "numbers", numbers: [...new Set(numbers)] });
					}
				},
			),
			{ numRuns: 500, seed: 7 },
		);
	});
});
