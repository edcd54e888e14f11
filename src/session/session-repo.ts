/**
 * Dashboard sessions: a random token in an HttpOnly cookie, only its hash in D1.
 * Sessions expire, and each can be revoked (signing out, or from Settings).
 */
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";
import { newId } from "../lib/crypto";
import { hashSecretToken, newSecretToken } from "../lib/secret-token";
import { inDays } from "../time/local-time";

export const SESSION_DAYS = 30;

export type SessionUser = typeof users.$inferSelect;
export interface CurrentSession {
	id: string;
	user: SessionUser;
}

export function createSessionRepo(db: Db) {
	return {
		async create(userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
			const token = newSecretToken();
			const expiresAt = inDays(now, SESSION_DAYS);
			await db.insert(sessions).values({
				id: newId(),
				userId,
				tokenHash: await hashSecretToken(token),
				createdAt: now,
				expiresAt,
				lastSeenAt: now,
			});
			return { token, expiresAt };
		},

		/** The live session for a cookie value, with its user; null when unknown, expired or revoked. */
		async find(token: string, now: Date): Promise<CurrentSession | null> {
			const rows = await db
				.select({ id: sessions.id, user: users })
				.from(sessions)
				.innerJoin(users, eq(users.id, sessions.userId))
				.where(
					and(
						eq(sessions.tokenHash, await hashSecretToken(token)),
						isNull(sessions.revokedAt),
						gt(sessions.expiresAt, now),
					),
				)
				.limit(1);
			return rows[0] ?? null;
		},

		list(userId: string, now: Date) {
			return db
				.select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
				.from(sessions)
				.where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
				.orderBy(desc(sessions.createdAt))
				.limit(20);
		},

		/** Revokes one of the user's sessions; false when it is not theirs or already gone. */
		async revoke(userId: string, sessionId: string, now: Date): Promise<boolean> {
			const rows = await db
				.update(sessions)
				.set({ revokedAt: now })
				.where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
				.returning({ id: sessions.id });
			return rows.length > 0;
		},
	};
}
