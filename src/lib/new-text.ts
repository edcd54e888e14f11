/**
 * Only what the sender just wrote: quoted history and signatures removed
 * (email-reply-parser), then cut at an attribution line the library misses, such
 * as one a client wrapped over two lines ("… пользователь "bob" <\nbob@x> написал:").
 * A bottom-posted reply (quote first, then the answer) keeps the answer.
 */
import EmailReplyParser from "email-reply-parser";
import { ATTRIBUTION_VERBS } from "./attribution";

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

function bottomPosted(text: string): string {
	const lines = text.split(/\r?\n/);
	const lastQuoted = lines.reduce((last, l, i) => (l.startsWith(">") ? i : last), -1);
	return lastQuoted >= 0 ? lines.slice(lastQuoted + 1).join("\n") : "";
}

export function newText(text: string): string {
	let reply: string;
	try {
		reply = new EmailReplyParser().parseReply(text).trim();
	} catch {
		reply = text.trim();
	}
	if (reply === "") reply = new EmailReplyParser().parseReply(bottomPosted(text)).trim();
	return cutAtAttribution(reply).trim();
}
