/**
 * Everything the pipeline needs to know about a sender before routing, in one D1
 * round trip: was this message already processed, and whose address is it.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { UserRow } from "../accounts/accounts-repo";
import type { Db } from "../db/client";
import { inboundSeen, userAddresses, users } from "../db/schema";

export interface SenderLookup {
	seen: boolean;
	account: { user: UserRow; addressVerified: boolean; addresses: string[] } | null;
}

export async function lookupSender(
	db: Db,
	address: string,
	messageKey: string,
	recipient: string,
): Promise<SenderLookup> {
	const owner = db.select({ id: userAddresses.userId }).from(userAddresses).where(eq(userAddresses.address, address));
	const [seen, found, addresses] = await db.batch([
		db
			.select({ k: inboundSeen.messageKey })
			.from(inboundSeen)
			.where(and(eq(inboundSeen.messageKey, messageKey), eq(inboundSeen.recipient, recipient)))
			.limit(1),
		db
			// Aliased: inside batch() drizzle maps rows by column name, and users has a verified_at too.
			.select({
				user: users,
				addressVerifiedAt: sql<number | null>`${userAddresses.verifiedAt}`.as("address_verified_at"),
			})
			.from(userAddresses)
			.innerJoin(users, eq(users.id, userAddresses.userId))
			.where(eq(userAddresses.address, address))
			.limit(1),
		db
			.select({ address: userAddresses.address })
			.from(userAddresses)
			.where(eq(userAddresses.userId, owner))
			.orderBy(desc(userAddresses.isPrimary), asc(userAddresses.createdAt)),
	]);
	const row = found[0];
	return {
		seen: seen.length > 0,
		account: row
			? { user: row.user, addressVerified: row.addressVerifiedAt !== null, addresses: addresses.map((a) => a.address) }
			: null,
	};
}
