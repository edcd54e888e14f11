/**
 * Just enough HTML → text for mail bodies that have no text part: block breaks,
 * no tags, comments, script/style/head content, every HTML entity decoded.
 *
 * htmlparser2's Tokenizer reads the markup: a single-pass state machine, so its
 * time is linear in the input whatever it holds (300,000 unclosed `<`, a thousand
 * `<script>` without an end, a tag with a megabyte of attributes). Only the
 * tokenizer: htmlparser2's Parser and html-to-text keep a stack of open elements
 * that grows quadratic on deep nesting (100,000 `<table><tr><td>`: 16 s), and
 * html-to-text overflows the call stack. This file assembles the text.
 */
import { Tokenizer } from "htmlparser2";

/** Elements whose content is not text. `<body>` also ends a `<head>` that was never closed. */
const HIDDEN = new Set(["script", "style", "head", "title"]);
/** Start tags that end a line. */
const BREAK_BEFORE = new Set(["br", "blockquote"]);
/** End tags that end a line. */
const BREAK_AFTER = new Set(["p", "div", "li", "tr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"]);
const NBSP = 0xa0;

/** Text chunks of `html`, with "\n" for block breaks. */
function textChunks(html: string): string[] {
	const out: string[] = [];
	/** The hidden element we are inside, if any; its end tag (or `<body>` for a head) leaves it. */
	let hidden: string | null = null;
	let tag = "";
	const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
	const open = (selfClosing: boolean) => {
		if (hidden === "head" && tag === "body") hidden = null;
		if (hidden) return;
		if (!selfClosing && HIDDEN.has(tag)) hidden = tag;
		else if (BREAK_BEFORE.has(tag)) out.push("\n");
	};
	const ignore = () => {};
	const tokenizer = new Tokenizer(
		{ decodeEntities: true },
		{
			ontext: (start, end) => {
				if (!hidden) out.push(html.slice(start, end));
			},
			// A non-breaking space reads as a space, so line ends can be trimmed.
			ontextentity: (codepoint) => {
				if (!hidden) out.push(codepoint === NBSP ? " " : String.fromCodePoint(codepoint));
			},
			onopentagname: (start, end) => {
				tag = name(start, end);
			},
			onopentagend: () => open(false),
			onselfclosingtag: () => open(true),
			onclosetag: (start, end) => {
				const closed = name(start, end);
				if (hidden) {
					if (closed === hidden) hidden = null;
				} else if (BREAK_AFTER.has(closed)) out.push("\n");
			},
			onattribdata: ignore,
			onattribentity: ignore,
			onattribend: ignore,
			onattribname: ignore,
			oncdata: ignore,
			oncomment: ignore,
			ondeclaration: ignore,
			onend: ignore,
			onprocessinginstruction: ignore,
		},
	);
	tokenizer.write(html);
	tokenizer.end();
	return out;
}

/** Drops spaces and tabs at line ends, and keeps at most one blank line in a row. */
function tidyLines(text: string): string {
	const out: string[] = [];
	let blank = 0;
	for (const raw of text.split("\n")) {
		let end = raw.length;
		while (end > 0 && (raw.charCodeAt(end - 1) === 32 || raw.charCodeAt(end - 1) === 9)) end--;
		const line = raw.slice(0, end);
		blank = line === "" ? blank + 1 : 0;
		if (blank < 2) out.push(line);
	}
	return out.join("\n").trim();
}

export function htmlToText(html: string): string {
	return tidyLines(textChunks(html).join(""));
}
