/**
 * A verification reply from the address it was sent to: the token is used up,
 * the address is verified, and a pending account becomes active, with any
 * settings the reply named. Writes for the caller's batch.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { tokens, userAddresses, users } from "../db/schema";
import type { Write } from "../db/write";

export interface ConfirmedSettings {
	timezone?: string;
	digestMinutes?: number;
}

export function confirmAddress(
	db: Db,
	p: { tokenId: string; userId: string; address: string; settings: ConfirmedSettings; now: Date },
): Write[] {
	const { settings, now } = p;
	return [
		db
			.update(tokens)
			.set({ usedAt: now })
			.where(and(eq(tokens.id, p.tokenId), isNull(tokens.usedAt))),
		db
			.update(userAddresses)
			.set({ verifiedAt: now })
			.where(and(eq(userAddresses.userId, p.userId), eq(userAddresses.address, p.address))),
		db
			.update(users)
			.set({
				status: "active",
				verifiedAt: now,
				...(settings.timezone ? { timezone: settings.timezone } : {}),
				...(settings.digestMinutes !== undefined ? { digestMinutes: settings.digestMinutes } : {}),
			})
			.where(and(eq(users.id, p.userId), eq(users.status, "pending"))),
	];
}
