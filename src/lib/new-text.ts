/**
 * Only what the sender just wrote, for reading commands and settings: the reply
 * trimmer removes quoted mail, header blocks, forwards and device signatures;
 * email-reply-parser then removes signatures and quotes it knows; lines still
 * quoted with ">" are not the sender's words; and an attribution the others
 * missed (one a client wrapped oddly) ends the text.
 * A bottom-posted reply (quote first, then the answer) keeps the answer.
 *
 * Bounded: the trimmer reads at most NEW_TEXT_INPUT_LINES lines (it is linear),
 * and email-reply-parser, whose patterns are not, reads at most
 * NEW_TEXT_MAX_LINES lines and NEW_TEXT_MAX_CHARS characters of what is left.
 * Commands and settings are a few short lines at the top of that.
 */
import EmailReplyParser from "email-reply-parser";
import { ATTRIBUTION_VERBS } from "./attribution";
import { logRecovered } from "./log";
import { trimReply } from "./reply-text/trim-reply";

export const NEW_TEXT_INPUT_LINES = 5_000;
export const NEW_TEXT_MAX_LINES = 100;
export const NEW_TEXT_MAX_CHARS = 4_000;

/** The first `lines` lines and `chars` characters, without splitting the whole text. */
export function headOf(text: string, lines: number, chars: number): string {
	let end = -1;
	for (let n = 0; n < lines; n++) {
		end = text.indexOf("\n", end + 1);
		if (end < 0 || end >= chars) return text.slice(0, chars);
	}
	return text.slice(0, end);
}

const ATTRIBUTION_END = new RegExp(`(${ATTRIBUTION_VERBS})\\s*:\\s*$`, "i");

function cutAtAttribution(text: string): string {
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		if (!ATTRIBUTION_END.test(lines[i] ?? "")) continue;
		// A client that wrapped the attribution leaves the line above ending in "<" or ",".
		const start = i > 0 && /[<,]\s*$/.test(lines[i - 1] ?? "") ? i - 1 : i;
		// A real attribution names an address or a date.
		if (!/@|\d/.test(lines.slice(start, i + 1).join(" "))) continue;
		return lines.slice(0, start).join("\n");
	}
	return text;
}

function parseReply(text: string): string {
	try {
		return new EmailReplyParser().parseReply(text).trim();
	} catch (err) {
		logRecovered("parse_fallback", err, { where: "email-reply-parser", fallback: "the trimmed text" });
		return text.trim();
	}
}

const unquoted = (text: string) =>
	text
		.split("\n")
		.filter((l) => !/^\s*>/.test(l))
		.join("\n");

export function newText(text: string): string {
	const trimmed = headOf(
		trimReply(headOf(text, NEW_TEXT_INPUT_LINES, Number.POSITIVE_INFINITY)),
		NEW_TEXT_MAX_LINES,
		NEW_TEXT_MAX_CHARS,
	);
	let reply = parseReply(trimmed);
	if (unquoted(reply).trim() === "") reply = parseReply(unquoted(trimmed));
	return cutAtAttribution(unquoted(reply)).trim();
}
