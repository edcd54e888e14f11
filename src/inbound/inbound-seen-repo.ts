/** Which messages were processed, per recipient: the idempotence key of inbound mail. */
import type { Db } from "../db/client";
import { inboundSeen } from "../db/schema";

export function createInboundSeenRepo(db: Db) {
	return {
		/** Fails (UNIQUE) when the message was already processed: the whole batch then rolls back. */
		insert(messageKey: string, recipient: string, at: Date) {
			return db.insert(inboundSeen).values({ messageKey, recipient, seenAt: at });
		},
	};
}

export const isDuplicateKeyError = (err: unknown) => String(err).includes("UNIQUE constraint failed: inbound_seen");
