/**
 * Conformance over ../shared/corpus/reply:
 * - mailgun__talon: real raw replies from 12 mail clients (Android, AOL, Apple
 *   Mail, Gmail, Hotmail, iPhone, Outlook, Sparrow, Thunderbird, Yahoo…) must
 *   yield just "Hello", through the same parse and reply stripping commands use.
 * - discourse__email_reply_trimmer: the trimmer keeps exactly the expected
 *   text (upstream compares both sides stripped); and the text commands read is
 *   never anything the trimmer removed, and is empty only when the sender wrote
 *   nothing but quotes.
 */
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/inbound/parse-message";
import { newText } from "../../src/lib/new-text";
import { trimReply } from "../../src/lib/reply-text/trim-reply";
import { corpus } from "../support/corpus";

const replies = corpus?.reply ?? null;
if (!replies) console.log("[corpus] reply/ is absent: reply conformance skipped.");
const bytesOf = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

describe.runIf(replies !== null)("talon standard replies", () => {
	const cases = Object.entries(replies?.talon ?? {});
	it("has every client", () => {
		expect(cases.length).toBe(12);
	});
	it.each(cases)("%s yields Hello", async (_name, b64) => {
		const mail = await parseMessage(bytesOf(b64));
		expect(newText(mail.text)).toBe("Hello");
	});
});

const sendersOwn = (text: string) =>
	text
		.replace(/\r/g, "")
		.split("\n")
		.filter((l) => !/^\s*>/.test(l))
		.map((l) => l.trim());

describe.runIf(replies !== null)("discourse trimmer cases", () => {
	const cases = (replies?.trimmer ?? []).map((c) => [c.id, c] as const);
	it("has every case", () => {
		expect(cases.length).toBe(64);
	});
	it.each(cases)("%s trims to the expected text", (_id, c) => {
		expect(trimReply(c.input)).toBe(c.trimmed.trim());
	});
	it.each(cases)("%s: commands read only the sender's own lines", (_id, c) => {
		const own = sendersOwn(c.trimmed);
		const read = newText(c.input);
		for (const line of read.split("\n").filter((l) => l.trim() !== "")) expect(own).toContain(line.trim());
		expect(read === "").toBe(own.every((l) => l === ""));
	});
});
