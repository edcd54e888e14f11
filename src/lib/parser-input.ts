/**
 * Text made safe for a third-party parser whose patterns backtrack (such as
 * email-forward-parser, whose `^>?\s*…` patterns rescan every run of
 * whitespace): line breaks (CR LF, CR, U+2028/9) become "\n", every other
 * whitespace character a space, a run of spaces is at most 8 long,
 * at most one blank line stands in a row, at most 2 lines in a row are only
 * quote marks ("> " lines cost the parser the square of their number after a
 * "From:" line: 9 s at 32 KiB, found by test/fuzz/attack-shapes), and only the first PARSER_INPUT_MAX
 * characters are kept. Each step is one linear pass; nothing a reader of
 * headers and words needs is lost. Pure.
 */
export const PARSER_INPUT_MAX = 32 * 1024;

export function parserInput(text: string, max: number = PARSER_INPUT_MAX): string {
	return collapseQuoteOnlyLines(
		text
			.slice(0, 2 * max)
			.replace(/\r\n?|[\u2028\u2029]/g, "\n")
			.replace(/[^\S\n]/g, " ")
			.replace(/ {9,}/g, "        ")
			.replace(/\n(?: *\n){2,}/g, "\n\n"),
	).slice(0, max);
}

/** Keeps at most 2 lines in a row that hold nothing but quote marks and spaces. One pass. */
function collapseQuoteOnlyLines(text: string): string {
	const out: string[] = [];
	let run = 0;
	for (const line of text.split("\n")) {
		run = line.includes(">") && /^[ >]*$/.test(line) ? run + 1 : 0;
		if (run <= 2) out.push(line);
	}
	return out.join("\n");
}
