/** intro@ without a forwarded mail: there is no one to introduce, and the user is told so. (With one: forward.ts.) */
import type { Account } from "../inbound-context";
import { nothingToTrack } from "../reply-mail";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

export const intro: InboundKind<Account> = {
	name: "intro",
	match: async (input) => {
		const account = confirmedAccount(input);
		if (!account || input.route.kind !== "intro" || (await input.forward())) return null;
		return account;
	},
	process: (ctx, account) =>
		nothingToTrack(ctx, account, "intro@ expects a forwarded introduction, and this isn't a forward."),
};
