/**
 * A fallback that swallows an error still leaves a structured log line, so a
 * broken parser shows in the logs instead of looking like "not a forward".
 */
import EmailForwardParser from "email-forward-parser";
import EmailReplyParser from "email-reply-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { extractForward, readInlineForward } from "../../src/inbound/forwarded-message";
import { parseMessage } from "../../src/inbound/parse-message";
import { newText } from "../../src/lib/new-text";
import { canonicalTimezone } from "../../src/time/local-time";
import { buildMail } from "../support/inbound";

function warnings() {
	const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
	return () => warn.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
}

const FORWARD = [
	"See below.",
	"",
	"---------- Forwarded message ---------",
	"From: Ann Lee <ann@acme.example>",
	"Date: Mon, 23 Nov 2026 at 09:00",
	"Subject: Hello",
	"To: Pat <pat@example.com>",
	"",
	"Hi Pat",
].join("\n");

describe("swallowed errors are logged", () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it("email-forward-parser throwing: not a forward, and one parse_fallback line", () => {
		const lines = warnings();
		vi.spyOn(EmailForwardParser.prototype, "read").mockImplementation(() => {
			throw new Error("parser bug");
		});
		expect(readInlineForward(FORWARD, "Fwd: Hello")).toBeNull();
		expect(lines()).toEqual([
			{ event: "parse_fallback", where: "email-forward-parser", fallback: "not a forward", error: "Error: parser bug" },
		]);
	});

	it("the forward parser still reads the same text when it does not throw (the spy is what failed above)", () => {
		const lines = warnings();
		expect(readInlineForward(FORWARD, "Fwd: Hello")?.from?.address).toBe("ann@acme.example");
		expect(lines()).toEqual([]);
	});

	it("an attached message that cannot be read: the text body is used, and the failure is logged", async () => {
		const lines = warnings();
		const mail = await parseMessage(buildMail({ from: "pat@example.com", subject: "Fwd: Hello", body: FORWARD }));
		const unreadable = new Proxy(new Uint8Array(8), {
			get() {
				throw new Error("bytes went away");
			},
		});
		const broken = { ...mail, attachedMessages: [unreadable] };
		expect((await extractForward(broken))?.via).toBe("inline");
		expect(lines()).toEqual([expect.objectContaining({ event: "parse_fallback", where: "attached message" })]);
	});

	it("email-reply-parser throwing: the trimmed text is kept, and logged", () => {
		const lines = warnings();
		vi.spyOn(EmailReplyParser.prototype, "parseReply").mockImplementation(() => {
			throw new Error("reply parser bug");
		});
		expect(newText("  done  ")).toBe("done");
		expect(lines()).toEqual([expect.objectContaining({ event: "parse_fallback", where: "email-reply-parser" })]);
	});

	it("an unknown timezone is null, and logged with the input", () => {
		const lines = warnings();
		expect(canonicalTimezone("Mars/Olympus")).toBeNull();
		expect(canonicalTimezone("europe/berlin")).toBe("Europe/Berlin");
		expect(lines()).toEqual([
			expect.objectContaining({ event: "parse_fallback", where: "canonicalTimezone", input: "Mars/Olympus" }),
		]);
	});
});
