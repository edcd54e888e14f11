/** Which messages were processed, per recipient: the idempotence key of inbound mail. */
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { inboundSeen } from "../db/schema";

export function createInboundSeenRepo(db: Db) {
	return {
		async has(messageKey: string, recipient: string): Promise<boolean> {
			const rows = await db
				.select({ k: inboundSeen.messageKey })
				.from(inboundSeen)
				.where(and(eq(inboundSeen.messageKey, messageKey), eq(inboundSeen.recipient, recipient)))
				.limit(1);
			return rows.length > 0;
		},
		/** Fails (UNIQUE) when the message was already processed: the whole batch then rolls back. */
		insert(messageKey: string, recipient: string, at: Date) {
			return db.insert(inboundSeen).values({ messageKey, recipient, seenAt: at });
		},
	};
}

export const isDuplicateKeyError = (err: unknown) => String(err).includes("UNIQUE constraint failed: inbound_seen");
