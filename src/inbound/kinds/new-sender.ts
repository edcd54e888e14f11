/**
 * Mail from an address we have never seen: a pending account, the mail held until
 * the address is confirmed, and a verification mail (accounts/pending-account.ts),
 * within the day's cap on new accounts (accounts/pending-cap.ts).
 */
import { createPendingAccount, type Delivery, type FirstMail, MAX_HELD_BYTES } from "../../accounts/pending-account";
import { roomForPendingAccount } from "../../accounts/pending-cap";
import { type Effects, type InboundContext, ignored } from "../inbound-context";
import { heldOutcome } from "../inbound-outcome";
import type { InboundKind } from "./inbound-kind";

/** The held copy of this delivery, and what the verification mail says about it. */
export function heldDelivery(ctx: InboundContext): { delivery: Delivery; mail: FirstMail } {
	const { email, mail } = ctx;
	return {
		delivery: { envelopeFrom: email.envelopeFrom, envelopeTo: email.envelopeTo, raw: email.raw, logId: ctx.logId },
		mail: {
			subject: mail.subject,
			messageId: mail.messageId,
			date: mail.date,
			dateHeader: mail.headers.find((h) => h.key === "date")?.value,
		},
	};
}

export const tooBigToHold = (ctx: InboundContext) => (ctx.email.raw?.byteLength ?? 0) > MAX_HELD_BYTES;

export const newSender: InboundKind<{ address: string }> = {
	name: "new_sender",
	match: ({ sender }) => (sender.account === null ? { address: sender.address } : null),
	process: async (ctx, { address }): Promise<Effects> => {
		if (tooBigToHold(ctx)) {
			return ignored(null, { reason: "too_large_to_hold" });
		}
		// Read ahead with the sender lookup for a sender who may be new (sender-lookup.ts), else here.
		const room = ctx.accountAhead?.room ?? (await roomForPendingAccount(ctx.services.db, address, ctx.now));
		if (!room.ok) return ignored(null, { reason: "new_accounts_capped", scope: room.scope });
		const { userId, writes } = await createPendingAccount(ctx.services, ctx.now, { address, ...heldDelivery(ctx) });
		return {
			outcome: heldOutcome(userId, { reason: "new_account", address }),
			writes,
			sendsMail: true,
		};
	},
};
