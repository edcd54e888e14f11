/**
 * Once an address is confirmed, the mail held for it is processed as if it had
 * just arrived, one batch per mail, and its "held" log row gets the real outcome.
 * Then one mail says what happened: "You're all set" for a new account, or, when
 * the address was added to an existing account, "Added" to that address. Anything
 * left (a failure) stays held for the next attempt until it expires.
 * Called from an inbound mail (the verification reply) or from the web (the
 * add-address link), so it needs only services and the moment.
 */

import { eq } from "drizzle-orm";
import { addressAddedMail, verifiedMail } from "../accounts/account-mails";
import { createAccountsRepo } from "../accounts/accounts-repo";
import { heldMail, inboundLog } from "../db/schema";
import { nonEmpty } from "../lib/non-empty";
import { buildOutgoingMail, outgoingWrites } from "../mail/outgoing-mail";
import { commitInbound } from "./commit-inbound";
import type { InboundContext, ReleaseOptions } from "./inbound-context";
import { processInbound } from "./process-inbound";

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** What releasing needs of the moment: the mail in hand, when there is one, is what the last mail answers. */
export type ReleaseContext = Pick<InboundContext, "services" | "now"> & { mail?: { messageId: string | null } };

export async function releaseHeldMail(ctx: ReleaseContext, userId: string, opts: ReleaseOptions = {}): Promise<void> {
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
	const to = opts.added ?? (await accounts.addressesOf(userId))[0];
	if (!user || !to) return;
	const words = opts.added
		? addressAddedMail({ address: opts.added, released })
		: verifiedMail({ timezone: user.timezone, digestMinutes: user.digestMinutes, released });
	const built = await buildOutgoingMail(
		{
			kind: "confirmation",
			userId,
			to,
			...words,
			inReplyTo: ctx.mail?.messageId ?? null,
			replyToken: { purpose: "reply" },
			list: "notices",
		},
		services.config,
		ctx.now,
	);
	await db.batch(nonEmpty(outgoingWrites(services, built)));
}
