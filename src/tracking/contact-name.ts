/**
 * Contact names as people read them: "Lee, Bob" is Bob Lee, "ANN LEE" is Ann Lee,
 * and a third party's display name is at most 80 characters with no links or
 * control characters (it goes into our subjects). A stored name is replaced only
 * by a better one, so a later mail to "ANN LEE" does not rename Ann Lee. Pure.
 */

export const NAME_MAX_LENGTH = 80;

const ADDRESS = /^[^\s@]{1,64}@[^\s@]{1,255}$/;
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s]{0,2000}/gi;
/** A bare domain in a name ("bit.ly/win", "acme.com"): lower-case labels and a lower-case top-level domain. */
const DOMAIN = /\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,5}\.[a-z]{2,24}\b(?:\/[^\s]{0,2000})?/g;
const EMBEDDED_ADDRESS = /[^\s@<>()"']{1,64}@[^\s@<>()"']{1,255}/g;
/** What follows a comma in "Bob Smith, Jr." or "Acme, Inc.": not a first name. */
const SUFFIX =
	/^(?:jr|sr|ii|iii|iv|phd|ph\.d|md|mba|esq|cpa|pe|rn|dds|inc|ltd|llc|llp|gmbh|ag|sa|bv|co|corp|plc|pty)\.?$/i;
const NAME_WORDS = /^[\p{L}][\p{L}'’.-]{0,40}(?: [\p{L}][\p{L}'’.-]{0,40}){0,3}$/u;

/** Quotes and separators left at either end once links and addresses are gone. */
const EDGE = new Set([..." \"'“”‘’,;:|–—-"]);

function trimChars(s: string, chars: Set<string>): string {
	let start = 0;
	let end = s.length;
	while (start < end && chars.has(s.charAt(start))) start++;
	while (end > start && chars.has(s.charAt(end - 1))) end--;
	return s.slice(start, end);
}

/** "ANN LEE" → "Ann Lee", "MARY-JANE O'NEIL" → "Mary-Jane O'Neil". */
function titleCase(name: string): string {
	return name
		.toLowerCase()
		.replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}

/** Has letters, and none of them lower case. */
export function isAllCaps(name: string): boolean {
	return /\p{Lu}.*\p{Lu}/su.test(name) && !/\p{Ll}/u.test(name);
}

export function looksLikeAddress(name: string): boolean {
	return ADDRESS.test(name.trim().replace(/^['"<]+|['">]+$/g, ""));
}

/**
 * A display name fit to show and store, or null when nothing of a name is left
 * (empty, only an address, only a link).
 */
export function cleanDisplayName(raw: string | null | undefined): string | null {
	if (!raw) return null;
	let s = raw.slice(0, 1000).replace(CONTROL, " ");
	if (looksLikeAddress(s)) return null;
	s = s
		.replace(URL, " ")
		.replace(EMBEDDED_ADDRESS, " ")
		.replace(DOMAIN, " ")
		.replace(/\(\s*\)|\[\s*\]|<\s*>/g, " ")
		.replace(/\s+/g, " ")
		.trim();
	s = trimChars(s, EDGE);
	const parts = s.split(",").map((p) => p.trim());
	if (parts.length === 2) {
		const [last = "", first = ""] = parts;
		if (NAME_WORDS.test(last) && NAME_WORDS.test(first) && !SUFFIX.test(first)) s = `${first} ${last}`;
	}
	if (isAllCaps(s)) s = titleCase(s);
	s = [...s].slice(0, NAME_MAX_LENGTH).join("").trim();
	return s === "" ? null : s;
}

const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Whether the name on a new mail may replace the stored one. Only a better name does:
 * one where there was none (or only an address), or a fuller one ("Ann" → "Ann Lee").
 * A name that differs only by case, an all-caps one, an address, or simply another
 * name never replaces what we have.
 */
export function mayReplaceName(stored: string | null | undefined, incoming: string | null | undefined): boolean {
	const next = cleanDisplayName(incoming);
	if (!next) return false;
	const current = stored?.trim() ?? "";
	if (current === "" || looksLikeAddress(current)) return true;
	const have = words(cleanDisplayName(current) ?? current);
	const offered = words(next);
	if (have.join(" ") === offered.join(" ")) return false;
	if (incoming && isAllCaps(incoming)) return false;
	return offered.length > have.length && have.every((w, i) => offered[i] === w);
}
