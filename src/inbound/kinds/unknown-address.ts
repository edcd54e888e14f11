/** Anything else @ our domain: nothing tracked, and a short reply listing the addresses. */
import { type Account, ignored } from "../inbound-context";
import { answer } from "../reply-mail";
import { unknownAddressMail } from "../reply-texts";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

export const unknownAddress: InboundKind<{ account: Account; localPart: string }> = {
	name: "unknown_address",
	match: (input) => {
		const account = confirmedAccount(input);
		return account && input.route.kind === "unknown" ? { account, localPart: input.route.localPart } : null;
	},
	process: (ctx, { account, localPart }) =>
		answer(
			ctx,
			account,
			ignored(account.user.id, { reason: "unknown_address", localPart }),
			unknownAddressMail({ localPart, mailDomain: ctx.services.config.mailDomain }),
		),
};
