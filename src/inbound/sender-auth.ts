/**
 * Does this mail really come from its From domain? Only the top-most
 * authentication results stamped by Cloudflare's MX count (senders can add
 * look-alike headers lower down). Pass = DMARC pass, or DKIM/SPF pass aligned
 * (relaxed: same organisational domain) with the From domain.
 */
import { getDomain } from "tldts";

export const TRUSTED_AUTHSERV_ID = "mx.cloudflare.net";

export interface HeaderField {
	/** Lower-case name. */
	key: string;
	value: string;
}

export type AuthVerdict =
	| { ok: true; via: "dmarc" | "dkim" | "spf" }
	| { ok: false; reason: "no_results" | "no_from" | "failed"; detail: string };

interface MethodResult {
	method: string;
	result: string;
	props: Record<string, string>;
}

const AUTH_HEADERS = new Set(["arc-authentication-results", "authentication-results"]);

/** Splits `i=1; mx.cloudflare.net; dkim=pass header.d=x; spf=…` into authserv-id and method results. */
export function parseAuthResults(value: string): { authservId: string; results: MethodResult[] } {
	const parts = value
		.replace(/\([^)]*\)/g, " ")
		.split(";")
		.map((p) => p.trim())
		.filter(Boolean);
	if (parts[0] && /^i=\d+$/i.test(parts[0])) parts.shift(); // ARC instance tag
	const authservId = (parts.shift() ?? "").split(/\s+/)[0]?.toLowerCase() ?? "";
	const results: MethodResult[] = [];
	for (const part of parts) {
		const tokens = part.split(/\s+/);
		const [method, result] = (tokens[0] ?? "").split("=");
		if (!method || !result) continue;
		const props: Record<string, string> = {};
		for (const token of tokens.slice(1)) {
			const eq = token.indexOf("=");
			if (eq > 0) props[token.slice(0, eq).toLowerCase()] = token.slice(eq + 1).replace(/^"|"$/g, "");
		}
		results.push({ method: method.toLowerCase(), result: result.toLowerCase(), props });
	}
	return { authservId, results };
}

function orgDomain(domain: string): string {
	const d = domain.toLowerCase().replace(/\.$/, "");
	return getDomain(d, { allowPrivateDomains: false }) ?? d;
}

function domainOf(addressOrDomain: string | undefined): string | null {
	if (!addressOrDomain) return null;
	const at = addressOrDomain.lastIndexOf("@");
	const d = (at >= 0 ? addressOrDomain.slice(at + 1) : addressOrDomain).trim().replace(/[<>]/g, "");
	return d ? d.toLowerCase() : null;
}

export function aligned(authDomain: string | null, fromDomain: string): boolean {
	return authDomain !== null && orgDomain(authDomain) === orgDomain(fromDomain);
}

/** `headers` in message order, top first; `fromAddress` is the From header's address. */
export function checkSenderAuth(headers: readonly HeaderField[], fromAddress: string | null): AuthVerdict {
	const fromDomain = domainOf(fromAddress ?? undefined);
	if (!fromDomain) return { ok: false, reason: "no_from", detail: "the message has no From address" };
	const stamped = headers.find(
		(h) => AUTH_HEADERS.has(h.key) && parseAuthResults(h.value).authservId === TRUSTED_AUTHSERV_ID,
	);
	if (!stamped) {
		return {
			ok: false,
			reason: "no_results",
			detail: `no authentication results from ${TRUSTED_AUTHSERV_ID}; send through a provider that signs with DKIM or SPF`,
		};
	}
	const { results } = parseAuthResults(stamped.value);
	const pass = (m: string) => results.filter((r) => r.method === m && r.result === "pass");
	if (pass("dmarc").some((r) => r.props["header.from"] === undefined || aligned(r.props["header.from"], fromDomain))) {
		return { ok: true, via: "dmarc" };
	}
	if (pass("dkim").some((r) => aligned(domainOf(r.props["header.d"] ?? r.props["header.i"]), fromDomain))) {
		return { ok: true, via: "dkim" };
	}
	if (pass("spf").some((r) => aligned(domainOf(r.props["smtp.mailfrom"] ?? r.props["smtp.helo"]), fromDomain))) {
		return { ok: true, via: "spf" };
	}
	const seen = results.map((r) => `${r.method}=${r.result}`).join(", ") || "none";
	return {
		ok: false,
		reason: "failed",
		detail: `sender authentication failed for ${fromDomain} (${seen}); DKIM or SPF must pass aligned with the From domain`,
	};
}
