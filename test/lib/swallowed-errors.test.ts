/**
 * A fallback that swallows an error still leaves a structured log line, so a
 * broken parser shows in the logs instead of looking like "not a forward".
 */
import EmailForwardParser from "email-forward-parser";
import EmailReplyParser from "email-reply-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readAddAddressContext } from "../../src/accounts/add-address";
import { extractForward, readInlineForward } from "../../src/inbound/forwarded-message";
import { parseMessage } from "../../src/inbound/parse-message";
import { newText } from "../../src/lib/new-text";
import { signLink, verifyLink } from "../../src/mail/signed-link";
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

	it("a stored add-address context that is not JSON: not a request, and logged", () => {
		const lines = warnings();
		expect(readAddAddressContext("{not json")).toBeNull();
		expect(readAddAddressContext('{"kind":"add_address","address":"a@b.example"}')?.address).toBe("a@b.example");
		expect(lines()).toEqual([expect.objectContaining({ event: "parse_fallback", where: "add-address token context" })]);
	});

	it("a link whose payload is not JSON: malformed, and logged", async () => {
		const lines = warnings();
		const now = new Date("2026-11-23T14:15:00Z");
		const good = await signLink("secret", { u: "u1", a: "done", n: "n1", e: now.getTime() + 60_000 });
		const garbled = `${btoa("not json").replace(/=+$/, "")}.${good.split(".")[1]}`;
		expect(await verifyLink("secret", garbled, now)).toEqual({ ok: false, reason: "malformed" });
		expect((await verifyLink("secret", good, now)).ok).toBe(true);
		expect(lines()).toEqual([expect.objectContaining({ event: "link_malformed", length: garbled.length })]);
	});
});

/** Every src file, as text. */
const SOURCES = import.meta.glob<string>("../../src/**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true });

/** The body of each `catch` in `code`, with the name it binds (null for a bare `catch {`). */
function catchBlocks(code: string): { binding: string | null; body: string; line: number }[] {
	const found = [];
	for (const m of code.matchAll(/\bcatch\s*(?:\(\s*(\w+)\s*\))?\s*\{/g)) {
		let depth = 1;
		let i = (m.index ?? 0) + m[0].length;
		const start = i;
		for (; i < code.length && depth > 0; i++) {
			if (code[i] === "{") depth++;
			else if (code[i] === "}") depth--;
		}
		found.push({
			binding: m[1] ?? null,
			body: code.slice(start, i - 1),
			line: code.slice(0, m.index).split("\n").length,
		});
	}
	return found;
}

describe("no catch in src swallows its error", () => {
	it("finds the catches it checks (the scan is not empty)", () => {
		const all = Object.values(SOURCES).flatMap(catchBlocks);
		expect(all.length).toBeGreaterThan(10);
		expect(catchBlocks("try { x() } catch { y() }")).toEqual([{ binding: null, body: " y() ", line: 1 }]);
	});

	it("every catch names its error and uses it: rethrown, logged, or passed on in a value", () => {
		const silent = Object.entries(SOURCES).flatMap(([file, code]) =>
			catchBlocks(code)
				.filter((c) => c.binding === null || !new RegExp(`\\b${c.binding}\\b`).test(c.body))
				.map((c) => `${file.replace("../../", "")}:${c.line}`),
		);
		expect(silent).toEqual([]);
	});
});
