/** help@: the addresses and the reply commands. */
import { type Account, accepted } from "../inbound-context";
import { answer } from "../reply-mail";
import { helpMail } from "../reply-texts";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

export const help: InboundKind<Account> = {
	name: "help",
	match: (input) => (input.route.kind === "help" ? confirmedAccount(input) : null),
	process: (ctx, account) =>
		answer(
			ctx,
			account,
			accepted(account.user.id, { reason: "help" }),
			helpMail({ mailDomain: ctx.services.config.mailDomain }),
		),
};
