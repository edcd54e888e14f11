/**
 * Issue 12, item 3 and the order of work in email(): the Authentication-Results
 * reader cannot be talked into a pass (a table of the smuggles, read by the same
 * rules email() uses; spoofing.test.ts sends them through email()), and sender
 * authentication runs on the headers alone, before any body is parsed.
 */
import { describe, expect, it } from "vitest";
import { checkSenderAuth } from "../../src/inbound/sender-auth";
import { buildMail, DOMAIN, mailsTo, receive, signUp } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const cf = (r: string) => ({ key: "arc-authentication-results", value: `i=1; mx.cloudflare.net; ${r}` });
const SMUGGLE = '"a)b;dmarc=pass;c(d"@evil.example';

describe("Authentication-Results smuggling", () => {
	it.each([
		// [case, From, stamp, verdict]
		[
			"the issue's quoted MAIL FROM smuggle",
			"ceo@victim.example",
			`dkim=none; dmarc=fail header.from=victim.example; spf=pass (mx.cloudflare.net: domain of ${SMUGGLE} designates 192.0.2.1 as permitted sender) smtp.mailfrom=${SMUGGLE}`,
			"unreadable",
		],
		["dmarc=pass without header.from", "ceo@victim.example", "dkim=none; dmarc=pass; spf=none", "failed"],
		[
			"dmarc=pass for another domain",
			"ceo@victim.example",
			"dkim=none; dmarc=pass header.from=evil.example; spf=none",
			"failed",
		],
		[
			"an explicit dmarc=fail over an aligned dkim=pass",
			"ceo@victim.example",
			"dkim=pass header.d=victim.example; dmarc=fail header.from=victim.example; spf=pass smtp.mailfrom=a@victim.example",
			"failed",
		],
		[
			"dmarc=temperror is final too",
			"ceo@victim.example",
			"dkim=pass header.d=victim.example; dmarc=temperror header.from=victim.example",
			"failed",
		],
		[
			"a sibling under a private suffix (eu.org)",
			"ceo@victim.eu.org",
			"dkim=pass header.d=evil.eu.org; dmarc=none",
			"failed",
		],
		["a sibling under github.io", "ceo@victim.github.io", "spf=pass smtp.mailfrom=x@evil.github.io", "failed"],
		[
			"a comment that hides a result",
			"ceo@victim.example",
			"dkim=none (dmarc=pass header.from=victim.example); spf=none",
			"failed",
		],
		[
			"two DMARC results",
			"ceo@victim.example",
			"dmarc=pass header.from=victim.example; dmarc=fail header.from=victim.example",
			"unreadable",
		],
		["an unclosed comment", "ceo@victim.example", "dmarc=pass header.from=victim.example (", "unreadable"],
		// What must still pass.
		["an aligned DMARC pass", "ceo@victim.example", "dkim=none; dmarc=pass header.from=victim.example", "dmarc"],
		[
			"an aligned DKIM pass from a subdomain",
			"ceo@victim.example",
			"dkim=pass header.d=mail.victim.example; dmarc=none",
			"dkim",
		],
		["the same eu.org name", "ceo@victim.eu.org", "dkim=pass header.d=mx.victim.eu.org; dmarc=none", "dkim"],
	] as const)("%s → %s", (_case, from, stamp, expected) => {
		const verdict = checkSenderAuth([cf(stamp)], from);
		expect(verdict.ok ? verdict.via : verdict.reason).toBe(expected);
	});
});

/** A body postal-mime refuses: MIME nested deeper than even its own default (256) allows. */
function deeplyNested(depth: number): string {
	const open = Array.from(
		{ length: depth },
		(_, i) => `--b${i}\r\nContent-Type: multipart/mixed; boundary=b${i + 1}\r\n`,
	);
	const close = Array.from({ length: depth }, (_, i) => `--b${depth - i - 1}--`);
	return [...open, `--b${depth}\r\nContent-Type: text/plain\r\n\r\nhi`, ...close].join("\r\n");
}

describe("the order of work in email(): size, headers, authentication, then bodies", () => {
	const user = "order@example.com";
	const hostile = (auth: boolean) =>
		buildMail({
			from: user,
			auth,
			to: "Zed Quinn <zed@quinn.example>",
			mime: { contentType: "multipart/mixed; boundary=b0", body: deeplyNested(300) },
		});

	it("an unauthenticated mail is refused for its authentication, its body never read", async () => {
		await signUp(user, T);
		const r = await receive(hostile(false), { to: `track@${DOMAIN}`, at: T, envelopeFrom: user });
		expect(r.outcome).toMatchObject({ outcome: "rejected", reason: "unauthenticated_no_results" });
	});

	it("the same body from an authenticated sender is read, and refused as unreadable", async () => {
		const r = await receive(hostile(true), { to: `track@${DOMAIN}`, at: T, envelopeFrom: user });
		expect(r.outcome).toMatchObject({ outcome: "rejected", reason: "unreadable" });
		expect(r.outcome.detail).toMatch(/nesting/i);
	});

	it.each([
		["an auto-reply", ["Auto-Submitted: auto-replied"], "automatic_auto_reply", "eve@evil.example"],
		["a list mail", ["List-Id: <news.evil.example>"], "automatic_list", "eve@evil.example"],
		["a bounce", [], "automatic_bounce", ""],
	] as const)(
		"unauthenticated machine mail (%s) is ignored and logged, never answered",
		async (_l, extra, reason, env) => {
			const from = "eve@evil.example";
			const raw = buildMail({ from, auth: false, extraHeaders: [...extra], subject: "Hello" });
			const r = await receive(raw, { to: `track@${DOMAIN}`, at: T, envelopeFrom: env });
			expect(r.outcome).toMatchObject({ outcome: "ignored", reason });
			expect(r.rejected).toBeNull();
			expect(await mailsTo(from)).toEqual([]);
		},
	);
});
