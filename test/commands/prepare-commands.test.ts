/**
 * Before commands are applied: a snooze to a past date is held back with the
 * question to ask; a name or a bare verb that fits several items becomes the
 * question a bare name answers; only a question we could have written is read back. Pure.
 */
import { describe, expect, it } from "vitest";
import { parseCommands } from "../../src/commands/command-grammar";
import type { Item } from "../../src/commands/command-items";
import { prepareCommands, readQuestion } from "../../src/commands/prepare-commands";
import { MON_TO_FRI } from "../../src/time/local-time";

const NY = { timezone: "America/New_York", digestMinutes: 480, businessDays: MON_TO_FRI };
const DEC_1 = new Date("2026-12-01T15:00:00Z");
const item = (contactName: string | null, contactEmail: string): Item => ({
	id: contactEmail,
	kind: "follow_up",
	state: "sent",
	attempt: 1,
	note: null,
	threadId: null,
	contactId: contactEmail,
	contactName,
	contactEmail,
});
const ITEMS = [
	item("Ann Lee", "ann@lee.example"),
	item("Ann Park", "ann@park.example"),
	item(null, "bo@ortiz.example"),
];
const prepare = (text: string, items = ITEMS) => prepareCommands(parseCommands(text).commands, items, DEC_1, NY);

describe("prepareCommands", () => {
	it("holds back 'snooze until Nov 30' on 1 Dec and keeps the rest", () => {
		const p = prepare("1 done\n2 snooze until Nov 30");
		expect(p.commands.map((c) => c.line)).toEqual(["1 done"]);
		expect(p.problems).toEqual([
			'"2 snooze until Nov 30": 30 Nov has passed. Did you mean Tue 30 Nov 2027? Reply "2 snooze until 30 Nov 2027".',
		]);
	});

	it.each([
		["stop Ann", { action: { kind: "stop" }, candidates: ["Ann Lee", "Ann Park"] }],
		["done", { action: { kind: "done" }, candidates: ["Ann Lee", "Ann Park", "bo@ortiz.example"] }],
		[
			"snooze 3d",
			{
				action: { kind: "snooze", delay: { kind: "days", days: 3 } },
				candidates: ["Ann Lee", "Ann Park", "bo@ortiz.example"],
			},
		],
		["stop Ann Park", null],
		["1 done", null],
		["pause", null],
	])("%j asks %o", (text, question) => {
		const p = prepare(text);
		expect(p.question).toEqual(question);
		expect(p.commands).toHaveLength(1);
	});

	it("a bare verb with one item asks nothing", () => {
		expect(prepare("done", [item("Ann Lee", "ann@lee.example")]).question).toBeNull();
	});
});

describe("readQuestion", () => {
	it("reads back what we stored", () => {
		const q = { action: { kind: "stop" }, candidates: ["Ann Lee", "Ann Park"] };
		expect(readQuestion(JSON.parse(JSON.stringify(q)))).toEqual(q);
	});

	it.each([
		undefined,
		null,
		"stop",
		{ action: { kind: "pause" }, candidates: ["Ann Lee", "Ann Park"] },
		{ action: { kind: "timezone", zone: "UTC" }, candidates: ["Ann Lee", "Ann Park"] },
		{ action: { kind: "stop" }, candidates: ["Ann Lee"] },
		{ action: { kind: "stop" }, candidates: "Ann Lee" },
		{ action: { kind: "snooze", delay: { kind: "days", days: 9999 } }, candidates: ["A", "B"] },
	])("ignores %o", (stored) => {
		expect(readQuestion(stored)).toBeNull();
	});
});
