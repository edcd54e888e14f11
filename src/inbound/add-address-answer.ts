/**
 * A reply to an add-address request (accounts/add-address.ts), from the address
 * it was sent to. Only an explicit yes adds it (accounts/address-addition.ts);
 * any other answer confirms nothing and says so. Every answer goes to the address
 * that replied, never to the account that asked. The same yes by the request's
 * link is answered on the web (web/auth/address-routes.tsx).
 */
import { alreadyConfirmedMail, notConfirmedMail, ownAccountMail } from "../accounts/account-mails";
import type { TokenRow } from "../accounts/accounts-repo";
import { planAddition } from "../accounts/address-addition";
import { isExplicitYes } from "../accounts/explicit-yes";
import { newText } from "../lib/new-text";
import { buildOutgoingMail, type MailText, outgoingWrites } from "../mail/outgoing-mail";
import { accepted, type Effects, type InboundContext, ignored } from "./inbound-context";
import { reSubject } from "./reply-mail";

/**
 * A short answer to the address that replied; its Reply-To is the request's own, so
 * a later "yes" still works. It is no mail of the asking account's (no user id):
 * its subject must not reach the asker's export, where it would tell how the
 * address answered or that it has an account.
 */
async function answerTo(ctx: InboundContext, address: string, words: MailText, effects: Effects): Promise<Effects> {
	const { services } = ctx;
	const mail = await buildOutgoingMail(
		{
			kind: "confirmation",
			userId: null,
			to: address,
			replyTo: ctx.email.envelopeTo,
			subject: reSubject(ctx.mail.subject || words.subject),
			text: words.text,
			inReplyTo: ctx.mail.messageId,
		},
		services.config,
		ctx.now,
	);
	return { ...effects, writes: [...effects.writes, ...outgoingWrites(services, mail)], sendsMail: true };
}

export async function answerAddAddress(ctx: InboundContext, token: TokenRow, address: string): Promise<Effects> {
	if (!isExplicitYes(newText(ctx.mail.text))) {
		if (token.usedAt || token.expiresAt.getTime() <= ctx.now.getTime()) return ignored(null, { reason: "token_used" });
		return answerTo(
			ctx,
			address,
			notConfirmedMail({ address }),
			ignored(null, { reason: "address_not_confirmed", address }),
		);
	}
	const plan = await planAddition(ctx.services.db, token, address, ctx.now);
	switch (plan.kind) {
		case "unusable":
			return plan.reason === "used"
				? answerTo(ctx, address, alreadyConfirmedMail(), ignored(null, { reason: "token_used" }))
				: ignored(null, { reason: "token_expired" });
		case "own_account":
			return answerTo(
				ctx,
				address,
				ownAccountMail({ address }),
				ignored(null, { reason: "address_has_own_account", address }, plan.writes),
			);
		case "already_yours":
		case "added":
			return {
				...accepted(plan.userId, { reason: "address_added", address }, plan.writes),
				// Releases what the address sent while it waited, then says "Added" to it.
				afterCommit: () => ctx.releaseHeld(ctx, plan.userId, { added: address }),
				sendsMail: true,
			};
	}
}
