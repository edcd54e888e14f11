/**
 * met@/thanks@: the people on the mail (or on the forwarded one) were met today:
 * a thank-you note today, unless this mail is that note (then a check-in later).
 */
import type { MailAddress } from "../../mail/mail-address";
import { subjectKey } from "../../tracking/subject-key";
import { type Account, accepted, type Effects, type InboundContext } from "../inbound-context";
import { nothingToTrack } from "../reply-mail";
import { isThankYouNote, others, scheduleMeetings } from "../thank-you-notes";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

/** The key of the meeting a met@ mail records: one per mail. */
export const meetingKeyOf = (subject: string, messageId: string | null, messageKey: string) =>
	`met:${subjectKey(subject)}:${messageId ?? messageKey}`.slice(0, 200);

async function trackMet(
	ctx: InboundContext,
	account: Account,
	people: MailAddress[],
	subject: string,
	direct: boolean,
): Promise<Effects | null> {
	const who = others(ctx, account, people);
	if (!who.length) return null;
	const key = meetingKeyOf(subject, ctx.mail.messageId, ctx.messageKey);
	// The user's own mail to them, BCC'd here, may be the thank-you note itself.
	const thanked = direct && isThankYouNote(subject, ctx.mail.text);
	const s = await scheduleMeetings(ctx, account, who, {
		key,
		subject: subject || "Meeting",
		end: ctx.now,
		start: ctx.now,
		thanked,
	});
	return accepted(account.user.id, { reason: "met", names: s.names }, s.writes);
}

export const met: InboundKind<{ account: Account; people: MailAddress[]; subject: string; direct: boolean }> = {
	name: "met",
	match: async (input) => {
		const account = confirmedAccount(input);
		if (!account || input.route.kind !== "met") return null;
		const { mail } = input;
		const forward = await input.forward();
		const people = forward
			? [...(forward.from ? [forward.from] : []), ...forward.to, ...forward.cc]
			: [...mail.to, ...mail.cc];
		return { account, people, subject: forward?.subject ?? mail.subject, direct: !forward };
	},
	process: async (ctx, { account, people, subject, direct }) =>
		(await trackMet(ctx, account, people, subject, direct)) ?? nothingToTrack(ctx, account, "no one else is on it."),
};
