/**
 * A user adds another address of theirs: it is stored unverified and gets a
 * verification mail; a reply from that address (inbound/kinds/reply-token.ts) confirms it,
 * and from then on mail from either address belongs to the same account.
 */
import type { Services } from "../app/services";
import { userAddresses } from "../db/schema";
import { newId } from "../lib/crypto";
import { deliverDueOutbox } from "../mail/deliver-outbox";
import { buildOutgoingMail, outgoingWrites } from "../mail/outgoing-mail";
import { createAccountsRepo } from "./accounts-repo";
import { VERIFY_TOKEN_DAYS } from "./pending-account";

export type AddAddressResult = { ok: true } | { ok: false; reason: "invalid" | "taken" | "already_yours" };

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export async function addAddress(services: Services, userId: string, rawAddress: string): Promise<AddAddressResult> {
	const { db, config, clock } = services;
	const now = clock.now();
	const address = rawAddress.trim().toLowerCase();
	if (!EMAIL.test(address) || address.endsWith(`@${config.mailDomain}`)) return { ok: false, reason: "invalid" };
	const existing = await createAccountsRepo(db).findByAddress(address);
	if (existing) return { ok: false, reason: existing.user.id === userId ? "already_yours" : "taken" };
	const mail = await buildOutgoingMail(
		{
			kind: "verification",
			userId,
			to: address,
			subject: "Confirm this address for Followthrough",
			text: [
				`Someone (we hope you) asked to add ${address} to a Followthrough account.`,
				"Reply to this email (any text will do) to confirm. Mail you send from this address then counts as yours.",
				"",
				"If that wasn't you, ignore this email: nothing changes.",
				"",
				"— Followthrough",
			].join("\n"),
			replyToken: { purpose: "verify", days: VERIFY_TOKEN_DAYS, context: { address } },
		},
		config,
		now,
	);
	await db.batch([
		db.insert(userAddresses).values({ id: newId(), userId, address, isPrimary: false, createdAt: now }),
		...outgoingWrites(services, mail),
	]);
	await deliverDueOutbox(services, now);
	return { ok: true };
}
