/** D1 access for accounts: users by address, tokens by hash, held mail. Every read is scoped. */
import { and, asc, count, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { heldMail, tokens, userAddresses, users } from "../db/schema";

export type UserRow = typeof users.$inferSelect;
export type TokenRow = typeof tokens.$inferSelect;
export type HeldMailRow = typeof heldMail.$inferSelect;

export interface AccountByAddress {
	user: UserRow;
	addressVerified: boolean;
}

export function createAccountsRepo(db: Db) {
	return {
		async findByAddress(address: string): Promise<AccountByAddress | null> {
			const rows = await db
				.select({ user: users, verifiedAt: userAddresses.verifiedAt })
				.from(userAddresses)
				.innerJoin(users, eq(users.id, userAddresses.userId))
				.where(eq(userAddresses.address, address.toLowerCase()))
				.limit(1);
			const row = rows[0];
			return row ? { user: row.user, addressVerified: row.verifiedAt !== null } : null;
		},

		async findById(userId: string): Promise<UserRow | null> {
			const rows = await db.select().from(users).where(eq(users.id, userId)).limit(1);
			return rows[0] ?? null;
		},

		async addressesOf(userId: string): Promise<string[]> {
			const rows = await db
				.select({ address: userAddresses.address })
				.from(userAddresses)
				.where(eq(userAddresses.userId, userId))
				.orderBy(desc(userAddresses.isPrimary), asc(userAddresses.createdAt));
			return rows.map((r) => r.address);
		},

		async findToken(tokenHash: string): Promise<TokenRow | null> {
			const rows = await db.select().from(tokens).where(eq(tokens.tokenHash, tokenHash)).limit(1);
			return rows[0] ?? null;
		},

		async liveVerifyToken(userId: string, now: Date): Promise<TokenRow | null> {
			const rows = await db
				.select()
				.from(tokens)
				.where(
					and(
						eq(tokens.userId, userId),
						eq(tokens.purpose, "verify"),
						isNull(tokens.usedAt),
						gt(tokens.expiresAt, now),
					),
				)
				.limit(1);
			return rows[0] ?? null;
		},

		async heldMailOf(userId: string, now: Date): Promise<HeldMailRow[]> {
			return db
				.select()
				.from(heldMail)
				.where(and(eq(heldMail.userId, userId), gt(heldMail.expiresAt, now)))
				.orderBy(asc(heldMail.receivedAt));
		},

		/** Held mail still kept (expired rows wait for the purge and no longer count). */
		async countHeld(userId: string, now: Date): Promise<number> {
			const [row] = await db
				.select({ n: count() })
				.from(heldMail)
				.where(and(eq(heldMail.userId, userId), gt(heldMail.expiresAt, now)));
			return row?.n ?? 0;
		},
	};
}

export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
