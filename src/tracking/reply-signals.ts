/**
 * Did the contact answer? Seen in the user's own next mail when it replies to a
 * message we never saw (its In-Reply-To is not one of the user's Message-IDs), or
 * quotes "On …, Ann Lee <ann@…> wrote:". Pure.
 */

import { ATTRIBUTION_VERBS } from "../lib/attribution";

const ATTRIBUTION = new RegExp(`(${ATTRIBUTION_VERBS})\\s*:?\\s*$`, "i");

/** Contact addresses quoted in an attribution line ("On Mon, Ann <ann@x.com> wrote:"). */
export function quotedAuthors(text: string, candidates: readonly string[]): Set<string> {
	const found = new Set<string>();
	const lines = text.split(/\r?\n/);
	lines.forEach((line, i) => {
		if (!ATTRIBUTION.test(line)) return;
		// Clients wrap long attributions: look at this line and the one before.
		const window = `${lines[i - 1] ?? ""} ${line}`.toLowerCase();
		for (const c of candidates) if (window.includes(c.toLowerCase())) found.add(c);
	});
	return found;
}

/** The mail answers something that is not the user's own (so the other side wrote). */
export function answersUnseenMessage(inReplyTo: string | null, userMessageIds: ReadonlySet<string>): boolean {
	return inReplyTo !== null && !userMessageIds.has(inReplyTo);
}
