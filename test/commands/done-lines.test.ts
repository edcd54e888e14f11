/** `done all` is one command, confirmed in one line; a line that says more stays its own. */
import { describe, expect, it } from "vitest";
import { joinDoneLines } from "../../src/commands/command-confirmation";
import { mailsTo, replyTo, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("donelines", T);

describe("done lines", () => {
	it.each([
		[["Done: Ann Lee."], ["Done: Ann Lee."]],
		[["Done: Ann Lee.", "Done: Ben Ortiz.", "Done: Cleo Park."], ["Done: Ann Lee, Ben Ortiz and Cleo Park."]],
		[
			["Done: Ann Lee.", "Snoozed Ben Ortiz until Mon 30 Nov, 08:00.", "Done: Cleo Park.", "Done: Dan Wu."],
			["Done: Ann Lee.", "Snoozed Ben Ortiz until Mon 30 Nov, 08:00.", "Done: Cleo Park and Dan Wu."],
		],
		[
			["Done: Dana Wu. Next: let Carol Diaz know you reached out.", "Done: Ann Lee."],
			["Done: Dana Wu. Next: let Carol Diaz know you reached out.", "Done: Ann Lee."],
		],
		// Labels with their own commas or "and" stay on their own lines: joined, they would read as other people.
		[
			["Done: Lee, Ann.", "Done: Ortiz, Ben.", "Done: Cleo Park."],
			["Done: Lee, Ann.", "Done: Ortiz, Ben.", "Done: Cleo Park."],
		],
		[
			['Done: "Pay rent and taxes".', "Done: Ann Lee.", "Done: Ben Ortiz."],
			['Done: "Pay rent and taxes".', "Done: Ann Lee and Ben Ortiz."],
		],
	])("%j → %j", (lines, want) => {
		expect(joinDoneLines(lines)).toEqual(want);
	});

	it("'done all' on a digest of three answers with one Done line", async () => {
		const { address } = await newUser();
		await send(
			{
				from: address,
				to: "Ann Lee <ann@lee.example>, Ben Ortiz <ben@ortiz.example>, Cleo Park <cleo@park.example>",
				subject: "Coffee?",
			},
			T,
		);
		await tick(new Date("2026-11-26T13:00:00Z"));
		await send(await replyTo(address, "done all"), new Date("2026-11-26T15:00:00Z"));
		const text = (await mailsTo(address)).at(-1)?.text ?? "";
		expect(text.split("\n").filter((l) => l.startsWith("Done:"))).toEqual(["Done: Ann Lee, Ben Ortiz and Cleo Park."]);
	});
});
