/** Mail we send back to a user about something they sent: an outbox row and its reply token, as writes. */

import type { OUTBOX_KINDS } from "../db/schema";
import { tokens } from "../db/schema";
import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import { hashSecretToken, newSecretToken } from "../lib/secret-token";
import { composeOutboxRow } from "../mail/compose";
import { inDays } from "../time/local-time";
import { signLink, UNSUBSCRIBE_LINK_DAYS } from "../web/signed-link";
import type { InboundContext } from "./inbound-context";

export const REPLY_TOKEN_DAYS = 30;

export interface ReplyDraft {
	kind: (typeof OUTBOX_KINDS)[number];
	userId: string;
	to: string;
	subject: string;
	text: string;
	/** Token purpose: `reply` (commands) or `verify` (account confirmation). */
	purpose?: "reply" | "verify";
	tokenDays?: number;
	context?: Record<string, unknown>;
}

export async function replyMail(
	ctx: InboundContext,
	draft: ReplyDraft,
): Promise<{ writes: Write[]; outboxId: string }> {
	const { db, outbox, config } = ctx.services;
	const token = newSecretToken();
	const outboxId = newId();
	const inReplyTo: Record<string, string> = ctx.mail.messageId
		? { "in-reply-to": `<${ctx.mail.messageId}>`, references: `<${ctx.mail.messageId}>` }
		: {};
	const unsubscribe = await signLink(config.appSecret, {
		u: draft.userId,
		a: "unsubscribe",
		e: inDays(ctx.now, UNSUBSCRIBE_LINK_DAYS).getTime(),
	});
	const row = composeOutboxRow(
		{
			kind: draft.kind,
			userId: draft.userId,
			to: draft.to,
			subject: draft.subject,
			text: draft.text,
			replyTo: `r+${token}@${config.mailDomain}`,
			headers: {
				...inReplyTo,
				// Every mail we send can be stopped in one click (RFC 8058); it pauses, and can be undone.
				"list-unsubscribe": `<${config.publicUrl}/u/${unsubscribe}>, <mailto:r+${token}@${config.mailDomain}?subject=unsubscribe>`,
				"list-unsubscribe-post": "List-Unsubscribe=One-Click",
				"list-id": `Followthrough notices <notices.${config.mailDomain}>`,
			},
		},
		config,
		{ id: outboxId, now: ctx.now },
	);
	const tokenRow = db.insert(tokens).values({
		id: newId(),
		userId: draft.userId,
		purpose: draft.purpose ?? "reply",
		tokenHash: await hashSecretToken(token),
		outboxId,
		contextJson: JSON.stringify(draft.context ?? {}),
		expiresAt: inDays(ctx.now, draft.tokenDays ?? REPLY_TOKEN_DAYS),
		createdAt: ctx.now,
	});
	// The outbox row first: the token references it.
	return { writes: [outbox.insert(row), tokenRow], outboxId };
}

/** "Re: <subject>" without stacking prefixes. */
export function reSubject(subject: string): string {
	const s = subject.trim() || "your email";
	return /^re:/i.test(s) ? s : `Re: ${s}`;
}
