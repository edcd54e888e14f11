/** The only body text we keep: at most 200 characters of the new text, on one line. */
export const SNIPPET_MAX = 200;

export function snippetOf(text: string): string {
	const firstPart = text.split(/\n\s*(?:>|-{2,}\s*(?:Original Message|Forwarded message)|On .{1,200}wrote:)/i)[0] ?? "";
	const line = firstPart.replace(/\s+/g, " ").trim();
	return line.length > SNIPPET_MAX ? `${line.slice(0, SNIPPET_MAX - 1)}…` : line;
}
