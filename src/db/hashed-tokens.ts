/**
 * Long-lived secrets a user holds (API tokens, the calendar feed address): stored
 * only as their hash in the tokens table, one purpose each, revoked by marking
 * them used. What every such purpose shares lives here once: which rows are live,
 * the user a secret belongs to, making one, and revoking. Each purpose's own rules
 * (prefix, lifetime, one at a time) stay with its capability.
 */
import { and, eq, gt, isNull, type SQL } from "drizzle-orm";
import { newId } from "../lib/crypto";
import { hashSecretToken, newSecretToken } from "../lib/secret-token";
import type { Db } from "./client";
import { tokens, users } from "./schema";

export type HeldTokenPurpose = "api" | "calendar";

export function hashedTokens(db: Db, purpose: HeldTokenPurpose) {
	/** The user's tokens of this purpose that still work. */
	const live = (userId: string, now: Date): SQL =>
		and(
			eq(tokens.userId, userId),
			eq(tokens.purpose, purpose),
			isNull(tokens.usedAt),
			gt(tokens.expiresAt, now),
		) as SQL;

	return {
		live,

		/** A new secret and the statement that stores its hash (awaited, or put in a batch). */
		async mint(userId: string, label: string, expiresAt: Date, now: Date) {
			const secret = newSecretToken();
			const insert = db.insert(tokens).values({
				id: newId(),
				userId,
				purpose,
				tokenHash: await hashSecretToken(secret),
				label,
				expiresAt,
				createdAt: now,
			});
			return { secret, insert };
		},

		/** The account a secret opens, or null (unknown, revoked, expired, or another purpose's). */
		async userFor(secret: string, now: Date) {
			const rows = await db
				.select({ user: users })
				.from(tokens)
				.innerJoin(users, eq(users.id, tokens.userId))
				.where(
					and(
						eq(tokens.tokenHash, await hashSecretToken(secret)),
						eq(tokens.purpose, purpose),
						isNull(tokens.usedAt),
						gt(tokens.expiresAt, now),
					),
				)
				.limit(1);
			return rows[0]?.user ?? null;
		},

		/**
		 * Revoking marks the token used: it stops working at once. One token by id (expired or not,
		 * as long as it is not revoked yet), or all of the user's live ones.
		 */
		async revoke(userId: string, now: Date, tokenId?: string): Promise<boolean> {
			const which =
				tokenId === undefined
					? live(userId, now)
					: and(eq(tokens.userId, userId), eq(tokens.purpose, purpose), isNull(tokens.usedAt), eq(tokens.id, tokenId));
			const rows = await db.update(tokens).set({ usedAt: now }).where(which).returning({ id: tokens.id });
			return rows.length > 0;
		},
	};
}
