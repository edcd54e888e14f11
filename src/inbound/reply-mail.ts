/** Mail we send back to a user about something they sent: built in mail/, as writes for this email's batch. */
import type { Write } from "../db/write";
import { buildOutgoingMail, type OutgoingDraft, outgoingWrites } from "../mail/outgoing-mail";
import { type Account, type Effects, type InboundContext, ignored } from "./inbound-context";
import { type Draft, nothingToTrackMail } from "./reply-texts";

export interface ReplyDraft extends Pick<OutgoingDraft, "kind" | "userId" | "to" | "subject" | "text"> {
	/** Token purpose: `reply` (commands) or `verify` (account confirmation). */
	purpose?: "reply" | "verify";
	tokenDays?: number;
	context?: Record<string, unknown>;
}

/** An answer to the mail in hand: In-Reply-To it, a reply address, and the notices list's headers. */
export async function replyMail(ctx: InboundContext, draft: ReplyDraft): Promise<{ writes: Write[] }> {
	const { purpose = "reply", tokenDays, context, ...mail } = draft;
	const built = await buildOutgoingMail(
		{
			...mail,
			inReplyTo: ctx.mail.messageId,
			replyToken: { purpose, days: tokenDays, context },
			list: "notices",
		},
		ctx.services.config,
		ctx.now,
	);
	return { writes: outgoingWrites(ctx.services, built) };
}

/** "Re: <subject>" without stacking prefixes. */
export function reSubject(subject: string): string {
	const s = subject.trim() || "your email";
	return /^re:/i.test(s) ? s : `Re: ${s}`;
}

/** Effects plus a short mail back to the account's first address. */
export async function answer(ctx: InboundContext, account: Account, effects: Effects, draft: Draft): Promise<Effects> {
	const { writes } = await replyMail(ctx, {
		kind: "reply",
		userId: account.user.id,
		to: account.addresses[0] ?? "",
		...draft,
	});
	return { ...effects, writes: [...effects.writes, ...writes], sendsMail: true };
}

/** Nothing to follow up on: logged as ignored, and the user is told why and what works. */
export function nothingToTrack(ctx: InboundContext, account: Account, why: string): Promise<Effects> {
	const draft = nothingToTrackMail({ subject: ctx.mail.subject, why, mailDomain: ctx.services.config.mailDomain });
	return answer(ctx, account, ignored(account.user.id, { reason: "nothing_to_track", why }), draft);
}
