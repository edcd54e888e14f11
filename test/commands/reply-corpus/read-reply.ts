/** Reads a corpus reply as email() would, and writes commands in the corpus' compact form. */
import { type Command, parseCommands } from "../../../src/commands/command-grammar";
import { parseMessage } from "../../../src/inbound/parse-message";
import { newText } from "../../../src/lib/new-text";
import { buildMail } from "../../support/inbound";
import type { ReplyCase } from "./replies";

/** A command in the corpus' compact form: `action@target`. */
export function commandKey(c: Command): string {
	const a = c.action;
	const action =
		a.kind === "snooze"
			? `snooze:${a.delay.kind === "days" ? a.delay.days : a.delay.phrase}`
			: a.kind === "timezone"
				? `tz:${a.zone}`
				: a.kind === "digest_time"
					? `digest:${a.minutes}`
					: a.kind === "mode"
						? `mode:${a.mode}`
						: a.kind;
	const t = c.target;
	const target =
		t.kind === "numbers"
			? t.numbers.join(",")
			: t.kind === "name"
				? `name:${t.name}`
				: t.kind === "contact"
					? "contact"
					: t.kind;
	return `${action}@${target}`;
}

/** The raw message a client would send for this case. */
export function rawReply(c: ReplyCase, to = "r+corpus@followthrough.test", from = "robin@ortiz.example"): string {
	const html = c.layout.startsWith("html");
	return buildMail({
		from,
		to,
		subject: "Re: 3 things to follow up on",
		...(html ? { mime: { contentType: "text/html; charset=utf-8", body: c.body } } : { body: c.body }),
	});
}

export async function readReply(c: ReplyCase) {
	const mail = await parseMessage(rawReply(c));
	return parseCommands(newText(mail.text));
}
