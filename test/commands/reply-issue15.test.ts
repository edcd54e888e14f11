/**
 * Issue 15 through email(), in the user's exact words: sign-offs beside a command
 * say nothing; a date that has passed is asked about; a bare name answers our
 * question; several commands share a line; settings errors say what was wrong.
 */
import { describe, expect, it } from "vitest";
import { type Msg, mailsTo, nudgesOf, pendingOf, send, userFactory, userRow } from "../support/inbound";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z"); // Mon 09:15 in New York
const digestAt = (date: string) => new Date(`${date}T13:00:00Z`);
const DEC_1 = new Date("2026-12-01T15:00:00Z"); // Tue 1 Dec, 10:00 in New York
const newUser = userFactory("i15-", T);

async function reply(address: string, body: string, at: Date, extra: Partial<Msg> = {}) {
	const last = (await mailsTo(address)).at(-1);
	const rcpt = last?.replyTo ?? "";
	const r = await send({ from: address, to: rcpt, rcpt, subject: `Re: ${last?.subject}`, body, ...extra }, at);
	const answer = (await mailsTo(address)).at(-1)?.text ?? "";
	return { ...r, answer };
}

/** A user with a digest of these people (in this order) delivered on 26 Nov. */
async function withDigest(to: string) {
	const u = await newUser();
	await send({ from: u.address, to, subject: "Coffee?" }, T);
	await tick(digestAt("2026-11-26"));
	return u;
}

const TWO = "Ann Lee <ann@lee.example>, Ben Ortiz <ben@ortiz.example>";

describe("issue 15 through email()", () => {
	it("'1 done' then Thanks!, Robin and Sent from my iPhone: one line, no noise, no address list", async () => {
		const { address } = await withDigest("Ann Lee <ann@lee.example>");
		const r = await reply(address, "1 done\n\nThanks!\nRobin\n\nSent from my iPhone", digestAt("2026-11-26"));
		expect(r.outcome.detail).toBe("Done: Ann Lee.");
		expect(r.answer).toBe("Done: Ann Lee.\n\n— Followthrough");
	});

	it("a mistyped line beside a command is still named, and the command still applies", async () => {
		const { address } = await withDigest(TWO);
		const r = await reply(address, "1 done\n2 snoze 2d\n\nThanks,\nRobin", digestAt("2026-11-26"));
		expect(r.outcome.detail).toBe("Done: Ann Lee.");
		expect(r.answer).toContain('"2 snoze 2d": did you mean "2 snooze 2d"? Nothing was changed for that line.');
		expect(r.answer).not.toContain("Robin");
	});

	it("'snooze until Nov 30' sent on 1 Dec asks, with the year, and changes nothing", async () => {
		const { address, userId } = await withDigest("Ann Lee <ann@lee.example>");
		const before = await pendingOf(userId);
		const r = await reply(address, "snooze until Nov 30", DEC_1);
		expect(r.outcome.reason).toBe("command_not_understood");
		expect(r.answer).toContain(
			'"snooze until Nov 30": 30 Nov has passed. Did you mean Tue 30 Nov 2027? Reply "snooze until 30 Nov 2027".',
		);
		expect(await pendingOf(userId)).toEqual(before);
	});

	it("'snooze until 30 Nov 2027' (the explicit year) snoozes", async () => {
		const { address } = await withDigest("Ann Lee <ann@lee.example>");
		const r = await reply(address, "snooze until 30 Nov 2027", DEC_1);
		expect(r.outcome.reason).toBe("commands");
		expect(r.outcome.detail).toMatch(/^Snoozed Ann Lee until Tue 30 Nov/);
	});

	it("after 'stop Ann' matched Ann Lee and Ann Park, replying 'Ann Park' stops Ann Park only", async () => {
		const { address, userId } = await withDigest("Ann Lee <ann@lee.example>, Ann Park <ann@park.example>");
		const asked = await reply(address, "stop Ann", digestAt("2026-11-26"));
		expect(asked.answer).toContain('"stop Ann": Ann Lee and Ann Park both match.');
		expect(asked.answer).toContain('Or reply with just the name, like "Ann Park".');
		const r = await reply(address, "Ann Park\n\nThanks,\nRobin", new Date("2026-11-26T14:00:00Z"));
		expect(r.outcome.detail).toBe("Stopped following up with Ann Park.");
		// Each thread's one open nudge (delivered in the digest): only Ann Lee's is left.
		const open = (await nudgesOf(userId)).filter((n) => ["pending", "sent", "snoozed"].includes(n.nudge.state));
		expect(open.map((n) => n.email)).toEqual(["ann@lee.example"]);
	});

	it("an answer to a snooze question snoozes the one named", async () => {
		const { address } = await withDigest("Ann Lee <ann@lee.example>, Ann Park <ann@park.example>");
		await reply(address, "snooze Ann 3 days", digestAt("2026-11-26"));
		const r = await reply(address, "ann lee", new Date("2026-11-26T14:00:00Z"));
		expect(r.outcome.detail).toBe("Snoozed Ann Lee until Mon 30 Nov, 08:00.");
	});

	it("'done' to a digest of two asks which one, and a bare name answers", async () => {
		const { address, userId } = await withDigest(TWO);
		const annBefore = (await nudgesOf(userId)).filter((n) => n.email === "ann@lee.example");
		expect(annBefore.length).toBeGreaterThan(0);
		const asked = await reply(address, "done", digestAt("2026-11-26"));
		expect(asked.answer).toContain('"done": which one? That email had 2 items: reply like "1 done".');
		expect(asked.answer).toContain('Or reply with just the name, like "Ben Ortiz".');
		const r = await reply(address, "Ben Ortiz", new Date("2026-11-26T14:00:00Z"));
		expect(r.outcome.detail).toBe("Done: Ben Ortiz.");
		expect((await nudgesOf(userId)).filter((n) => n.email === "ann@lee.example")).toEqual(annBefore);
		const ben = (await nudgesOf(userId)).filter((n) => n.email === "ben@ortiz.example").map((n) => n.nudge.state);
		expect(ben).toContain("done");
	});

	it("a bare name with no question asked is not a command", async () => {
		const { address } = await withDigest(TWO);
		const r = await reply(address, "Ann Lee", digestAt("2026-11-26"));
		expect(r.outcome.reason).toBe("command_not_understood");
	});

	it.each([
		["1 done, 2 snooze 2d", "Done: Ann Lee. Snoozed Ben Ortiz until Mon 30 Nov, 08:00."],
		["1 done; 2 stop", "Done: Ann Lee. Stopped following up with Ben Ortiz."],
		["1 done and 2 replied", "Done: Ann Lee. Ben Ortiz replied: follow-ups stopped."],
	])("%j applies both commands", async (body, detail) => {
		const { address } = await withDigest(TWO);
		const r = await reply(address, body, digestAt("2026-11-26"));
		expect(r.outcome.detail).toBe(detail);
		expect(r.answer).not.toMatch(/don't know|did you mean/);
	});

	it("'snooze 3 days please' snoozes", async () => {
		const { address } = await withDigest("Ann Lee <ann@lee.example>");
		const r = await reply(address, "snooze 3 days please", digestAt("2026-11-26"));
		expect(r.outcome.detail).toBe("Snoozed Ann Lee until Mon 30 Nov, 08:00.");
	});

	it.each([
		["timezone Mars/Olympus", `"Mars/Olympus" isn't a timezone I know`],
		["digest 25pm", `"25pm" isn't a time of day I can read: try "digest 7am" or "digest 18:30".`],
		["timezone IST", `"IST" is used in more than one place: reply "timezone Asia/Kolkata" (India)`],
		["timezone UTC+2", `"UTC+2" is a fixed offset`],
		["timezone Berln", `Did you mean Europe/Berlin? Reply "timezone Europe/Berlin".`],
	])("%j says what was wrong, not 'I don't know that command'", async (body, says) => {
		const { address, userId } = await withDigest("Ann Lee <ann@lee.example>");
		const before = await userRow(userId);
		const r = await reply(address, body, digestAt("2026-11-26"));
		expect(r.answer).toContain(says);
		expect(r.answer).not.toContain("I don't know that command");
		expect(await userRow(userId)).toEqual(before);
	});

	it("'timezone EST' sets America/New_York, which keeps daylight saving", async () => {
		const { address, userId } = await withDigest("Ann Lee <ann@lee.example>");
		const r = await reply(address, "timezone EST", digestAt("2026-11-26"));
		expect(r.outcome.detail).toBe("Timezone set to America/New_York.");
		expect((await userRow(userId))?.timezone).toBe("America/New_York");
	});
});

describe("the grammar we send back", () => {
	it("shows several commands on a line and the settings", async () => {
		const { address } = await withDigest("Ann Lee <ann@lee.example>");
		const r = await reply(address, "what can I do here?", digestAt("2026-11-26"));
		expect(r.answer).toContain('or several: "1 done, 3 snooze 2d".');
		expect(r.answer).toContain('Settings: "timezone Berlin", "digest 7am"');
	});
});
