/**
 * A command reply to one of our mails from an address that is not the account's
 * (the user answered from another address of theirs, or someone they forwarded
 * the mail to did): it changes nothing. The account, never the sender, is told,
 * once per address (the outbox row's dedupe key remembers it) and at most
 * STRAY_NOTICES_PER_DAY times a day, so the address can be added in Settings.
 * The notice's Reply-To is the reply address that was used (still the user's):
 * a stranger's mail writes no new token to the account, only the one notice.
 */
import { and, count, eq, gt, gte, lt } from "drizzle-orm";
import { strayReplyMail } from "../accounts/account-mails";
import { createAccountsRepo, type TokenRow } from "../accounts/accounts-repo";
import { outbox } from "../db/schema";
import { sha256Hex } from "../lib/crypto";
import { buildOutgoingMail, outgoingWrites } from "../mail/outgoing-mail";
import { type Effects, type InboundContext, ignored } from "./inbound-context";

export const STRAY_NOTICES_PER_DAY = 3;
const PREFIX = "stray-reply:";

const WHAT: Record<string, string> = { digest: "your digest", nudge: "your reminder" };

export async function strayReply(ctx: InboundContext, token: TokenRow, address: string): Promise<Effects> {
	const { db } = ctx.services;
	const accounts = createAccountsRepo(db);
	const user = await accounts.findById(token.userId);
	const to = (await accounts.addressesOf(token.userId))[0];
	if (!user || user.status === "pending" || !to)
		return ignored(null, { reason: "token_wrong_sender", verification: false });
	const prefix = `${PREFIX}${user.id}:`;
	const dedupeKey = `${prefix}${await sha256Hex(address)}`;
	const since = new Date(ctx.now.getTime() - 86_400_000);
	// The prefix as a range, so the unique index on dedupe_key answers both counts.
	const [[told], [today], [sentIn]] = await db.batch([
		db.select({ n: count() }).from(outbox).where(eq(outbox.dedupeKey, dedupeKey)),
		db
			.select({ n: count() })
			.from(outbox)
			.where(and(gte(outbox.dedupeKey, prefix), lt(outbox.dedupeKey, `${prefix}~`), gt(outbox.createdAt, since))),
		db
			.select({ kind: outbox.kind })
			.from(outbox)
			.where(eq(outbox.id, token.outboxId ?? ""))
			.limit(1),
	]);
	const silent = ignored(user.id, { reason: "stray_reply", address, told: false });
	if ((told?.n ?? 0) > 0 || (today?.n ?? 0) >= STRAY_NOTICES_PER_DAY) return silent;
	const what = WHAT[sentIn?.kind ?? ""] ?? "one of our mails";
	const mail = await buildOutgoingMail(
		{
			kind: "reply",
			userId: user.id,
			to,
			dedupeKey,
			replyTo: ctx.email.envelopeTo,
			...strayReplyMail({ address, what }),
		},
		ctx.services.config,
		ctx.now,
	);
	return {
		...ignored(user.id, { reason: "stray_reply", address, told: true }, outgoingWrites(ctx.services, mail)),
		sendsMail: true,
	};
}
