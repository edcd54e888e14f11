/**
 * Conformance over ../shared/corpus/reply/mailgun__talon: real raw replies from 12
 * mail clients (Android, AOL, Apple Mail, Gmail, Hotmail, iPhone, Outlook, Sparrow,
 * Thunderbird, Yahoo…) must yield just "Hello" as the new text, through the same
 * parse and reply stripping that commands use.
 */
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/inbound/parse-message";
import { newText } from "../../src/lib/new-text";
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
