/**
 * Does this mail really come from its From domain? Cloudflare's MX stamps its
 * verdict on top of the message, so only the TOP-MOST ARC-Authentication-Results
 * or Authentication-Results header counts, and it must be Cloudflare's: senders
 * can add look-alikes lower down, and any header above Cloudflare's means the
 * mail did not come straight from it. A stamp that is malformed, over its
 * bounds, ambiguous (see auth-results.ts) or carries two DMARC results is
 * refused as unreadable. Then, in order:
 * 1. DMARC anything but `pass` or `none` (fail, temperror, permerror, …) refuses
 *    the mail, whatever DKIM and SPF say: the domain's own verdict is final.
 * 2. DMARC `pass` counts when its `header.from` is aligned with the From domain.
 * 3. DKIM `pass` counts when `header.d` is aligned; SPF `pass` when `smtp.mailfrom`
 *    is (the HELO name alone does not count).
 * Aligned is relaxed: the same organisational domain, where a private suffix
 * (eu.org, github.io, blogspot.com) is a suffix, so a.eu.org and b.eu.org differ.
 * Earlier hops' ARC results are not used. See auth-results.ts for the reading.
 */
import { getDomain } from "tldts";
import { type MethodResult, parseAuthResults } from "./auth-results";

export { parseAuthResults } from "./auth-results";

export const TRUSTED_AUTHSERV_ID = "mx.cloudflare.net";

export interface HeaderField {
	/** Lower-case name. */
	key: string;
	value: string;
}

export type AuthVerdict =
	| { ok: true; via: "dmarc" | "dkim" | "spf" }
	| {
			ok: false;
			/**
			 * no_results: no authentication header at all; untrusted: the top-most one is not Cloudflare's;
			 * unreadable: the top-most one is malformed, over its bounds, ambiguously quoted or holds two DMARC
			 * results; failed: Cloudflare's says no. `detail` is short ASCII, fit for an SMTP reply.
			 */
			reason: "no_results" | "untrusted" | "unreadable" | "no_from" | "failed";
			detail: string;
	  };

const AUTH_HEADERS = new Set(["arc-authentication-results", "authentication-results"]);
const DMARC_NOT_FINAL = new Set(["pass", "none"]);
const MAX_LISTED = 6;

/** Lower-case ASCII domain (IDN labels to punycode, no trailing dot), or null when it is not a host name. */
function normalDomain(raw: string, idn = true): string | null {
	const lower = raw.toLowerCase();
	const d = lower.endsWith(".") ? lower.slice(0, -1) : lower;
	if (d.length === 0 || d.length > 253) return null;
	let label = 0;
	let ascii = true;
	for (let k = 0; k < d.length; k++) {
		const c = d.charCodeAt(k);
		if (c === 46) {
			if (label === 0) return null;
			label = 0;
			continue;
		}
		if (c >= 128) ascii = false;
		else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95)) return null;
		if (++label > 63) return null;
	}
	if (label === 0) return null;
	if (ascii) return d;
	// WHATWG URL host parsing applies IDNA (UTS 46) and gives the punycode form, or refuses the name.
	if (!idn || !URL.canParse(`http://${d}/`)) return null;
	return normalDomain(new URL(`http://${d}/`).hostname, false);
}

function orgDomain(domain: string): string {
	return getDomain(domain, { allowPrivateDomains: true, extractHostname: false }) ?? domain;
}

/** Relaxed alignment: the same organisational domain, private suffixes included. */
export function aligned(authDomain: string | null, fromDomain: string): boolean {
	const a = authDomain === null ? null : normalDomain(authDomain);
	const f = normalDomain(fromDomain);
	return a !== null && f !== null && orgDomain(a) === orgDomain(f);
}

const fail = (reason: Exclude<AuthVerdict, { ok: true }>["reason"], detail: string): AuthVerdict => ({
	ok: false,
	reason,
	detail,
});

/** `headers` in message order, top first; `fromAddress` is the From header's address. */
export function checkSenderAuth(headers: readonly HeaderField[], fromAddress: string | null): AuthVerdict {
	if (!fromAddress) return fail("no_from", "the message has no From address");
	const at = fromAddress.lastIndexOf("@");
	const fromDomain = at < 0 ? null : normalDomain(fromAddress.slice(at + 1));
	if (!fromDomain) return fail("no_from", "the From address has no valid domain");

	const top = headers.find((h) => AUTH_HEADERS.has(h.key));
	if (!top) {
		return fail(
			"no_results",
			`no authentication results from ${TRUSTED_AUTHSERV_ID}; send through a provider that signs with DKIM or SPF`,
		);
	}
	const { authservId, results, error, ambiguous } = parseAuthResults(top.value);
	if (authservId && authservId !== TRUSTED_AUTHSERV_ID) {
		return fail("untrusted", `the top-most authentication results are not from ${TRUSTED_AUTHSERV_ID}`);
	}
	const dmarc = results.filter((r) => r.method === "dmarc");
	const unreadable = error ?? (ambiguous ? "ambiguous quoting" : dmarc.length > 1 ? "two DMARC results" : null);
	if (unreadable !== null) {
		const whose = authservId ? `the authentication results from ${authservId}` : "the top-most authentication results";
		return fail("unreadable", `${whose} could not be read (${unreadable})`);
	}

	const final = dmarc.find((r) => !DMARC_NOT_FINAL.has(r.result));
	if (final) {
		const r = short(final.result);
		return fail("failed", `sender authentication failed for ${fromDomain} (dmarc=${r}); a DMARC ${r} is final`);
	}
	const passes = (method: string, prop: string) =>
		results.some((r) => r.method === method && r.result === "pass" && aligned(r.domains[prop] ?? null, fromDomain));
	if (passes("dmarc", "header.from")) return { ok: true, via: "dmarc" };
	if (passes("dkim", "header.d")) return { ok: true, via: "dkim" };
	if (passes("spf", "smtp.mailfrom")) return { ok: true, via: "spf" };
	return fail(
		"failed",
		`sender authentication failed for ${fromDomain} (${listed(results)}); DKIM or SPF must pass aligned with the From domain`,
	);
}

const short = (keyword: string) => (keyword.length > 24 ? `${keyword.slice(0, 24)}...` : keyword);

/** `dkim=fail, spf=softfail`, each once, at most MAX_LISTED, for the SMTP reason. */
function listed(results: readonly MethodResult[]): string {
	const seen = [...new Set(results.map((r) => `${short(r.method)}=${short(r.result)}`))];
	if (seen.length === 0) return "none";
	return seen.length > MAX_LISTED ? `${seen.slice(0, MAX_LISTED).join(", ")}, ...` : seen.join(", ");
}
