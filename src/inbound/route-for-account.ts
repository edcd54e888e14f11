/**
 * What a verified user's mail asks for, by address and content: the ordered list
 * of inbound kinds. Each returns Effects, or null when it does not apply.
 */
import type { MailAddress } from "../mail/mail-address";
import { type Delay, resolveDelay } from "../time/resolve-delay";
import { isRoleAddress } from "../tracking/role-address";
import { extractForward } from "./forwarded-message";
import { trackForward } from "./handlers/forward";
import { trackInvites, trackMet } from "./handlers/meeting";
import { trackOutreach } from "./handlers/outreach";
import { trackReminder } from "./handlers/reminder";
import { statusMail } from "./handlers/status";
import { type Account, accepted, type Effects, type InboundContext, ignored } from "./inbound-context";
import { replyMail } from "./reply-mail";
import { bulkMail, type Draft, helpMail, nothingToTrackMail, unknownAddressMail } from "./reply-texts";
import { hasResumeAttachment } from "./resume-attachment";

/** More recipients than this is an announcement, not networking. */
export const MAX_RECIPIENTS = 20;

async function answer(ctx: InboundContext, account: Account, effects: Effects, draft: Draft): Promise<Effects> {
	const { writes } = await replyMail(ctx, {
		kind: "reply",
		userId: account.user.id,
		to: account.addresses[0] ?? "",
		...draft,
	});
	return { ...effects, writes: [...effects.writes, ...writes], sendsMail: true };
}

function nothingToTrack(ctx: InboundContext, account: Account, why: string): Promise<Effects> {
	const draft = nothingToTrackMail({ subject: ctx.mail.subject, why, mailDomain: ctx.services.config.mailDomain });
	return answer(ctx, account, ignored(account.user.id, "nothing_to_track", why), draft);
}

function recipients(ctx: InboundContext, account: Account): MailAddress[] {
	const own = new Set(account.addresses);
	const ours = `@${ctx.services.config.mailDomain}`;
	const seen = new Set<string>();
	return [...ctx.mail.to, ...ctx.mail.cc].filter((p) => {
		if (own.has(p.address) || p.address.endsWith(ours) || isRoleAddress(p.address) || seen.has(p.address)) return false;
		seen.add(p.address);
		return true;
	});
}

const due = (ctx: InboundContext, account: Account, delay: Delay | null) =>
	delay ? resolveDelay(delay, ctx.now, account.user) : null;

export async function routeForAccount(ctx: InboundContext, account: Account): Promise<Effects> {
	const { route, mail } = ctx;
	const { mailDomain } = ctx.services.config;
	const userId = account.user.id;
	switch (route.kind) {
		case "status": {
			const draft = await statusMail(ctx, account);
			return answer(ctx, account, accepted(userId, "status", "Sent the pending list."), draft);
		}
		case "help":
			return answer(
				ctx,
				account,
				accepted(userId, "help", "Sent the address and command reference."),
				helpMail({ mailDomain }),
			);
		case "unknown":
			return answer(
				ctx,
				account,
				ignored(userId, "unknown_address", `${route.localPart}@ is not one of our addresses.`),
				unknownAddressMail({ localPart: route.localPart, mailDomain }),
			);
		case "other_domain":
		case "reply":
			return ignored(userId, "not_routed", "Not an address for tracking.");
		default:
			break;
	}

	if (mail.invites.length) return trackInvites(ctx, account, mail.invites);

	const forward = await extractForward(mail);
	if (route.kind === "met") {
		const people = forward
			? [...(forward.from ? [forward.from] : []), ...forward.to, ...forward.cc]
			: [...mail.to, ...mail.cc];
		return (
			(await trackMet(ctx, account, people, forward?.subject ?? mail.subject)) ??
			nothingToTrack(ctx, account, "no one else is on it.")
		);
	}
	if (route.kind === "remind") {
		const when = due(ctx, account, route.delay);
		if (route.delay && !when) return nothingToTrack(ctx, account, "that date is in the past.");
		return trackReminder(ctx, account, when);
	}
	if (forward) return trackForward(ctx, account, forward, { intro: route.kind === "intro" });
	if (route.kind === "intro")
		return nothingToTrack(ctx, account, "intro@ expects a forwarded introduction, and this isn't a forward.");

	const people = recipients(ctx, account);
	if (people.length === 0) {
		return nothingToTrack(
			ctx,
			account,
			"it went only to us. BCC us on a mail to someone, or forward a mail with its sender.",
		);
	}
	if (people.length > MAX_RECIPIENTS) {
		return answer(
			ctx,
			account,
			ignored(userId, "bulk", `${people.length} recipients: more than ${MAX_RECIPIENTS}, not tracked.`),
			bulkMail({ subject: mail.subject, count: people.length, limit: MAX_RECIPIENTS }),
		);
	}
	const firstDue = due(ctx, account, route.delay);
	if (route.delay && !firstDue)
		return nothingToTrack(ctx, account, "the follow-up date in the address is in the past.");
	return trackOutreach(ctx, account, {
		people,
		subject: mail.subject,
		sentAt: mail.date && mail.date.getTime() <= ctx.now.getTime() ? mail.date : ctx.now,
		messageId: mail.messageId,
		inReplyTo: mail.inReplyTo,
		references: mail.references,
		text: mail.text,
		kind: route.kind === "applied" || hasResumeAttachment(mail.attachments) ? "application" : "outreach",
		firstDue,
	});
}
