/**
 * A sample of the reply corpus through the real email() path: a user with a digest
 * of Ann Lee, Ben Ortiz and Carla Diaz replies with the case's words. The answer
 * confirms exactly the intended effects, one line each, and never both applies a
 * command and complains about a line of the reply.
 */
import { describe, expect, it } from "vitest";
import { mailsTo, receive, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";
import { rawReply } from "./reply-corpus/read-reply";
import { REPLIES, type ReplyCase } from "./reply-corpus/replies";

const T = new Date("2026-11-23T14:15:00Z");
const DIGEST = new Date("2026-11-26T13:00:00Z");
const REPLY_AT = new Date("2026-11-26T14:00:00Z");
const PEOPLE = ["Ann Lee", "Ben Ortiz", "Carla Diaz"];
const newUser = userFactory("corpus-", T);

/** Commands that say which item, or are about the account: with three items, a bare "done" asks which one. */
const placed = (key: string) => !key.endsWith("@implicit") || /^(tz|digest|mode|pause|resume|help|got_job)/.test(key);
const eligible = REPLIES.filter((c) => c.expect.every(placed));
const SAMPLE = eligible.filter((_, i) => i % 3 === 0);

/** The confirmation line each command must give, from the digest's numbering. */
function expectedLines(c: ReplyCase, order: string[]): string[] {
	return c.expect.flatMap((key) => {
		const [action = "", target = ""] = key.split("@");
		const people =
			target === "all"
				? order
				: target.startsWith("name:")
					? PEOPLE.filter((p) => p.toLowerCase().startsWith(target.slice(5)))
					: target === "implicit"
						? [""]
						: target.split(",").map((n) => order[Number(n) - 1] ?? "?");
		return people.map((p) => {
			if (action === "done") return `Done: ${p}.`;
			if (action === "stop") return `Stopped following up with ${p}.`;
			if (action === "replied") return `${p} replied: follow-ups stopped.`;
			if (action === "met") return `Noted you met ${p}: a thank-you note is due today.`;
			if (action.startsWith("snooze:")) return `Snoozed ${p} until `;
			if (action.startsWith("tz:")) return `Timezone set to ${action.slice(3)}.`;
			if (action === "digest:420") return "Your digest now comes at 07:00.";
			if (action === "digest:1110") return "Your digest now comes at 18:30.";
			if (action === "pause") return "Paused: ";
			// The account is active when the reply comes: there was nothing to resume.
			if (action === "resume") return "Reminders were already on: nothing to resume.";
			if (action === "got_job") return "Congratulations! ";
			if (action === "help") return "The commands are below.";
			return `? ${key}`;
		});
	});
}

describe("reply corpus through email()", () => {
	it("samples every language and layout", () => {
		expect(SAMPLE.length).toBeGreaterThanOrEqual(60);
		expect(new Set(SAMPLE.map((c) => c.lang)).size).toBe(4);
		expect(new Set(SAMPLE.map((c) => c.layout)).size).toBeGreaterThanOrEqual(7);
	});

	it.for(SAMPLE.map((c) => [c.id, c] as const))("%s", async ([, c]) => {
		const { address } = await newUser();
		await receive(
			rawReply(
				{ ...c, layout: "bare", body: "Hi, would you have 20 minutes next week?" },
				PEOPLE.map((p) => `${p} <${p.split(" ")[0]?.toLowerCase()}@${p.split(" ")[1]?.toLowerCase()}.example>`).join(
					", ",
				),
				address,
			),
			{ to: "track@followthrough.test", at: T, envelopeFrom: address },
		);
		await tick(DIGEST);
		const digest = (await mailsTo(address)).at(-1);
		const order = [1, 2, 3].map(
			(n) => PEOPLE.find((p) => new RegExp(`^${n}\\. .*${p}`, "m").test(digest?.text ?? "")) ?? "?",
		);
		const rcpt = digest?.replyTo ?? "";
		const r = await receive(rawReply(c, rcpt, address), { to: rcpt, at: REPLY_AT, envelopeFrom: address });
		const answer = (await mailsTo(address)).at(-1)?.text ?? "";
		const complaint = /I don't know that command|did you mean|couldn't read|isn't a/;
		if (!c.expect.length) {
			expect(r.outcome.reason).toBe("command_not_understood");
			// A bad setting is named for what it is, not as an unknown command.
			if (!c.issues?.includes("unknown")) expect(answer).not.toContain("I don't know that command");
			return;
		}
		expect(r.outcome.reason).toBe("commands");
		const lines = expectedLines(c, order);
		const done = (r.outcome.detail ?? "").split(/(?<=\.) (?=[A-Z])/);
		expect(done).toHaveLength(lines.length);
		for (const [i, l] of lines.entries()) expect(done[i]).toContain(l);
		if (!c.issues?.length) expect(answer).not.toMatch(complaint);
	});
});
