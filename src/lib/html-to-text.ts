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

/** Elements whose content is not text. */
const HIDDEN = new Set(["script", "style", "title"]);
/** What a `<head>` holds; any other start tag, or text, ends a head that was never closed (as in a browser). */
const HEAD_CONTENT = new Set(["head", "title", "meta", "link", "style", "script", "base", "noscript", "template"]);
/** Start tags that end a line. */
const BREAK_BEFORE = new Set(["br", "blockquote"]);
/** End tags that end a line. */
const BREAK_AFTER = new Set(["p", "div", "li", "tr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"]);
const NBSP = 0xa0;

/** Text chunks of `html`, with "\n" for block breaks. */
function textChunks(html: string): string[] {
	const out: string[] = [];
	/** The hidden element we are inside, if any, until its end tag. */
	let hidden: string | null = null;
	let inHead = false;
	let tag = "";
	const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
	const text = (chunk: string) => {
		if (hidden) return;
		if (inHead && chunk.trim()) inHead = false;
		if (!inHead) out.push(chunk);
	};
	const open = (selfClosing: boolean) => {
		if (hidden) return;
		if (tag === "head") inHead = true;
		else if (inHead && !HEAD_CONTENT.has(tag)) inHead = false;
		if (!selfClosing && HIDDEN.has(tag)) hidden = tag;
		else if (!inHead && BREAK_BEFORE.has(tag)) out.push("\n");
	};
	const ignore = () => {};
	const tokenizer = new Tokenizer(
		{ decodeEntities: true },
		{
			ontext: (start, end) => text(html.slice(start, end)),
			// A non-breaking space reads as a space, so line ends can be trimmed.
			ontextentity: (codepoint) => text(codepoint === NBSP ? " " : String.fromCodePoint(codepoint)),
			onopentagname: (start, end) => {
				tag = name(start, end);
			},
			onopentagend: () => open(false),
			onselfclosingtag: () => open(true),
			onclosetag: (start, end) => {
				const closed = name(start, end);
				if (hidden) {
					if (closed === hidden) hidden = null;
				} else if (closed === "head") inHead = false;
				else if (!inHead && BREAK_AFTER.has(closed)) out.push("\n");
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
