/**
 * Whose mail is this? Replies to our mail go to their token; a verified user's
 * mail is routed; a new address gets a pending account and its mail is held.
 */
import { createAccountsRepo } from "../accounts/accounts-repo";
import {
	createPendingAccount,
	holdMail,
	MAX_HELD_BYTES,
	MAX_HELD_PER_USER,
	sendVerification,
} from "../accounts/pending-account";
import { releaseHeldMail } from "../accounts/release-held-mail";
import { handleReplyToken } from "../accounts/reply-token";
import { type Effects, type InboundContext, ignored } from "./inbound-context";
import { routeForAccount } from "./route-for-account";
import type { SenderLookup } from "./sender-lookup";

const tooBigToHold = (ctx: InboundContext) => (ctx.email.raw?.byteLength ?? 0) > MAX_HELD_BYTES;

export async function dispatchInbound(
	ctx: InboundContext,
	fromAddress: string,
	found: SenderLookup["account"],
): Promise<Effects> {
	const { route } = ctx;
	if (route.kind === "other_domain") {
		return ignored(null, "not_our_domain", `Sent to ${route.domain}, which is not ${ctx.services.config.mailDomain}.`);
	}
	if (route.kind === "reply") {
		return handleReplyToken(ctx, route.token, fromAddress, (userId) => releaseHeldMail(ctx, userId));
	}
	if (!found) {
		if (tooBigToHold(ctx)) {
			return ignored(
				null,
				"too_large_to_hold",
				"First mail from a new address is too large to hold until it is confirmed.",
			);
		}
		const { userId, writes } = await createPendingAccount(ctx, fromAddress);
		return {
			outcome: {
				outcome: "held",
				reason: "new_account",
				detail: `New address ${fromAddress}: held until confirmed; verification mail sent.`,
				userId,
			},
			writes,
			sendsMail: true,
		};
	}
	const { user } = found;
	const accounts = createAccountsRepo(ctx.services.db);
	if (!found.addressVerified || user.status === "pending") {
		if (tooBigToHold(ctx) || (await accounts.countHeld(user.id)) >= MAX_HELD_PER_USER) {
			return ignored(user.id, "hold_full", "Address not confirmed yet, and no more mail can be held for it.");
		}
		const live = await accounts.liveVerifyToken(user.id, ctx.now);
		const resend = live
			? []
			: await sendVerification(ctx, user.id, fromAddress, {
					timezone: user.timezone,
					offset: null,
					digestMinutes: user.digestMinutes,
				});
		return {
			outcome: {
				outcome: "held",
				reason: "awaiting_verification",
				detail: "Held until the address is confirmed.",
				userId: user.id,
			},
			writes: [holdMail(ctx, user.id), ...resend],
			sendsMail: resend.length > 0,
		};
	}
	return routeForAccount(ctx, { user, addresses: found.addresses });
}
