/**
 * The RFC 8601 tokenizer behind sender authentication: comments nest and take
 * quoted-pairs, quoted strings take escapes, a `;` splits results only outside
 * both, and the whole value is refused (never half-read) when it is malformed
 * or over its bounds. Its time grows linearly with the input.
 */
import { describe, expect, it } from "vitest";
import { parseAuthResults } from "../../src/inbound/sender-auth";

const SMUGGLE = '"a)b;dmarc=pass;c(d"@evil.example';

describe("parseAuthResults: structure", () => {
	it("reads a real Cloudflare stamp: instance, authserv-id, repeated methods, values with / + = :", () => {
		const r = parseAuthResults(
			"i=1; mx.cloudflare.net; \tdkim=pass header.d=browserless.io header.s=s1 header.b=CiN9J/AU; \tdmarc=pass header.from=browserless.io policy.dmarc=none; \tspf=none (mx.cloudflare.net: no SPF records found for postmaster@s.pnkfpknx.outbound-mail.sendgrid.net) smtp.helo=s.pnkfpknx.outbound-mail.sendgrid.net; \tspf=pass (mx.cloudflare.net: domain of bounces+6076035-b403-creepy=urbansedge.shop@email.browserless.io designates 50.31.49.42 as permitted sender) smtp.mailfrom=bounces+6076035-b403-creepy=urbansedge.shop@email.browserless.io; \tarc=none smtp.remote-ip=2a01:111:f403:2c14::801",
		);
		expect(r.error).toBeNull();
		expect(r.ambiguous).toBe(false);
		expect(r.instance).toBe(1);
		expect(r.authservId).toBe("mx.cloudflare.net");
		expect(r.results.map((x) => `${x.method}=${x.result}`)).toEqual([
			"dkim=pass",
			"dmarc=pass",
			"spf=none",
			"spf=pass",
			"arc=none",
		]);
		expect(r.results[0]?.props).toEqual({ "header.d": "browserless.io", "header.s": "s1", "header.b": "CiN9J/AU" });
		expect(r.results[3]?.props["smtp.mailfrom"]).toBe(
			"bounces+6076035-b403-creepy=urbansedge.shop@email.browserless.io",
		);
		expect(r.results[3]?.domains["smtp.mailfrom"]).toBe("email.browserless.io");
		expect(r.results[4]?.props["smtp.remote-ip"]).toBe("2a01:111:f403:2c14::801");
	});

	it("reads the issue's smuggling example as RFC 5322 does: a quote means nothing in a comment, so it is malformed", () => {
		const r = parseAuthResults(
			`i=1; mx.cloudflare.net; dkim=none; dmarc=fail header.from=example.com; spf=pass (mx.cloudflare.net: domain of ${SMUGGLE} designates 192.0.2.1 as permitted sender) smtp.mailfrom=${SMUGGLE}`,
		);
		expect(r).toMatchObject({ error: "malformed", results: [] });
	});

	it("keeps a quoted local part whole in a value, and flags its ( ; ) as ambiguous", () => {
		const r = parseAuthResults(
			`i=1; mx.cloudflare.net; dkim=none; dmarc=fail header.from=example.com; spf=pass smtp.mailfrom=${SMUGGLE}`,
		);
		expect(r.error).toBeNull();
		expect(r.ambiguous).toBe(true);
		expect(r.results).toEqual([
			{ method: "dkim", result: "none", props: {}, domains: {} },
			{
				method: "dmarc",
				result: "fail",
				props: { "header.from": "example.com" },
				domains: { "header.from": "example.com" },
			},
			{
				method: "spf",
				result: "pass",
				props: { "smtp.mailfrom": SMUGGLE },
				domains: { "smtp.mailfrom": "evil.example" },
			},
		]);
	});

	it("flags as ambiguous a well-formed smuggle through an SPF comment, which RFC 5322 reads as a real result", () => {
		const local = '"x);dmarc=pass header.from=example.com;arc=none (y"@evil.example';
		const r = parseAuthResults(
			`i=1; mx.cloudflare.net; dmarc=none header.from=example.com; spf=pass (mx.cloudflare.net: domain of ${local} designates 192.0.2.1 as permitted sender) smtp.mailfrom=${local}`,
		);
		expect(r.error).toBeNull();
		expect(r.results.map((x) => `${x.method}=${x.result}`)).toEqual([
			"dmarc=none",
			"spf=pass",
			"dmarc=pass",
			"arc=none",
		]);
		expect(r.ambiguous).toBe(true);
	});

	it.each([
		[
			"nested comments",
			"spf=fail (outer (inner; dmarc=pass) still; dkim=pass header.d=example.com (x) ) smtp.mailfrom=x@evil.example",
		],
		[
			"a quoted-pair \\) inside a comment",
			"spf=fail (a \\) ; dkim=pass header.d=example.com) smtp.mailfrom=x@evil.example",
		],
		[
			"a quoted-pair \\( inside a comment",
			"spf=fail (a \\( ; dkim=pass header.d=example.com) smtp.mailfrom=x@evil.example",
		],
		["a quoted string", 'spf=fail smtp.mailfrom="x; dkim=pass header.d=example.com"@evil.example'],
		[
			"an escaped quote in a quoted string",
			'spf=fail smtp.mailfrom="x\\"; dkim=pass header.d=example.com; "@evil.example',
		],
		["a quoted reason", 'spf=fail reason="say \\"hi\\"; dkim=pass header.d=example.com" smtp.mailfrom=x@evil.example'],
	])("never splits inside %s", (_label, resinfo) => {
		const r = parseAuthResults(`i=1; mx.cloudflare.net; ${resinfo}`);
		expect(r.error).toBeNull();
		expect(r.ambiguous).toBe(true);
		expect(r.results).toHaveLength(1);
		expect(r.results[0]).toMatchObject({ method: "spf", result: "fail", domains: { "smtp.mailfrom": "evil.example" } });
	});

	it("unquotes a value that is one quoted string, and reads its reason", () => {
		const r = parseAuthResults(
			'mx.cloudflare.net; dmarc=pass reason="say \\"hi\\"" header.from="Example.com"; spf=pass smtp.mailfrom="pat doe"@example.com',
		);
		expect(r.instance).toBeNull();
		expect(r.ambiguous).toBe(true); // the escaped quotes
		expect(r.results[0]).toEqual({
			method: "dmarc",
			result: "pass",
			reason: 'say "hi"',
			props: { "header.from": "Example.com" },
			domains: { "header.from": "Example.com" },
		});
		expect(r.results[1]?.domains["smtp.mailfrom"]).toBe("example.com");
	});

	it.each([
		[
			"spaces and comments around i= and =",
			" i = 2 ;(c) mx.cloudflare.net (v) ; dkim (c) = (c) pass header.d = example.com",
			2,
		],
		[
			"a version after the authserv-id, and a trailing ;",
			"i=1; mx.cloudflare.net 1; dkim=pass header.d=example.com;",
			1,
		],
	])("accepts %s", (_label, value, instance) => {
		const r = parseAuthResults(value);
		expect(r).toMatchObject({ error: null, ambiguous: false, instance, authservId: "mx.cloudflare.net" });
		expect(r.results).toEqual([
			{ method: "dkim", result: "pass", props: { "header.d": "example.com" }, domains: { "header.d": "example.com" } },
		]);
	});

	it("reads `none` as no results", () => {
		expect(parseAuthResults("i=1; mx.cloudflare.net; none")).toMatchObject({ error: null, results: [] });
	});

	it.each([
		["an address with two @ outside quotes", "smtp.mailfrom=a@example.com@evil.example"],
		["a quoted domain after the @", 'smtp.mailfrom=a@"example.com"'],
		["a quoted value holding spaces", 'smtp.mailfrom="x@evil.example (c) @example.com"'],
	])("names no domain for %s", (_label, prop) => {
		const r = parseAuthResults(`mx.cloudflare.net; spf=pass ${prop}`);
		expect(r.error).toBeNull();
		expect(r.results[0]?.domains).toEqual({});
	});
});

describe("parseAuthResults: refuses the whole value", () => {
	it.each([
		["an unclosed comment", "i=1; mx.cloudflare.net; dkim=pass (oops header.d=example.com", "unclosed comment"],
		[
			"an unclosed quoted string",
			'i=1; mx.cloudflare.net; spf=pass smtp.mailfrom="x@example.com',
			"unclosed quoted string",
		],
		["a stray )", "i=1; mx.cloudflare.net; dkim=pass header.d=example.com) x", "malformed"],
		[
			"a property given twice",
			"mx.cloudflare.net; dmarc=pass header.from=evil.example header.from=example.com",
			"malformed",
		],
		["a method without a result", "mx.cloudflare.net; dkim header.d=example.com", "malformed"],
		["an unknown version", "mx.cloudflare.net 2; dkim=pass header.d=example.com", "malformed"],
		["no authserv-id", "i=1; ; dkim=pass header.d=example.com", "malformed"],
	])("%s", (_label, value, error) => {
		const r = parseAuthResults(value);
		expect(r.error).toBe(error);
		expect(r.results).toEqual([]);
	});

	it("over 8192 characters", () => {
		const value = `mx.cloudflare.net; dkim=pass header.d=example.com (${"x".repeat(8192)})`;
		expect(parseAuthResults(value)).toMatchObject({ error: "longer than 8192 characters", results: [] });
	});

	it("with more than 32 results", () => {
		const value = `mx.cloudflare.net${"; dkim=fail header.d=x.example".repeat(33)}`;
		expect(parseAuthResults(value)).toMatchObject({ error: "more than 32 results", results: [] });
		expect(parseAuthResults(`mx.cloudflare.net${"; dkim=fail".repeat(32)}`).results).toHaveLength(32);
	});
});

describe("parseAuthResults: linear time", () => {
	const UNBOUNDED = { maxChars: Number.POSITIVE_INFINITY, maxResults: Number.POSITIVE_INFINITY };
	let sink = 0;
	const parse = (v: string) => {
		sink += parseAuthResults(v, UNBOUNDED).results.length;
	};
	const sampleMs = (v: string, reps: number) => {
		const t0 = performance.now();
		for (let k = 0; k < reps; k++) parse(v);
		return performance.now() - t0;
	};
	const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1] ?? 0;
	/**
	 * Time for 4x the input over time for 1x: medians of 7 interleaved samples, after a warm-up, each sample
	 * repeated until the 1x one takes 20 ms (performance.now() has 1 ms resolution in workerd).
	 */
	const growth = (make: (n: number) => string, n: number) => {
		const small = make(n);
		const big = make(4 * n);
		for (let k = 0; k < 3; k++) {
			sampleMs(small, 1);
			sampleMs(big, 1);
		}
		let reps = 1;
		while (sampleMs(small, reps) < 20 && reps < 1 << 16) reps *= 2;
		const smalls: number[] = [];
		const bigs: number[] = [];
		for (let k = 0; k < 7; k++) {
			smalls.push(sampleMs(small, reps));
			bigs.push(sampleMs(big, reps));
		}
		return median(bigs) / median(smalls);
	};
	const head = "i=1; mx.cloudflare.net; spf=pass ";

	it.each([
		["unclosed comments", (n: number) => head + "(".repeat(n)],
		["deeply nested comments", (n: number) => `${head + "(".repeat(n) + ")".repeat(n)} smtp.mailfrom=a@b.example`],
		["quoted-pairs in a comment", (n: number) => `${head}(${"\\(\\)".repeat(n)}) smtp.mailfrom=a@b.example`],
		["escapes in a quoted local part", (n: number) => `${head}smtp.mailfrom="${'\\"'.repeat(n)}"@b.example`],
		["an unclosed quoted string", (n: number) => `${head}smtp.mailfrom="${"a;".repeat(n)}`],
		["many results", (n: number) => `mx.cloudflare.net${"; dkim=pass header.d=example.com".repeat(n >> 4)}`],
		["many properties", (n: number) => head + Array.from({ length: n >> 3 }, (_, i) => `p.x${i}=v`).join(" ")],
		["many @ in a value", (n: number) => `${head}smtp.mailfrom=${"a@".repeat(n)}b.example`],
	])(
		"%s: 4x the input takes under 6x the time",
		(_label, make) => {
			const ratio = growth(make, 20_000);
			expect(sink).toBeGreaterThan(-1);
			expect(ratio).toBeLessThan(6);
		},
		30_000,
	);
});
