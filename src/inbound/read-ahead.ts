/**
 * What to read ahead with the sender lookup (sender-lookup.ts), from the mail
 * alone: the people on it, on the mail it forwards, and named in that mail,
 * first the ones the kinds ask about first; and the Message-IDs it answers. A
 * guess that misses costs a round trip, never a wrong answer.
 */
import { nameOnly } from "../tracking/ensure-contacts";
import type { Route } from "./address-grammar";
import type { ForwardedOriginal } from "./forwarded-message";
import { namedAddresses } from "./intro-detection";
import type { ParsedMail } from "./parse-message";
import type { ReadAhead } from "./sender-lookup";

/** Routes whose kinds track the people on the mail (outreach, forward, intro, met). */
export const tracksPeople = (route: Route) =>
	route.kind === "track" || route.kind === "applied" || route.kind === "intro" || route.kind === "met";

export function readAheadFor(
	route: Route,
	mail: ParsedMail,
	fwd: ForwardedOriginal | null,
	mailDomain: string,
	sender: string,
): ReadAhead {
	if (!tracksPeople(route)) return { emails: [], messageIds: [] };
	const ours = `@${mailDomain}`;
	const emails = new Set<string>();
	const add = (a: string | undefined) => {
		if (a && a !== sender && !a.endsWith(ours)) emails.add(a);
	};
	if (fwd) {
		add(fwd.from?.address || (fwd.from?.name ? nameOnly(fwd.from.name).address : undefined));
		for (const p of [...fwd.to, ...fwd.cc]) add(p.address);
		for (const p of namedAddresses(`${fwd.note}\n${fwd.body}`)) add(p.address);
	}
	for (const p of [...mail.to, ...mail.cc]) add(p.address);
	return {
		emails: [...emails],
		messageIds: [...new Set([...(mail.inReplyTo ? [mail.inReplyTo] : []), ...mail.references])],
	};
}
