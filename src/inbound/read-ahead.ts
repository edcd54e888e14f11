/**
 * What to read ahead with the sender lookup (sender-lookup.ts), from the mail
 * alone: the people on it, on the mail it forwards, named in that mail, and
 * invited by its calendar invites, first the ones the kinds ask about first; the
 * Message-IDs it answers; and the meeting's thread key (an invite's, or met@'s).
 * A guess that misses costs a round trip, never a wrong answer.
 */
import { nameOnly } from "../tracking/ensure-contacts";
import type { Route } from "./address-grammar";
import type { ForwardedOriginal } from "./forwarded-message";
import { namedInForward } from "./intro-detection";
import { inviteesOf, inviteKeyOf } from "./kinds/invite";
import { meetingKeyOf } from "./kinds/met";
import { referencedIds } from "./mail-headers";
import type { ParsedMail } from "./parse-message";
import type { ReadAhead } from "./sender-lookup";

/** Routes whose kinds track the people on the mail (outreach, forward, intro, met). */
export const tracksPeople = (route: Route) =>
	route.kind === "track" || route.kind === "applied" || route.kind === "intro" || route.kind === "met";

/** Routes whose mail an invite in it is read from (ordered-kinds.ts: invite comes after these). */
const readsInvites = (route: Route) =>
	route.kind !== "reply" && route.kind !== "other_domain" && route.kind !== "status" && route.kind !== "help";

export function readAheadFor(
	route: Route,
	mail: ParsedMail,
	fwd: ForwardedOriginal | null,
	mailDomain: string,
	sender: string,
	messageKey: string,
): Omit<ReadAhead, "now"> {
	const invites = readsInvites(route) ? mail.invites : [];
	if (!tracksPeople(route) && invites.length === 0) return { emails: [], messageIds: [] };
	const ours = `@${mailDomain}`;
	const emails = new Set<string>();
	const add = (a: string | undefined) => {
		if (a && a !== sender && !a.endsWith(ours)) emails.add(a);
	};
	if (fwd) {
		add(fwd.from?.address || (fwd.from?.name ? nameOnly(fwd.from.name).address : undefined));
		for (const p of [...fwd.to, ...fwd.cc]) add(p.address);
		for (const p of namedInForward(fwd)) add(p.address);
	}
	for (const p of invites.flatMap(inviteesOf)) add(p.address);
	for (const p of [...mail.to, ...mail.cc]) add(p.address);
	// The invite kind comes before met@ (ordered-kinds.ts): its meeting's key is the one read.
	const first = invites[0];
	const threadKey = first
		? inviteKeyOf(first)
		: route.kind === "met"
			? meetingKeyOf(fwd?.subject ?? mail.subject, mail.messageId, messageKey)
			: undefined;
	return {
		emails: [...emails],
		messageIds: referencedIds(mail),
		...(threadKey !== undefined ? { threadKey } : {}),
	};
}
