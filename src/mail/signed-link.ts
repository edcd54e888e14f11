/**
 * One-click links: HMAC-SHA256-signed claims with an expiry, as `payload.signature`
 * (base64url). A link is a capability for one action on one user's item; a GET
 * only shows what it would do, and the POST does it.
 */
import { logRecovered } from "../lib/log";

export type LinkAction = "done" | "snooze" | "unsubscribe" | "resume";

export interface LinkClaims {
	/** User id. */
	u: string;
	/** Nudge id, for item actions. */
	n?: string;
	a: LinkAction;
	/** Expiry, epoch ms. */
	e: number;
}

export type LinkCheck =
	| { ok: true; claims: LinkClaims }
	| { ok: false; reason: "malformed" | "bad_signature" | "expired" };

export const ITEM_LINK_DAYS = 14;
export const UNSUBSCRIBE_LINK_DAYS = 60;

const b64url = (bytes: Uint8Array) =>
	btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, "-")
		.replace(/\//g, "_")
		.replace(/=+$/, "");
const fromB64url = (s: string) =>
	Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/** Imported once per secret: a tick signs two links per item. */
const keys = new Map<string, Promise<CryptoKey>>();
function key(secret: string): Promise<CryptoKey> {
	let k = keys.get(secret);
	if (!k) {
		k = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
			"sign",
			"verify",
		]);
		keys.set(secret, k);
	}
	return k;
}

export async function signLink(secret: string, claims: LinkClaims): Promise<string> {
	const payload = b64url(new TextEncoder().encode(JSON.stringify(claims)));
	const sig = new Uint8Array(await crypto.subtle.sign("HMAC", await key(secret), new TextEncoder().encode(payload)));
	return `${payload}.${b64url(sig)}`;
}

export async function verifyLink(secret: string, token: string, now: Date): Promise<LinkCheck> {
	const [payload, sig, extra] = token.split(".");
	if (!payload || !sig || extra !== undefined || token.length > 1000) return { ok: false, reason: "malformed" };
	let signature: Uint8Array;
	let claims: LinkClaims;
	try {
		signature = fromB64url(sig);
		claims = JSON.parse(new TextDecoder().decode(fromB64url(payload))) as LinkClaims;
	} catch (err) {
		// A mangled link (a mail client that cut it, a scanner guessing): the page says so; the log says why.
		logRecovered("link_malformed", err, { length: token.length });
		return { ok: false, reason: "malformed" };
	}
	const valid = await crypto.subtle.verify("HMAC", await key(secret), signature, new TextEncoder().encode(payload));
	if (!valid) return { ok: false, reason: "bad_signature" };
	if (
		typeof claims.u !== "string" ||
		typeof claims.e !== "number" ||
		!["done", "snooze", "unsubscribe", "resume"].includes(claims.a)
	) {
		return { ok: false, reason: "malformed" };
	}
	if (claims.e <= now.getTime()) return { ok: false, reason: "expired" };
	return { ok: true, claims };
}
