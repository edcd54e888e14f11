/**
 * The only body text we keep: at most 200 characters of the new text, on one
 * line. It ends where quoted or forwarded mail starts (a line beginning with ">",
 * "-- Original Message", "-- Forwarded message" or "On … wrote:"). Line by line,
 * and it stops reading once it has enough: linear, whatever the text holds.
 */
export const SNIPPET_MAX = 200;

const QUOTE_START = /^(?:>|-{2,}\s*(?:Original Message|Forwarded message)|On .{1,200}wrote:)/i;

export function snippetOf(text: string): string {
	const words: string[] = [];
	let length = 0;
	let start = 0;
	for (let first = true; start <= text.length && length <= SNIPPET_MAX; first = false) {
		const nl = text.indexOf("\n", start);
		const end = nl < 0 ? text.length : nl;
		const line = text.slice(start, Math.min(end, start + 4 * SNIPPET_MAX + 400)).trimStart();
		if (!first && QUOTE_START.test(line)) break;
		for (const w of line.split(/\s+/)) {
			if (!w) continue;
			words.push(w);
			length += w.length + 1;
			if (length > SNIPPET_MAX) break;
		}
		if (nl < 0) break;
		start = nl + 1;
	}
	const one = words.join(" ");
	return one.length > SNIPPET_MAX ? `${one.slice(0, SNIPPET_MAX - 1)}…` : one;
}
