/**
 * The explicit yes to an add-address request (accounts/add-address.ts), by reply
 * or by the link's POST: what it does, decided when it comes, as writes for one
 * batch. The token is used up by any decided answer.
 *
 * - The address is nobody's: it is added to the account that asked, confirmed.
 * - It started a pending account of its own (its first mail made one, before the
 *   user added it here): that pending account is folded into the asking one. Its
 *   held mail and log rows move over, and the held mail is then released there.
 * - It has a confirmed account of its own: nothing changes, and it is told so.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { heldMail, inboundLog, tokens, userAddresses, users } from "../db/schema";
import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import { createAccountsRepo, type TokenRow } from "./accounts-repo";

export type AdditionPlan =
	| { kind: "added"; userId: string; address: string; writes: Write[]; movedHeld: boolean }
	| { kind: "already_yours" | "own_account"; userId: string; address: string; writes: Write[] }
	| { kind: "unusable"; reason: "used" | "expired" };

export async function planAddition(db: Db, token: TokenRow, address: string, now: Date): Promise<AdditionPlan> {
	if (token.usedAt) return { kind: "unusable", reason: "used" };
	if (token.expiresAt.getTime() <= now.getTime()) return { kind: "unusable", reason: "expired" };
	const userId = token.userId;
	const useToken = db
		.update(tokens)
		.set({ usedAt: now })
		.where(and(eq(tokens.id, token.id), isNull(tokens.usedAt)));
	const owner = await createAccountsRepo(db).findByAddress(address);
	if (owner && owner.user.id === userId) return { kind: "already_yours", userId, address, writes: [useToken] };
	if (owner && owner.user.status !== "pending") return { kind: "own_account", userId, address, writes: [useToken] };
	const add = db
		.insert(userAddresses)
		.values({ id: newId(), userId, address, isPrimary: false, createdAt: now, verifiedAt: now });
	if (!owner) return { kind: "added", userId, address, writes: [useToken, add], movedHeld: false };
	const pendingId = owner.user.id;
	return {
		kind: "added",
		userId,
		address,
		movedHeld: true,
		writes: [
			useToken,
			db.update(heldMail).set({ userId }).where(eq(heldMail.userId, pendingId)),
			db.update(inboundLog).set({ userId }).where(eq(inboundLog.userId, pendingId)),
			// Cascades to its address row, tokens and our verification mail to it.
			db.delete(users).where(and(eq(users.id, pendingId), eq(users.status, "pending"))),
			add,
		],
	};
}
