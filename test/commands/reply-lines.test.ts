/**
 * Lines the reply corpus found unread: "all done", "Met her!", and a command
 * followed on its line by a sentence about it. Pure.
 */
import { describe, expect, it } from "vitest";
import { parseCommands } from "../../src/commands/command-grammar";
import { commandKey } from "./reply-corpus/read-reply";

const read = (text: string) => {
	const r = parseCommands(text);
	return { commands: r.commands.map(commandKey), issues: r.issues.map((i) => i.kind) };
};

describe("lines people write", () => {
	it.each([
		["all done", ["done@all"]],
		["All done!", ["done@all"]],
		["all of them done", ["done@all"]],
		["Met her!", ["met@implicit"]],
		["met him", ["met@implicit"]],
		["stop them", ["stop@implicit"]],
		["1 done - we had coffee yesterday actually.", ["done@1"]],
		["1 done. Wir haben gestern telefoniert.", ["done@1"]],
		["snooze 2 weeks. Ann is travelling until then", ["snooze:14@implicit"]],
	])("%j → %j", (line, commands) => {
		expect(read(line)).toEqual({ commands, issues: [] });
	});

	it.each(["all good", "All good, thanks", "all pause", "I think we should talk, done", "Sent him the deck"])(
		"%j is not a command",
		(line) => {
			expect(read(line).commands).toEqual([]);
		},
	);

	it("a word or two after a command on its line is not guessed at", () => {
		expect(read("stop 1 and ann").commands).toEqual([]);
		expect(read("1 done - ann").commands).toEqual([]);
	});
});
