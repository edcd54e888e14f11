import { describe, expect, it } from "vitest";
import { aligned, checkSenderAuth, type HeaderField, parseAuthResults } from "../../src/inbound/sender-auth";

const arc = (value: string): HeaderField => ({ key: "arc-authentication-results", value });
const ar = (value: string): HeaderField => ({ key: "authentication-results", value });
const cf = (results: string) => arc(`i=1; mx.cloudflare.net; ${results}`);
/** postal-mime unfolds a folded header line by turning each CRLF into a space. */
const unfold = (lines: string[]) => lines.join(" \t");
const SMUGGLE = '"a)b;dmarc=pass;c(d"@evil.example';
/** Well-formed under RFC 5322 (a quote means nothing in a comment): reads as a real `smuggled` result. */
const smuggledThroughSpfComment = (smuggled: string) => {
	const local = `"x);${smuggled};arc=none (y"@evil.example`;
	return cf(
		`dkim=none; dmarc=none header.from=example.com; spf=pass (mx.cloudflare.net: domain of ${local} designates 192.0.2.1 as permitted sender) smtp.mailfrom=${local}`,
	);
};

describe("parseAuthResults", () => {
	it("reads the ARC instance, authserv-id, methods and properties", () => {
		const r = parseAuthResults(
			"i=1; mx.cloudflare.net; dkim=pass (2048-bit key) header.d=example.com header.s=s1; spf=fail smtp.mailfrom=a@b.org",
		);
		expect(r.authservId).toBe("mx.cloudflare.net");
		expect(r.results).toEqual([
			{
				method: "dkim",
				result: "pass",
				props: { "header.d": "example.com", "header.s": "s1" },
				domains: { "header.d": "example.com", "header.s": "s1" },
			},
			{ method: "spf", result: "fail", props: { "smtp.mailfrom": "a@b.org" }, domains: { "smtp.mailfrom": "b.org" } },
		]);
	});
});

describe("aligned", () => {
	it.each([
		["mail.example.com", "example.com", true],
		["EXAMPLE.com.", "example.com", true],
		["other.co.uk", "example.co.uk", false],
		["b.eu.org", "a.eu.org", false],
		["mail.a.eu.org", "a.eu.org", true],
		["y.github.io", "x.github.io", false],
		["xn--bcher-kva.de", "bücher.de", true],
		["example.com>", "example.com", false],
		[null, "example.com", false],
	])("%s with %s: %s", (auth, from, expected) => {
		expect(aligned(auth, from)).toBe(expected);
	});
});

describe("checkSenderAuth", () => {
	const from = "pat@example.com";
	it.each([
		["DMARC pass", [cf("dkim=fail; dmarc=pass header.from=example.com; spf=fail")], "dmarc"],
		["DKIM pass, same domain", [cf("dkim=pass header.d=example.com; dmarc=none; spf=none")], "dkim"],
		[
			"DKIM pass, parent of a subdomain From",
			[cf("dkim=pass header.d=example.com; dmarc=none")],
			"dkim",
			"pat@mail.example.com",
		],
		["SPF pass aligned", [cf("dkim=none; spf=pass smtp.mailfrom=bounces@em.example.com")], "spf"],
		["Authentication-Results from Cloudflare", [ar("mx.cloudflare.net; dkim=pass header.d=example.com")], "dkim"],
		["ccTLD org domain", [cf("dkim=pass header.d=mail.example.co.uk")], "dkim", "pat@example.co.uk"],
		["a private suffix's own subdomain", [cf("dkim=pass header.d=mail.a.eu.org")], "dkim", "pat@a.eu.org"],
		[
			"Cloudflare's Authentication-Results above its ARC-Authentication-Results",
			[ar("mx.cloudflare.net; dkim=pass header.d=example.com"), cf("dkim=pass header.d=example.com")],
			"dkim",
		],
		[
			"a quoted MAIL FROM local part",
			[cf('dkim=none; dmarc=none; spf=pass smtp.mailfrom="pat doe"@example.com')],
			"spf",
		],
	])("passes: %s", (_label, headers, via, address = from) => {
		expect(checkSenderAuth(headers, address)).toEqual({ ok: true, via });
	});

	// Shaped like Email Routing's stamps on mail from these providers (values unfolded as postal-mime gives them).
	it.each([
		[
			"Gmail",
			"pat.doe@gmail.com",
			unfold([
				"i=1; mx.cloudflare.net;",
				"dkim=pass header.d=gmail.com header.s=20230601 header.b=kX3b/9Qa;",
				"dmarc=pass header.from=gmail.com policy.dmarc=none;",
				"spf=pass (mx.cloudflare.net: domain of pat.doe@gmail.com designates 209.85.128.41 as permitted sender) smtp.mailfrom=pat.doe@gmail.com;",
				"arc=none smtp.remote-ip=209.85.128.41",
			]),
			"dmarc",
		],
		[
			"Outlook.com, with Microsoft's ARC set below",
			"Ann.Lee@outlook.com",
			unfold([
				"i=2; mx.cloudflare.net;",
				"dkim=pass header.d=outlook.com header.s=selector1 header.b=Hc5f+0xK;",
				"dmarc=pass header.from=outlook.com policy.dmarc=none;",
				"spf=pass (mx.cloudflare.net: domain of ann.lee@outlook.com designates 2a01:111:f403:2c14::801 as permitted sender) smtp.mailfrom=ann.lee@outlook.com;",
				"arc=pass smtp.remote-ip=2a01:111:f403:2c14::801",
			]),
			"dmarc",
		],
		[
			"Fastmail on a custom domain (two signatures)",
			"pat@example.org",
			unfold([
				"i=1; mx.cloudflare.net;",
				"dkim=pass header.d=example.org header.s=fm1 header.b=AbC/d+12;",
				"dkim=pass header.d=messagingengine.com header.s=fm1 header.b=Zy+9/xQ1;",
				"dmarc=pass header.from=example.org policy.dmarc=quarantine;",
				"spf=pass (mx.cloudflare.net: domain of pat@example.org designates 103.168.172.150 as permitted sender) smtp.mailfrom=pat@example.org;",
				"arc=none smtp.remote-ip=103.168.172.150",
			]),
			"dmarc",
		],
		[
			"SendGrid, with an = in the bounce local part",
			"no-reply@browserless.io",
			unfold([
				"i=1; mx.cloudflare.net; dkim=pass header.d=browserless.io header.s=s1 header.b=CiN9J/AU;",
				"dmarc=pass header.from=browserless.io policy.dmarc=none;",
				"spf=none (mx.cloudflare.net: no SPF records found for postmaster@s.pnkfpknx.outbound-mail.sendgrid.net) smtp.helo=s.pnkfpknx.outbound-mail.sendgrid.net;",
				"spf=pass (mx.cloudflare.net: domain of bounces+6076035-b403-creepy=urbansedge.shop@email.browserless.io designates 50.31.49.42 as permitted sender) smtp.mailfrom=bounces+6076035-b403-creepy=urbansedge.shop@email.browserless.io;",
				"arc=none smtp.remote-ip=50.31.49.42",
			]),
			"dmarc",
		],
		[
			"Amazon SES, no DMARC record, DKIM aligned",
			"account@nicovideo.jp",
			unfold([
				"i=1; mx.cloudflare.net;",
				"dkim=pass header.d=nicovideo.jp header.s=hzpqopno5yw5xismcf4zscglxy5huoyn header.b=h/Z85jC5;",
				"dkim=pass header.d=amazonses.com header.s=zh4gjftm6etwoq6afzugpky45synznly header.b=ItXso5Rm;",
				"dmarc=none header.from=nicovideo.jp policy.dmarc=none;",
				"spf=pass (mx.cloudflare.net: domain of 0106@ap-northeast-1.amazonses.com designates 23.251.235.151 as permitted sender) smtp.mailfrom=0106@ap-northeast-1.amazonses.com;",
				"arc=none smtp.remote-ip=23.251.235.151",
			]),
			"dkim",
		],
		[
			"a list server, no DMARC record, SPF aligned",
			"hch@lst.de",
			unfold([
				"i=1; mx.cloudflare.net;",
				"dmarc=none header.from=lst.de policy.dmarc=none;",
				"spf=none (mx.cloudflare.net: no SPF records found for postmaster@verein.lst.de) smtp.helo=verein.lst.de;",
				"spf=pass (mx.cloudflare.net: domain of hch@lst.de designates 213.95.11.211 as permitted sender) smtp.mailfrom=hch@lst.de;",
				"arc=none smtp.remote-ip=213.95.11.211",
			]),
			"spf",
		],
	])("passes a real-looking stamp: %s", (_label, address, value, via) => {
		expect(checkSenderAuth([arc(value), ar("mx.google.com; dkim=pass header.d=gmail.com")], address)).toEqual({
			ok: true,
			via,
		});
	});

	it.each([
		["no results at all", [], "no_results"],
		["results from another server only", [ar("mx.evil.example; dmarc=pass header.from=example.com")], "untrusted"],
		["DKIM pass for another domain", [cf("dkim=pass header.d=evil.example; dmarc=none; spf=fail")], "failed"],
		["SPF pass for another domain", [cf("spf=pass smtp.mailfrom=x@evil.example; dkim=none")], "failed"],
		["same public suffix only", [cf("dkim=pass header.d=other.co.uk")], "failed", "pat@example.co.uk"],
		["DMARC pass for another From", [cf("dmarc=pass header.from=evil.example")], "failed"],
		[
			"everything fails",
			[cf("dkim=fail header.d=example.com; dmarc=fail; spf=softfail smtp.mailfrom=pat@example.com")],
			"failed",
		],
		[
			"a forged pass below Cloudflare's real fail",
			[cf("dkim=fail; dmarc=fail; spf=fail"), cf("dmarc=pass header.from=example.com")],
			"failed",
		],
		[
			"a forged Cloudflare pass below Cloudflare's real stamp with no pass",
			[cf("dkim=none; dmarc=none; spf=none"), ar("mx.cloudflare.net; dkim=pass header.d=example.com")],
			"failed",
		],
		// Issue 12, item 3: smuggling. RFC 5322 reads the example as malformed (a quote means nothing in
		// a comment); the well-formed variants read as real results, so quoting that could have been broken refuses.
		[
			"the issue's smuggling example: dmarc=pass in a quoted MAIL FROM local part",
			[
				cf(
					`dkim=none; dmarc=fail header.from=example.com; spf=pass (mx.cloudflare.net: domain of ${SMUGGLE} designates 192.0.2.1 as permitted sender) smtp.mailfrom=${SMUGGLE}`,
				),
			],
			"unreadable",
		],
		[
			"the smuggling example for a From with no DMARC record",
			[cf(`dkim=none; dmarc=none header.from=example.com; spf=pass smtp.mailfrom=${SMUGGLE}`)],
			"unreadable",
		],
		[
			"a well-formed dmarc=pass smuggled through the SPF comment, no DMARC record",
			[smuggledThroughSpfComment("dmarc=pass header.from=example.com")],
			"unreadable",
		],
		[
			"a well-formed dkim=pass smuggled through the SPF comment, no DMARC record",
			[smuggledThroughSpfComment("dkim=pass header.d=example.com")],
			"unreadable",
		],
		[
			"a dkim=pass in a nested comment",
			[cf("spf=fail (outer (inner) ; dkim=pass header.d=example.com (x) ) smtp.mailfrom=x@evil.example; dmarc=none")],
			"unreadable",
		],
		[
			"a dkim=pass after an escaped ) in a comment",
			[cf("spf=fail (a \\) ; dkim=pass header.d=example.com (x) ) smtp.mailfrom=x@evil.example")],
			"unreadable",
		],
		[
			"a dkim=pass in a quoted string",
			[cf('spf=fail smtp.mailfrom="x; dkim=pass header.d=example.com ;"@evil.example; dmarc=none')],
			"unreadable",
		],
		[
			"a dkim=pass after an escaped quote",
			[cf('spf=fail smtp.mailfrom="x\\"; dkim=pass header.d=example.com; "@evil.example')],
			"unreadable",
		],
		["two DMARC results", [cf("dmarc=none header.from=example.com; dmarc=pass header.from=example.com")], "unreadable"],
		["DMARC pass without header.from", [cf("dkim=none; dmarc=pass; spf=none")], "failed"],
		["DMARC pass with an empty header.from", [cf('dkim=none; dmarc=pass header.from=""; spf=none')], "failed"],
		["DKIM pass for a sibling under eu.org", [cf("dkim=pass header.d=b.eu.org")], "failed", "pat@a.eu.org"],
		[
			"SPF pass for a sibling under github.io",
			[cf("spf=pass smtp.mailfrom=x@y.github.io")],
			"failed",
			"pat@x.github.io",
		],
		[
			"DMARC pass for a sibling under blogspot.com",
			[cf("dmarc=pass header.from=b.blogspot.com")],
			"failed",
			"p@a.blogspot.com",
		],
		[
			"SPF pass for the HELO name only",
			[cf("spf=pass smtp.helo=mx.example.com; spf=none smtp.mailfrom=x@evil.example")],
			"failed",
		],
		[
			"another server's results above Cloudflare's pass",
			[ar("mx.evil.example; none"), cf("dkim=pass header.d=example.com; dmarc=pass header.from=example.com")],
			"untrusted",
		],
		[
			"a top-most Cloudflare stamp that cannot be read, above a readable pass",
			[cf("dkim=pass (unclosed header.d=example.com"), cf("dkim=pass header.d=example.com")],
			"unreadable",
		],
		[
			"a Cloudflare stamp over 8192 characters",
			[cf(`dkim=pass header.d=example.com (${"x".repeat(8200)})`)],
			"unreadable",
		],
		[
			"a Cloudflare stamp with more than 32 results",
			[cf(`dkim=pass header.d=example.com${"; dkim=fail header.d=x.example".repeat(32)}`)],
			"unreadable",
		],
		["a From domain that is not a domain", [cf("dkim=pass header.d=example.com>")], "no_from", "pat@example.com>"],
	])("refuses: %s", (_label, headers, reason, address = from) => {
		const v = checkSenderAuth(headers, address);
		expect(v.ok).toBe(false);
		expect(!v.ok && v.reason).toBe(reason);
	});

	// DMARC's verdict is final when it is anything but pass or none, whatever DKIM and SPF say.
	it.each([
		["fail", "policy.dmarc=none"],
		["fail", "policy.dmarc=quarantine"],
		["fail", "policy.dmarc=reject"],
		["temperror", ""],
		["permerror", ""],
		["quarantine", ""],
	])("refuses dmarc=%s %s even with DKIM and SPF passing aligned", (result, policy) => {
		const v = checkSenderAuth(
			[
				cf(
					`dkim=pass header.d=example.com; dmarc=${result} header.from=example.com ${policy}; spf=pass smtp.mailfrom=pat@example.com`,
				),
			],
			from,
		);
		expect(v).toEqual({
			ok: false,
			reason: "failed",
			detail: `sender authentication failed for example.com (dmarc=${result}); a DMARC ${result} is final`,
		});
	});

	it("refuses mail without a From address", () => {
		const v = checkSenderAuth([cf("dmarc=pass")], null);
		expect(!v.ok && v.reason).toBe("no_from");
	});

	it.each([
		[
			[cf("dkim=fail; spf=softfail")],
			"sender authentication failed for example.com (dkim=fail, spf=softfail); DKIM or SPF must pass aligned with the From domain",
		],
		[[], "no authentication results from mx.cloudflare.net; send through a provider that signs with DKIM or SPF"],
		[
			[ar("mx.evil.example; dmarc=pass"), cf("dmarc=pass header.from=example.com")],
			"the top-most authentication results are not from mx.cloudflare.net",
		],
		[[cf("dkim=pass (oops")], "the authentication results from mx.cloudflare.net could not be read (unclosed comment)"],
		[
			[cf('spf=pass smtp.mailfrom="a;b"@example.com')],
			"the authentication results from mx.cloudflare.net could not be read (ambiguous quoting)",
		],
		[[cf("x".repeat(9000))], "the top-most authentication results could not be read (longer than 8192 characters)"],
		[
			[cf(`dkim=fail; dmarc=none${"; spf=fail; dkim=neutral; arc=none; auth=none; iprev=fail".repeat(4)}`)],
			"sender authentication failed for example.com (dkim=fail, dmarc=none, spf=fail, dkim=neutral, arc=none, auth=none, ...); DKIM or SPF must pass aligned with the From domain",
		],
	])("says what failed, short, for the SMTP reason: %#", (headers, detail) => {
		const v = checkSenderAuth(headers, from);
		expect(!v.ok && v.detail).toBe(detail);
		expect(detail).toMatch(/^[\x20-\x7e]{1,200}$/); // printable ASCII, short: it becomes the SMTP reply
	});
});
