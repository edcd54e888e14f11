/**
 * More mail from a pending account's address: held too, up to a limit, and the
 * verification mail sent again if its token has expired. (An address added to an
 * existing account has no row until its explicit yes, so it never lands here.)
 */
import { createAccountsRepo } from "../../accounts/accounts-repo";
import { holdMail, MAX_HELD_PER_USER, sendVerification } from "../../accounts/pending-account";
import type { PendingHold } from "../../accounts/pending-hold";
import type { Db } from "../../db/client";
import { ignored } from "../inbound-context";
import { heldOutcome } from "../inbound-outcome";
import type { SenderLookup } from "../sender-lookup";
import type { InboundKind } from "./inbound-kind";
import { heldDelivery, tooBigToHold } from "./new-sender";

type Found = NonNullable<SenderLookup["account"]>;

async function readHold(db: Db, userId: string, now: Date): Promise<PendingHold> {
	const accounts = createAccountsRepo(db);
	const [held, live] = await Promise.all([accounts.countHeld(userId, now), accounts.liveVerifyToken(userId, now)]);
	return { held, liveToken: live !== null };
}

export const unconfirmedSender: InboundKind<{ address: string; found: Found }> = {
	name: "unconfirmed_sender",
	match: ({ sender }) => {
		const found = sender.account;
		return found && (!found.addressVerified || found.user.status === "pending")
			? { address: sender.address, found }
			: null;
	},
	process: async (ctx, { address, found }) => {
		const { user } = found;
		const { db } = ctx.services;
		if (tooBigToHold(ctx)) return ignored(user.id, { reason: "hold_full" });
		// Read with the sender's account row (accounts/pending-hold.ts), else here.
		const hold = found.hold ?? (await readHold(db, user.id, ctx.now));
		if (hold.held >= MAX_HELD_PER_USER) return ignored(user.id, { reason: "hold_full" });
		const { delivery, mail } = heldDelivery(ctx);
		const resend = hold.liveToken
			? []
			: await sendVerification(ctx.services, ctx.now, {
					userId: user.id,
					address,
					mail,
					settings: { timezone: user.timezone, offset: null, digestMinutes: user.digestMinutes },
				});
		return {
			outcome: heldOutcome(user.id, { reason: "awaiting_verification" }),
			writes: [holdMail(db, user.id, delivery, ctx.now), ...resend],
			sendsMail: resend.length > 0,
		};
	},
};
