/**
 * Issue 15, the reply grammar in the user's own words: sign-offs are passed over,
 * typos are still reported, several commands share a line, polite words are
 * allowed, and a bare name answers the question we asked.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	type Action,
	type Command,
	describeIssue,
	type PendingQuestion,
	parseCommands,
	type Target,
} from "../../src/commands/command-grammar";

const implicit: Target = { kind: "implicit" };
const nums = (...numbers: number[]): Target => ({ kind: "numbers", numbers });
const name = (n: string): Target => ({ kind: "name", name: n });
const done: Action = { kind: "done" };
const stop: Action = { kind: "stop" };
const days = (d: number): Action => ({ kind: "snooze", delay: { kind: "days", days: d } });
const brief = (cs: Command[]) => cs.map((c) => [c.action, c.target]);

describe("sign-offs beside a command are passed over in silence", () => {
	it("the issue's reply: '1 done', then Thanks!, Robin and the iPhone signature", () => {
		const r = parseCommands("1 done\n\nThanks!\nRobin\n\nSent from my iPhone");
		expect(brief(r.commands)).toEqual([[done, nums(1)]]);
		expect(r.unknown).toEqual([]);
		expect(r.issues).toEqual([]);
		expect(r.ignored).toEqual(["Thanks!", "Robin"]);
	});

	it.each([
		"Hi,",
		"Hey there!",
		"Hello Followthrough,",
		"Good morning",
		"Thanks!",
		"Thank you so much",
		"Thanks again",
		"Best,",
		"Best regards,",
		"Kind regards",
		"Cheers",
		"Robin",
		"Robin Ortiz",
		"Kent",
		"Dane Smith",
		"Robin Ortiz | Product Designer",
		"Acme Corp",
		"+1 (555) 123-4567",
		"555-123-4567",
		"123 Main Street",
		"42 Wallaby Way",
		"10 minutes late, sorry",
		"www.robinortiz.example",
		"robin@ortiz.example",
		"Let me know if you need anything",
		"Sorry for the slow reply",
		"Hope you're well",
		"Send me the deck when you can",
		"Gone fishing next week",
		"Stop by any time",
		"Sent you the notes yesterday",
		"Met him last week, great guy",
		"Later this week works for me",
		"Resume attached",
		"Talk soon",
		"xx",
		"Hallo,",
		"Danke!",
		"Viele Grüße",
		"Mit freundlichen Grüßen",
		"Stefan",
		"Merci beaucoup",
		"Bonne journée",
		"Cordialement,",
		"Hola,",
		"Gracias",
		"Un saludo",
		"Dona",
	])("%j is ignored beside '2 done'", (line) => {
		for (const text of [`2 done\n\n${line}`, `${line}\n\n2 done`]) {
			const r = parseCommands(text);
			expect(brief(r.commands)).toEqual([[done, nums(2)]]);
			expect(r.issues).toEqual([]);
			expect(r.ignored).toEqual([line]);
		}
	});

	it.each([
		"Sent from Mail for Windows",
		"Sent via Superhuman",
		"Sent with Spark",
		"Von meinem iPhone gesendet",
		"Envoyé de mon iPhone",
		"Enviado desde mi iPhone",
		"-- ",
	])("%j ends the reply: nothing after it is read", (marker) => {
		const r = parseCommands(`1 done\n${marker}\nsnooze 9d\nRobin`);
		expect(brief(r.commands)).toEqual([[done, nums(1)]]);
		expect(r.ignored).toEqual([]);
	});

	it("with no command understood, every line is reported as before", () => {
		const r = parseCommands("Thanks!\nRobin");
		expect(r.commands).toEqual([]);
		expect(r.unknown).toEqual(["Thanks!", "Robin"]);
		expect(r.issues.map(describeIssue)).toEqual([
			'"Thanks!": I don\'t know that command.',
			'"Robin": I don\'t know that command.',
		]);
	});
});

describe("a line that looks like a mistyped command is still reported", () => {
	it.each([
		["snoze 2d", "snooze 2d"],
		["doen", "done"],
		["stpo Ann", "stop Ann"],
		["2 snoooze", "2 snooze"],
		["2 snoze 3d", "2 snooze 3d"],
		["1 dnoe", "1 done"],
		["dnoe 2", "done 2"],
		["pasue", "pause"],
		["resmue", "resume"],
		["hepl", "help"],
		["Snoozee 1w", "snooze 1w"],
		["3 mte", "3 met"],
		["2 blorp", null],
		["1 3", null],
	])("%j beside a command → did you mean %j", (line, suggestion) => {
		const r = parseCommands(`1 done\n${line}\nThanks,\nRobin`);
		expect(brief(r.commands)).toEqual([[done, nums(1)]]);
		expect(r.ignored).toEqual(["Thanks,", "Robin"]);
		expect(r.unknown).toEqual([line]);
		const [issue] = r.issues;
		if (suggestion === null) expect(issue?.kind).toMatch(/^(mistyped|bad_arguments)$/);
		else expect(issue).toEqual({ kind: "mistyped", line, suggestion });
	});

	it("words the typo as a question", () => {
		const [issue] = parseCommands("1 done\nsnoze 2d").issues;
		expect(issue && describeIssue(issue)).toBe(
			'"snoze 2d": did you mean "snooze 2d"? Nothing was changed for that line.',
		);
	});

	it("a known command we could not read is reported too", () => {
		const r = parseCommands("1 done\nsnooze until the cows come home\ndone 1 ann");
		expect(r.issues).toEqual([
			{ kind: "bad_arguments", line: "snooze until the cows come home", action: "snooze" },
			{ kind: "bad_arguments", line: "done 1 ann", action: "done" },
		]);
		expect(r.issues.map(describeIssue)).toEqual([
			'"snooze until the cows come home": I couldn\'t read when. Try "snooze 3d", "snooze 2 weeks" or "snooze until monday".',
			'"done 1 ann": I couldn\'t tell which items. Use their numbers, like "1 3 done", or a name, like "done Ann".',
		]);
	});
});

describe("several commands on one line, and polite words", () => {
	it.each<[string, [Action, Target][]]>([
		[
			"1 done, 3 snooze 2d",
			[
				[done, nums(1)],
				[days(2), nums(3)],
			],
		],
		[
			"1 done; 3 snooze 2d",
			[
				[done, nums(1)],
				[days(2), nums(3)],
			],
		],
		[
			"1 done and 3 snooze 2d",
			[
				[done, nums(1)],
				[days(2), nums(3)],
			],
		],
		[
			"done ann, stop bob",
			[
				[done, name("ann")],
				[stop, name("bob")],
			],
		],
		[
			"1 done. 2 stop.",
			[
				[done, nums(1)],
				[stop, nums(2)],
			],
		],
		["Great, 1 done!", [[done, nums(1)]]],
		["1 done, thanks!", [[done, nums(1)]]],
		["snooze 3 days please", [[days(3), implicit]]],
		["done thanks", [[done, implicit]]],
		["please snooze 1w", [[days(7), implicit]]],
		["snooze 2 weeks for me", [[days(14), implicit]]],
		["ok, done", [[done, implicit]]],
		["Done. Thanks!", [[done, implicit]]],
		["thank you, done", [[done, implicit]]],
		["pls stop Ann", [[stop, name("ann")]]],
		["done 1, 3", [[done, nums(1, 3)]]],
		["1, 3 done", [[done, nums(1, 3)]]],
		["1 and 3 done", [[done, nums(1, 3)]]],
		["done 1 and 3", [[done, nums(1, 3)]]],
		["snooze until Dec. 3", [[{ kind: "snooze", delay: { kind: "phrase", phrase: "dec. 3" } }, implicit]]],
		["stop it", [[stop, implicit]]],
		["snooze untill friday", [[{ kind: "snooze", delay: { kind: "phrase", phrase: "friday" } }, implicit]]],
	])("%j", (line, expected) => {
		const r = parseCommands(line);
		expect(brief(r.commands)).toEqual(expected);
		expect(r.issues).toEqual([]);
	});

	it("each command of a shared line keeps its own words, for the confirmation", () => {
		expect(parseCommands("1 done, 3 snooze 2d").commands.map((c) => c.line)).toEqual(["1 done", "3 snooze 2d"]);
	});

	it("a typo in one part is reported and the other part still applies", () => {
		const r = parseCommands("1 done, 3 snoze 2d");
		expect(brief(r.commands)).toEqual([[done, nums(1)]]);
		expect(r.issues).toEqual([{ kind: "mistyped", line: "3 snoze 2d", suggestion: "3 snooze 2d" }]);
	});

	it("'stop 1 and ann' is still not a guess", () => {
		expect(parseCommands("stop 1 and ann").commands).toEqual([]);
	});
});

describe("a bare name answers the question we asked", () => {
	const question: PendingQuestion = { action: stop, candidates: ["Ann Lee", "Ann Park"] };

	it.each([
		["Ann Park", "Ann Park"],
		["ann park", "Ann Park"],
		["Ann Park.", "Ann Park"],
		["Ann Park please", "Ann Park"],
		["Ann P", "Ann Park"],
		["Park", "Ann Park"],
		["ann lee", "Ann Lee"],
	])("%j → stop %s", (reply, who) => {
		const r = parseCommands(`${reply}\n\nThanks,\nRobin`, question);
		expect(brief(r.commands)).toEqual([[stop, name(who)]]);
		expect(r.issues).toEqual([]);
	});

	it("the answer carries the question's action, snooze delay included", () => {
		const snooze: PendingQuestion = { action: days(3), candidates: ["Ann Lee", "Ann Park"] };
		expect(brief(parseCommands("Ann Park", snooze).commands)).toEqual([[days(3), name("Ann Park")]]);
	});

	it.each(["Ann", "Bob", "Robin"])("%j names no single candidate: not a command", (reply) => {
		expect(parseCommands(reply, question).commands).toEqual([]);
	});

	it("without the question a bare name is not a command", () => {
		expect(parseCommands("Ann Park").unknown).toEqual(["Ann Park"]);
	});

	it("a full command still works while a question waits", () => {
		expect(brief(parseCommands("1 done", question).commands)).toEqual([[done, nums(1)]]);
	});
});

describe("properties", () => {
	it("a reply never both applies a command and says it does not know one of its lines", () => {
		const line = fc.constantFrom(
			"1 done",
			"snooze 3d",
			"Thanks!",
			"Robin",
			"Best,",
			"Hi Ann,",
			"stop Ann",
			"Sounds good",
			"",
			"see you soon",
		);
		fc.assert(
			fc.property(fc.array(fc.oneof(line, fc.string({ maxLength: 30 })), { maxLength: 8 }), (lines) => {
				const r = parseCommands(lines.join("\n"));
				if (r.commands.length) expect(r.issues.filter((i) => i.kind === "unknown")).toEqual([]);
				expect(r.unknown).toEqual(r.issues.map((i) => i.line));
			}),
			{ numRuns: 1000, seed: 15 },
		);
	});
});
