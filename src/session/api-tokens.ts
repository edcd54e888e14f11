/**
 * Per-user API tokens for /api/v1: shown once when created, stored hashed,
 * revocable from Settings. They carry the "ft_" prefix so they are easy to spot.
 */
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { tokens, users } from "../db/schema";
import { newId } from "../lib/crypto";
import { hashSecretToken, newSecretToken } from "../lib/secret-token";
import { inDays } from "../time/local-time";

export const API_TOKEN_DAYS = 365;
const PREFIX = "ft_";

export function createApiTokenRepo(db: Db) {
	return {
		async create(userId: string, label: string, now: Date): Promise<string> {
			const secret = newSecretToken();
			await db.insert(tokens).values({
				id: newId(),
				userId,
				purpose: "api",
				tokenHash: await hashSecretToken(secret),
				label: label.trim().slice(0, 60) || "API token",
				expiresAt: inDays(now, API_TOKEN_DAYS),
				createdAt: now,
			});
			return `${PREFIX}${secret}`;
		},

		list(userId: string, now: Date) {
			return db
				.select({ id: tokens.id, label: tokens.label, createdAt: tokens.createdAt, expiresAt: tokens.expiresAt })
				.from(tokens)
				.where(
					and(eq(tokens.userId, userId), eq(tokens.purpose, "api"), isNull(tokens.usedAt), gt(tokens.expiresAt, now)),
				)
				.orderBy(desc(tokens.createdAt));
		},

		/** Revoking marks the token used: it stops working at once. */
		async revoke(userId: string, tokenId: string, now: Date): Promise<boolean> {
			const rows = await db
				.update(tokens)
				.set({ usedAt: now })
				.where(and(eq(tokens.userId, userId), eq(tokens.id, tokenId), eq(tokens.purpose, "api"), isNull(tokens.usedAt)))
				.returning({ id: tokens.id });
			return rows.length > 0;
		},

		async userFor(bearer: string, now: Date) {
			if (!bearer.startsWith(PREFIX)) return null;
			const rows = await db
				.select({ user: users })
				.from(tokens)
				.innerJoin(users, eq(users.id, tokens.userId))
				.where(
					and(
						eq(tokens.tokenHash, await hashSecretToken(bearer.slice(PREFIX.length))),
						eq(tokens.purpose, "api"),
						isNull(tokens.usedAt),
						gt(tokens.expiresAt, now),
					),
				)
				.limit(1);
			return rows[0]?.user ?? null;
		},
	};
}
