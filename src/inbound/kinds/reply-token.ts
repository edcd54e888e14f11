/**
 * A reply to one of our mails (r+<token>@). A reply token carries commands
 * (reply-commands.ts). A verify token, replied to from the address it was sent
 * to, confirms the account (accounts/confirm-address.ts) and then releases the
 * held mail. Any other sender changes nothing and learns nothing; the refusal
 * is logged.
 */
import { createAccountsRepo } from "../../accounts/accounts-repo";
import { type ConfirmedSettings, confirmAddress } from "../../accounts/confirm-address";
import { parseCommands } from "../../commands/command-grammar";
import { newText } from "../../lib/new-text";
import { hashSecretToken } from "../../lib/secret-token";
import { ignored } from "../inbound-context";
import { acceptedOutcome } from "../inbound-outcome";
import { handleCommandReply } from "../reply-commands";
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
		const row = await repo.findToken(await hashSecretToken(token));
		if (!row) return ignored(null, { reason: "token_unknown" });
		const owner = await repo.addressesOf(row.userId);
		if (!owner.includes(fromAddress)) {
			return ignored(null, { reason: "token_wrong_sender", verification: false });
		}
		if (row.expiresAt.getTime() <= ctx.now.getTime()) {
			return ignored(row.userId, { reason: "token_expired" });
		}
		if (row.purpose === "reply") return handleCommandReply(ctx, row);
		if (row.purpose !== "verify") return ignored(row.userId, { reason: "token_wrong_purpose" });
		const context = JSON.parse(row.contextJson) as { address?: string };
		if (context.address !== fromAddress) {
			return ignored(null, { reason: "token_wrong_sender", verification: true });
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
