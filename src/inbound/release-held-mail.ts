/**
 * Once an address is confirmed, the mail held for it is processed as if it had
 * just arrived, one batch per mail, and its "held" log row gets the real outcome.
 * Then one mail says what happened. Anything left (a failure) stays held for the
 * next attempt until it expires.
 */

import { eq } from "drizzle-orm";
import { verifiedMail } from "../accounts/account-mails";
import { createAccountsRepo } from "../accounts/accounts-repo";
import { heldMail, inboundLog } from "../db/schema";
import { nonEmpty } from "../lib/non-empty";
import { commitInbound } from "./commit-inbound";
import type { InboundContext } from "./inbound-context";
import { processInbound } from "./process-inbound";
import { replyMail } from "./reply-mail";

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export async function releaseHeldMail(ctx: InboundContext, userId: string): Promise<void> {
	const { services } = ctx;
	const { db } = services;
	const accounts = createAccountsRepo(db);
	const held = await accounts.heldMailOf(userId, ctx.now);
	const released: string[] = [];
	for (const h of held) {
		const raw = fromBase64(h.raw);
		const email = { envelopeFrom: h.envelopeFrom, envelopeTo: h.envelopeTo, rawSize: raw.byteLength, raw };
		const recipient = `${h.envelopeTo}#released`;
		const processed = await processInbound(email, services, {
			logId: h.logId,
			seenAs: recipient,
			releaseHeld: releaseHeldMail,
		});
		const effects = {
			...processed.effects,
			writes: [...processed.effects.writes, db.delete(heldMail).where(eq(heldMail.id, h.id))],
		};
		const outcome = await commitInbound(services, {
			effects,
			seen: processed.messageKey ? { messageKey: processed.messageKey, recipient } : null,
			log: (o) =>
				db
					.update(inboundLog)
					.set({
						outcome: o.outcome,
						reason: o.reason,
						detail: `Released after confirmation. ${o.detail}`,
						userId: o.userId ?? userId,
					})
					.where(eq(inboundLog.id, h.logId)),
		});
		released.push(`"${processed.mail?.subject || "(no subject)"}": ${outcome.detail}`);
	}
	const user = await accounts.findById(userId);
	const to = (await accounts.addressesOf(userId))[0];
	if (!user || !to) return;
	const { writes } = await replyMail(ctx, {
		kind: "confirmation",
		userId,
		to,
		...verifiedMail({ timezone: user.timezone, digestMinutes: user.digestMinutes, released }),
	});
	await db.batch(nonEmpty(writes));
}
