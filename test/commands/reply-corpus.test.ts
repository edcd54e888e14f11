/**
 * The reply corpus (test/commands/reply-corpus/replies.ts): every reply is built as
 * a raw message, parsed as email() parses it, trimmed to the new text, and read by
 * the grammar; it must give exactly its commands and no complaint about a line
 * that is not a command. A sample goes through the real email() path in
 * reply-corpus-email.test.ts.
 */
import { describe, expect, it } from "vitest";
import { commandKey, readReply } from "./reply-corpus/read-reply";
import { REPLIES } from "./reply-corpus/replies";

describe("reply corpus", () => {
	it("has at least 200 replies in four languages and every layout", () => {
		expect(REPLIES.length).toBeGreaterThanOrEqual(200);
		expect(new Set(REPLIES.map((r) => r.lang))).toEqual(new Set(["en", "de", "fr", "es"]));
		expect(new Set(REPLIES.map((r) => r.id)).size).toBe(REPLIES.length);
		for (const layout of ["gmail", "outlook", "apple", "bottom", "html-gmail", "html-outlook", "bare"])
			expect(REPLIES.filter((r) => r.layout === layout).length).toBeGreaterThan(10);
	});

	it.for(REPLIES.map((r) => [r.id, r] as const))("%s", async ([, c]) => {
		const r = await readReply(c);
		expect({ commands: r.commands.map(commandKey), issues: r.issues.map((i) => i.kind) }).toEqual({
			commands: c.expect,
			issues: c.issues ?? [],
		});
	});
});
