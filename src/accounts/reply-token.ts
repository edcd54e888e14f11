/**
 * A reply to one of our mails (r+<token>@). A verify token, replied to from the
 * address it was sent to, confirms the account and releases the held mail. Any
 * other sender changes nothing and learns nothing; the refusal is logged.
 */
import { and, eq, isNull } from "drizzle-orm";
import { parseCommands } from "../commands/command-grammar";
import { tokens, userAddresses, users } from "../db/schema";
import type { Write } from "../db/write";
import { handleCommandReply } from "../inbound/handlers/reply-commands";
import { type Effects, type InboundContext, ignored } from "../inbound/inbound-context";
import { newText } from "../lib/new-text";
import { hashSecretToken } from "../lib/secret-token";
import { createAccountsRepo } from "./accounts-repo";

/** Settings lines ("timezone Berlin", "digest 7am") in a verification reply, read by the command grammar. */
function settingsIn(text: string): { timezone?: string; digestMinutes?: number } {
	const out: { timezone?: string; digestMinutes?: number } = {};
	for (const { action } of parseCommands(text).commands) {
		if (action.kind === "timezone") out.timezone = action.zone;
		if (action.kind === "digest_time") out.digestMinutes = action.minutes;
	}
	return out;
}

export async function handleReplyToken(
	ctx: InboundContext,
	token: string,
	fromAddress: string,
	release: (userId: string) => Promise<void>,
): Promise<Effects> {
	const { db } = ctx.services;
	const repo = createAccountsRepo(db);
	const row = await repo.findToken(await hashSecretToken(token));
	if (!row) return ignored(null, "token_unknown", "Reply to an address we did not issue.");
	const owner = await repo.addressesOf(row.userId);
	if (!owner.includes(fromAddress)) {
		return ignored(null, "token_wrong_sender", "Reply address used by someone other than its owner: nothing changed.");
	}
	if (row.expiresAt.getTime() <= ctx.now.getTime()) {
		return ignored(row.userId, "token_expired", "Reply to an expired address: nothing changed.");
	}
	if (row.purpose === "reply") return handleCommandReply(ctx, row);
	if (row.purpose !== "verify")
		return ignored(row.userId, "token_wrong_purpose", "That address does not take replies.");
	const context = JSON.parse(row.contextJson) as { address?: string };
	if (context.address !== fromAddress) {
		return ignored(null, "token_wrong_sender", "Verification reply from another address: nothing changed.");
	}
	const settings = settingsIn(newText(ctx.mail.text));
	const writes: Write[] = [
		db
			.update(tokens)
			.set({ usedAt: ctx.now })
			.where(and(eq(tokens.id, row.id), isNull(tokens.usedAt))),
		db
			.update(userAddresses)
			.set({ verifiedAt: ctx.now })
			.where(and(eq(userAddresses.userId, row.userId), eq(userAddresses.address, fromAddress))),
		db
			.update(users)
			.set({
				status: "active",
				verifiedAt: ctx.now,
				...(settings.timezone ? { timezone: settings.timezone } : {}),
				...(settings.digestMinutes !== undefined ? { digestMinutes: settings.digestMinutes } : {}),
			})
			.where(and(eq(users.id, row.userId), eq(users.status, "pending"))),
	];
	const changed = [
		settings.timezone && `timezone ${settings.timezone}`,
		settings.digestMinutes !== undefined && "digest time",
	]
		.filter(Boolean)
		.join(", ");
	return {
		outcome: {
			outcome: "accepted",
			reason: "verified",
			detail: `Address ${fromAddress} confirmed${changed ? `; set ${changed}` : ""}.`,
			userId: row.userId,
		},
		writes,
		afterCommit: () => release(row.userId),
		// Release ends with a mail saying what happened.
		sendsMail: true,
	};
}
