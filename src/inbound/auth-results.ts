/**
 * Tokenizer for RFC 8601 Authentication-Results and RFC 8617
 * ARC-Authentication-Results values. One left-to-right pass with no
 * backtracking, so its time is linear in the value:
 * - comments nest and take quoted-pairs (`\)`), quoted strings take escapes,
 *   and a `;` ends a result only outside both;
 * - a property value is a token, a quoted string, or an address or domain that
 *   may carry a quoted local part (`"a)b;c"@example.com`);
 * - anything malformed, or over the bounds, refuses the whole value (`error`),
 *   never a half-read list of results;
 * - `ambiguous` says the value holds text that a stamper may have copied from
 *   the sender without escaping, so its structure cannot be relied on.
 *   Quotes mean nothing inside a comment (RFC 5322 ctext), so a quoted MAIL
 *   FROM echoed into an SPF comment, like `(domain of "x);dmarc=pass;(y"@…)`,
 *   closes the comment early and reads, correctly, as a `dmarc=pass` result.
 */

export interface MethodResult {
	/** Lower-case, e.g. `dkim`. */
	method: string;
	/** Lower-case, e.g. `pass`. */
	result: string;
	reason?: string;
	/** Lower-case property name (`header.from`) → value as written; a value that is one quoted string is unquoted. */
	props: Record<string, string>;
	/**
	 * Lower-case property name → the domain its value names, as written: what follows the one `@` outside
	 * quotes, or the whole value when it has no `@`. Absent when that is ambiguous (two `@`, a quoted domain,
	 * spaces or parentheses inside quotes). Whether it is a valid domain is the reader's check.
	 */
	domains: Record<string, string>;
}

export interface ParsedAuthResults {
	/** Lower-case; "" when the value could not be read that far. */
	authservId: string;
	/** The ARC `i=` instance, when present. */
	instance: number | null;
	/** Empty whenever `error` is set. */
	results: MethodResult[];
	/** Why the value was refused, short; null when it was read. */
	error: string | null;
	/** A comment held `"` or `;`, or a quoted string held `(`, `)`, `;` or `\`. */
	ambiguous: boolean;
}

export interface AuthResultsLimits {
	maxChars: number;
	maxResults: number;
}

/** Cloudflare's stamps seen in real mail are under 1,000 characters and 6 results. */
export const AUTH_RESULTS_LIMITS: AuthResultsLimits = { maxChars: 8192, maxResults: 32 };

const [TAB, LF, CR, SPACE, QUOTE, OPEN, CLOSE, SLASH, SEMI, EQUALS, AT, BACKSLASH] = [
	9, 10, 13, 32, 34, 40, 41, 47, 59, 61, 64, 92,
]; // \t \n \r space " ( ) / ; = @ \\

const isSpace = (c: number) => c === SPACE || c === TAB || c === CR || c === LF;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Keyword (RFC 8601 ldh-str), widened to `.` for `ptype.property` and `_` as some servers write. */
const isKeywordChar = (c: number) =>
	isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || c === 95;
/** RFC 2045 token: printable ASCII but tspecials `()<>@,;:\"/[]?=`. */
const isTokenChar = (c: number) => c > SPACE && c < 127 && !'()<>@,;:\\"/[]?='.includes(String.fromCharCode(c));
/** Unquoted property-value characters: all but space, controls, `(`, `)`, `;`, `"`. */
const isValueChar = (c: number) => c > SPACE && c !== 127 && c !== OPEN && c !== CLOSE && c !== SEMI && c !== QUOTE;

interface PropValue {
	text: string;
	domain: string | null;
}

class Scanner {
	i = 0;
	error: string | null = null;
	ambiguous = false;
	constructor(readonly s: string) {}

	get atEnd(): boolean {
		return this.i >= this.s.length;
	}
	/** The current character code; NaN at the end. */
	get c(): number {
		return this.s.charCodeAt(this.i);
	}
	fail(why: string): false {
		this.error ??= why;
		return false;
	}

	/** Skips whitespace and comments; false on an unclosed comment. */
	skipCfws(): boolean {
		for (;;) {
			if (isSpace(this.c)) this.i++;
			else if (this.c === OPEN) {
				if (!this.skipComment()) return false;
			} else return true;
		}
	}

	private skipComment(): boolean {
		let depth = 0;
		while (!this.atEnd) {
			const c = this.c;
			if (c === QUOTE || c === SEMI) this.ambiguous = true;
			if (c === BACKSLASH) {
				const next = this.s.charCodeAt(this.i + 1);
				if (next === QUOTE || next === SEMI) this.ambiguous = true;
				this.i += 2;
			} else {
				this.i++;
				if (c === OPEN) depth++;
				else if (c === CLOSE && --depth === 0) return true;
			}
		}
		return this.fail("unclosed comment");
	}

	/** At a `"`: the unescaped content, or null on an unclosed quoted string. */
	quoted(): string | null {
		const start = ++this.i;
		let escaped = false;
		while (!this.atEnd) {
			const c = this.c;
			if (c === QUOTE) {
				const body = this.s.slice(start, this.i++);
				// One fixed-length match per escape: linear, and no per-character garbage.
				return escaped ? body.replace(/\\([\s\S])/g, "$1") : body;
			}
			if (c === OPEN || c === CLOSE || c === SEMI) this.ambiguous = true;
			if (c === BACKSLASH) {
				this.ambiguous = true;
				escaped = true;
				this.i += 2;
			} else this.i++;
		}
		this.fail("unclosed quoted string");
		return null;
	}

	/** A run of characters accepted by `ok`, possibly empty. */
	run(ok: (c: number) => boolean): string {
		const start = this.i;
		while (ok(this.c)) this.i++;
		return this.s.slice(start, this.i);
	}

	/** Skips CFWS, then expects `c`; false (malformed) otherwise. */
	expect(c: number): boolean {
		if (!this.skipCfws()) return false;
		if (this.c !== c) return this.fail("malformed");
		this.i++;
		return this.skipCfws();
	}

	/** RFC 2045 value: token or quoted string. */
	value(): string | null {
		if (this.c === QUOTE) return this.quoted();
		return this.run(isTokenChar);
	}

	/** A property value, up to whitespace, a comment, `;` or the end. */
	propValue(): PropValue | null {
		const start = this.i;
		let quotedParts = 0;
		let rawChars = 0;
		let lastQuoted = "";
		let ats = 0;
		let afterAt = -1;
		let quoteAfterAt = false;
		for (;;) {
			const c = this.c;
			if (c === QUOTE) {
				const q = this.quoted();
				if (q === null) return null;
				quotedParts++;
				lastQuoted = q;
				if (afterAt >= 0) quoteAfterAt = true;
			} else if (isValueChar(c)) {
				if (c === AT) {
					ats++;
					afterAt = this.i + 1;
					quoteAfterAt = false;
				}
				rawChars++;
				this.i++;
			} else break;
		}
		if (this.c === CLOSE || (!this.atEnd && !isSpace(this.c) && this.c !== OPEN && this.c !== SEMI)) {
			this.fail("malformed");
			return null;
		}
		// An empty value (`smtp.mailfrom=;`, as for a null sender) names nothing, and is no reason to refuse the rest.
		if (quotedParts === 0 && rawChars === 0) return { text: "", domain: null };
		if (quotedParts === 1 && rawChars === 0) return { text: lastQuoted, domain: plainDomain(lastQuoted) };
		const text = this.s.slice(start, this.i);
		if (quotedParts === 0) return { text, domain: plainDomain(text) };
		return { text, domain: ats === 1 && !quoteAfterAt ? this.s.slice(afterAt, this.i) : null };
	}
}

/** The domain a plain string names: after its one `@`, or all of it; null if ambiguous. */
function plainDomain(v: string): string | null {
	let at = -1;
	for (let k = 0; k < v.length; k++) {
		const c = v.charCodeAt(k);
		if (c === AT) {
			if (at >= 0) return null;
			at = k;
		} else if (!isValueChar(c) || c === BACKSLASH) return null;
	}
	return v.slice(at + 1);
}

const refused = (authservId: string, error: string): ParsedAuthResults => ({
	authservId,
	instance: null,
	results: [],
	error,
	ambiguous: false,
});

/** Reads an (ARC-)Authentication-Results value; see the file header. */
export function parseAuthResults(value: string, limits: AuthResultsLimits = AUTH_RESULTS_LIMITS): ParsedAuthResults {
	if (value.length > limits.maxChars) return refused("", `longer than ${limits.maxChars} characters`);
	const sc = new Scanner(value);
	const fail = (id = "") => refused(id, sc.error ?? "malformed");
	if (!sc.skipCfws()) return fail();

	// RFC 8617: `i=N;` before the authserv-id. A bare `i` would be an authserv-id.
	let instance: number | null = null;
	let id = sc.value();
	if (id?.toLowerCase() === "i" && sc.skipCfws() && sc.c === EQUALS) {
		sc.i++;
		if (!sc.skipCfws()) return fail();
		const digits = sc.run(isDigit);
		if (digits.length === 0 || digits.length > 3 || !sc.expect(SEMI)) return fail();
		instance = Number(digits);
		id = sc.value();
	}
	if (!id) return fail();
	const authservId = id.toLowerCase();
	if (!sc.skipCfws()) return fail(authservId);
	if (isDigit(sc.c) && (sc.run(isDigit) !== "1" || !sc.skipCfws())) return fail(authservId);

	const results: MethodResult[] = [];
	let noResult = false;
	for (;;) {
		if (!sc.skipCfws()) return fail(authservId);
		if (sc.atEnd) break;
		if (!sc.expect(SEMI)) return fail(authservId);
		if (sc.atEnd || sc.c === SEMI) continue; // a trailing or doubled `;`
		if (noResult) return fail(authservId);
		const method = sc.run(isKeywordChar).toLowerCase();
		if (!method || !sc.skipCfws()) return fail(authservId);
		if (method === "none" && results.length === 0 && (sc.atEnd || sc.c === SEMI)) {
			noResult = true;
			continue;
		}
		if (sc.c === SLASH) {
			sc.i++;
			if (!sc.skipCfws() || !sc.run(isDigit)) return fail(authservId);
		}
		if (!sc.expect(EQUALS)) return fail(authservId);
		const result = sc.run(isKeywordChar).toLowerCase();
		if (!result) return fail(authservId);
		if (results.length >= limits.maxResults) return refused(authservId, `more than ${limits.maxResults} results`);
		const read = readProperties(sc);
		if (!read) return fail(authservId);
		results.push({ method, result, ...read });
	}
	return { authservId, instance, results, error: null, ambiguous: sc.ambiguous };
}

/** `reason=… ptype.property=value …` up to the next `;` or the end. */
function readProperties(sc: Scanner): Pick<MethodResult, "reason" | "props" | "domains"> | null {
	const props = new Map<string, string>();
	const domains = new Map<string, string>();
	let reason: string | undefined;
	for (;;) {
		if (!sc.skipCfws()) return null;
		if (sc.atEnd || sc.c === SEMI) break;
		const name = sc.run(isKeywordChar).toLowerCase();
		if (!name) {
			sc.fail("malformed");
			return null;
		}
		if (!sc.expect(EQUALS)) return null;
		const v = sc.propValue();
		if (!v) return null;
		if (props.has(name) || (name === "reason" && reason !== undefined)) {
			sc.fail("malformed"); // a second header.from could say anything
			return null;
		}
		if (name === "reason") reason = v.text;
		else {
			props.set(name, v.text);
			if (v.domain) domains.set(name, v.domain);
		}
	}
	return {
		...(reason === undefined ? {} : { reason }),
		props: Object.fromEntries(props),
		domains: Object.fromEntries(domains),
	};
}
