/**
 * A third party's display name, made safe to show before it reaches a subject,
 * a digest or a log: control and format characters become spaces, links are
 * dropped, whitespace is collapsed, and it is at most DISPLAY_NAME_MAX
 * characters. Linear in its input, which is first cut to 4 × that. Pure.
 */

export const DISPLAY_NAME_MAX = 80;

const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
/** One link: a scheme or www. and the non-space run after it (no nested quantifier). */
const LINK = /\b(?:[a-z][a-z0-9+.-]{0,15}:\/\/|www\.)\S*/gi;

export function boundedDisplayName(raw: string): string {
	const cut = [...raw.slice(0, DISPLAY_NAME_MAX * 8)].slice(0, DISPLAY_NAME_MAX * 4).join("");
	const clean = cut.replace(CONTROL, " ").replace(LINK, " ").replace(/\s+/g, " ").trim();
	return [...clean].slice(0, DISPLAY_NAME_MAX).join("").trim();
}
