/** met@/thanks@: the people on the mail (or on the forwarded one) were met today: thank-you notes today. */
import type { MailAddress } from "../../mail/mail-address";
import { sameDayDue } from "../../nudges/cadence";
import { subjectKey } from "../../tracking/subject-key";
import { type Account, accepted, type Effects, type InboundContext } from "../inbound-context";
import { nothingToTrack } from "../reply-mail";
import { others, scheduleThankYous } from "../thank-you-notes";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

async function trackMet(
	ctx: InboundContext,
	account: Account,
	people: MailAddress[],
	subject: string,
): Promise<Effects | null> {
	const who = others(ctx, account, people);
	if (!who.length) return null;
	const key = `met:${subjectKey(subject)}:${ctx.mail.messageId ?? ctx.messageKey}`.slice(0, 200);
	const s = await scheduleThankYous(ctx, account, who, {
		key,
		subject: subject || "Meeting",
		due: sameDayDue(ctx.now, account.user),
		at: ctx.now,
	});
	return accepted(account.user.id, { reason: "met", names: s.names }, s.writes);
}

export const met: InboundKind<{ account: Account; people: MailAddress[]; subject: string }> = {
	name: "met",
	match: async (input) => {
		const account = confirmedAccount(input);
		if (!account || input.route.kind !== "met") return null;
		const { mail } = input;
		const forward = await input.forward();
		const people = forward
			? [...(forward.from ? [forward.from] : []), ...forward.to, ...forward.cc]
			: [...mail.to, ...mail.cc];
		return { account, people, subject: forward?.subject ?? mail.subject };
	},
	process: async (ctx, { account, people, subject }) =>
		(await trackMet(ctx, account, people, subject)) ?? nothingToTrack(ctx, account, "no one else is on it."),
};
