/** Mail we send back to a user about something they sent: built in mail/, as writes for this email's batch. */
import type { Write } from "../db/write";
import { buildOutgoingMail, type OutgoingDraft, outgoingWrites } from "../mail/outgoing-mail";
import type { InboundContext } from "./inbound-context";

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
