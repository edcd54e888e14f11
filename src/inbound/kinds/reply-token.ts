/**
 * A reply to one of our mails (r+<token>@). A reply token carries commands
 * (reply-commands.ts). A verify token, replied to from the address it was sent
 * to, confirms the account (accounts/confirm-address.ts) and then releases the
 * held mail, once: a used one changes nothing and says so. An add-address
 * request takes an explicit yes from its address (add-address-answer.ts).
 * A command reply from another address is told to the account, once per address
 * (stray-reply.ts). Any other sender changes nothing and learns nothing; the
 * refusal is logged.
 */
import { alreadyConfirmedMail } from "../../accounts/account-mails";
import { createAccountsRepo } from "../../accounts/accounts-repo";
import { readAddAddressContext } from "../../accounts/add-address";
import { type ConfirmedSettings, confirmAddress } from "../../accounts/confirm-address";
import { parseCommands } from "../../commands/command-grammar";
import { newText } from "../../lib/new-text";
import { hashSecretToken } from "../../lib/secret-token";
import { answerAddAddress } from "../add-address-answer";
import { ignored } from "../inbound-context";
import { acceptedOutcome } from "../inbound-outcome";
import { handleCommandReply } from "../reply-commands";
import { replyMail, reSubject } from "../reply-mail";
import { strayReply } from "../stray-reply";
import type { InboundKind } from "./inbound-kind";

/** Settings lines ("timezone Berlin", "digest 7am") in a verification reply, read by the command grammar. */
function settingsIn(text: string): ConfirmedSettings {
	const out: ConfirmedSettings = {};
	for (const { action } of parseCommands(text).commands) {
		if (action.kind === "timezone") out.timezone = action.zone;
		if (action.kind === "digest_time") out.digestMinutes = action.minutes;
	}
	return out;
}

export const replyToken: InboundKind<{ token: string; fromAddress: string }> = {
	name: "reply_token",
	match: ({ route, sender }) => (route.kind === "reply" ? { token: route.token, fromAddress: sender.address } : null),
	process: async (ctx, { token, fromAddress }) => {
		const { db } = ctx.services;
		const repo = createAccountsRepo(db);
		const hash = await hashSecretToken(token);
		const ahead = ctx.reply?.tokenHash === hash ? ctx.reply : null;
		const row = ahead ? ahead.token : await repo.findToken(hash);
		if (!row) return ignored(null, { reason: "token_unknown" });
		const adding = row.purpose === "verify" ? readAddAddressContext(row.contextJson) : null;
		if (adding) {
			if (adding.address !== fromAddress) return ignored(null, { reason: "token_wrong_sender", verification: true });
			return answerAddAddress(ctx, row, fromAddress);
		}
		const owner = ahead?.user?.id === row.userId ? ahead.addresses : await repo.addressesOf(row.userId);
		const expired = row.expiresAt.getTime() <= ctx.now.getTime();
		if (!owner.includes(fromAddress)) {
			if (row.purpose === "reply" && !expired) return strayReply(ctx, row, fromAddress);
			return ignored(null, { reason: "token_wrong_sender", verification: false });
		}
		if (expired) return ignored(row.userId, { reason: "token_expired" });
		if (row.purpose === "reply") return handleCommandReply(ctx, row);
		if (row.purpose !== "verify") return ignored(row.userId, { reason: "token_wrong_purpose" });
		const context = JSON.parse(row.contextJson) as { address?: string };
		if (context.address !== fromAddress) {
			return ignored(null, { reason: "token_wrong_sender", verification: true });
		}
		if (row.usedAt) {
			const { writes } = await replyMail(ctx, {
				kind: "confirmation",
				userId: row.userId,
				to: fromAddress,
				...alreadyConfirmedMail(),
				subject: reSubject(ctx.mail.subject),
			});
			return { ...ignored(row.userId, { reason: "token_used" }, writes), sendsMail: true };
		}
		const settings = settingsIn(newText(ctx.mail.text));
		const changed = [
			...(settings.timezone ? [`timezone ${settings.timezone}`] : []),
			...(settings.digestMinutes !== undefined ? ["digest time"] : []),
		];
		return {
			outcome: acceptedOutcome(row.userId, { reason: "verified", address: fromAddress, changed }),
			writes: confirmAddress(db, { tokenId: row.id, userId: row.userId, address: fromAddress, settings, now: ctx.now }),
			afterCommit: () => ctx.releaseHeld(ctx, row.userId),
			// Release ends with a mail saying what happened.
			sendsMail: true,
		};
	},
};
