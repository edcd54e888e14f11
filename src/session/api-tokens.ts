/**
 * Per-user API tokens for /api/v1: shown once when created, stored hashed,
 * revocable from Settings. They carry the "ft_" prefix so they are easy to spot.
 */
import { desc } from "drizzle-orm";
import type { Db } from "../db/client";
import { hashedTokens } from "../db/hashed-tokens";
import { tokens } from "../db/schema";
import { inDays } from "../time/local-time";

export const API_TOKEN_DAYS = 365;
const PREFIX = "ft_";

export function createApiTokenRepo(db: Db) {
	const held = hashedTokens(db, "api");
	return {
		async create(userId: string, label: string, now: Date): Promise<string> {
			const name = label.trim().slice(0, 60) || "API token";
			const { secret, insert } = await held.mint(userId, name, inDays(now, API_TOKEN_DAYS), now);
			await insert;
			return `${PREFIX}${secret}`;
		},

		list(userId: string, now: Date) {
			return db
				.select({ id: tokens.id, label: tokens.label, createdAt: tokens.createdAt, expiresAt: tokens.expiresAt })
				.from(tokens)
				.where(held.live(userId, now))
				.orderBy(desc(tokens.createdAt));
		},

		revoke: (userId: string, tokenId: string, now: Date) => held.revoke(userId, now, tokenId),

		userFor(bearer: string, now: Date) {
			return bearer.startsWith(PREFIX) ? held.userFor(bearer.slice(PREFIX.length), now) : Promise.resolve(null);
		},
	};
}
