import { describe, expect, it } from "vitest";
import { checkSenderAuth, parseAuthResults } from "../../src/inbound/sender-auth";

const arc = (value: string) => ({ key: "arc-authentication-results", value });
const ar = (value: string) => ({ key: "authentication-results", value });

describe("parseAuthResults", () => {
	it("reads the ARC instance, authserv-id, methods and properties", () => {
		const r = parseAuthResults(
			"i=1; mx.cloudflare.net; dkim=pass (2048-bit key) header.d=example.com header.s=s1; spf=fail smtp.mailfrom=a@b.org",
		);
		expect(r.authservId).toBe("mx.cloudflare.net");
		expect(r.results).toEqual([
			{ method: "dkim", result: "pass", props: { "header.d": "example.com", "header.s": "s1" } },
			{ method: "spf", result: "fail", props: { "smtp.mailfrom": "a@b.org" } },
		]);
	});
});

describe("checkSenderAuth", () => {
	const from = "pat@example.com";
	it.each([
		["DMARC pass", [arc("i=1; mx.cloudflare.net; dkim=fail; dmarc=pass header.from=example.com; spf=fail")], "dmarc"],
		[
			"DKIM pass, same domain",
			[arc("i=1; mx.cloudflare.net; dkim=pass header.d=example.com; dmarc=none; spf=none")],
			"dkim",
		],
		[
			"DKIM pass, parent of a subdomain From",
			[arc("i=1; mx.cloudflare.net; dkim=pass header.d=example.com; dmarc=none")],
			"dkim",
			"pat@mail.example.com",
		],
		[
			"SPF pass aligned",
			[arc("i=1; mx.cloudflare.net; dkim=none; spf=pass smtp.mailfrom=bounces@em.example.com")],
			"spf",
		],
		["Authentication-Results from Cloudflare", [ar("mx.cloudflare.net; dkim=pass header.d=example.com")], "dkim"],
		[
			"ccTLD org domain",
			[arc("i=1; mx.cloudflare.net; dkim=pass header.d=mail.example.co.uk")],
			"dkim",
			"pat@example.co.uk",
		],
	])("passes: %s", (_label, headers, via, address = from) => {
		expect(checkSenderAuth(headers, address)).toEqual({ ok: true, via });
	});

	it.each([
		["no results at all", [], "no_results"],
		["results from another server only", [ar("mx.evil.example; dmarc=pass header.from=example.com")], "no_results"],
		[
			"DKIM pass for another domain",
			[arc("i=1; mx.cloudflare.net; dkim=pass header.d=evil.example; dmarc=fail; spf=fail")],
			"failed",
		],
		[
			"SPF pass for another domain",
			[arc("i=1; mx.cloudflare.net; spf=pass smtp.mailfrom=x@evil.example; dkim=none")],
			"failed",
		],
		[
			"same public suffix only",
			[arc("i=1; mx.cloudflare.net; dkim=pass header.d=other.co.uk")],
			"failed",
			"pat@example.co.uk",
		],
		["DMARC pass for another From", [arc("i=1; mx.cloudflare.net; dmarc=pass header.from=evil.example")], "failed"],
		[
			"everything fails",
			[
				arc(
					"i=1; mx.cloudflare.net; dkim=fail header.d=example.com; dmarc=fail; spf=softfail smtp.mailfrom=pat@example.com",
				),
			],
			"failed",
		],
		[
			"a forged pass below Cloudflare's real fail",
			[
				arc("i=1; mx.cloudflare.net; dkim=fail; dmarc=fail; spf=fail"),
				arc("i=1; mx.cloudflare.net; dmarc=pass header.from=example.com"),
			],
			"failed",
		],
	])("refuses: %s", (_label, headers, reason, address = from) => {
		const v = checkSenderAuth(headers, address);
		expect(v.ok).toBe(false);
		expect(!v.ok && v.reason).toBe(reason);
	});

	it("refuses mail without a From address", () => {
		const v = checkSenderAuth([arc("i=1; mx.cloudflare.net; dmarc=pass")], null);
		expect(!v.ok && v.reason).toBe("no_from");
	});

	it("says what failed, for the SMTP reason", () => {
		const v = checkSenderAuth([arc("i=1; mx.cloudflare.net; dkim=fail; spf=softfail")], from);
		expect(!v.ok && v.detail).toBe(
			"sender authentication failed for example.com (dkim=fail, spf=softfail); DKIM or SPF must pass aligned with the From domain",
		);
	});
});
