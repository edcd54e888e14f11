/**
 * Deletes an account and everything about it, at once, in one batch: the user
 * row cascades to addresses, contacts, threads, messages, nudges, tokens,
 * sessions, held mail, our outbox rows and the inbound log; the idempotence keys
 * of their inbound mail and their sign-in rate-limit rows go too, and so do the
 * log rows that carry one of their addresses but no user id (mail refused before
 * it was known to be theirs: unauthenticated, a wrong reply address…).
 */
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { inboundLog, inboundSeen, signInAttempts, userAddresses, users } from "../db/schema";
import { addressKeyHash } from "./address-key";

export async function deleteAccount(db: Db, userId: string): Promise<void> {
	const addresses = await db
		.select({ address: userAddresses.address })
		.from(userAddresses)
		.where(eq(userAddresses.userId, userId));
	const keyHashes = await Promise.all(addresses.map((a) => addressKeyHash(a.address)));
	const own = addresses.length ? addresses.map((a) => a.address.toLowerCase()) : [""];
	await db.batch([
		db
			.delete(inboundSeen)
			.where(
				inArray(
					inboundSeen.messageKey,
					db.select({ key: inboundLog.messageKey }).from(inboundLog).where(eq(inboundLog.userId, userId)),
				),
			),
		// Through the lower(envelope_from) and lower(from_header) indexes.
		db
			.delete(inboundLog)
			.where(
				and(
					isNull(inboundLog.userId),
					or(inArray(sql`lower(${inboundLog.envelopeFrom})`, own), inArray(sql`lower(${inboundLog.fromHeader})`, own)),
				),
			),
		db.delete(signInAttempts).where(inArray(signInAttempts.keyHash, keyHashes.length ? keyHashes : [""])),
		db.delete(users).where(eq(users.id, userId)),
	]);
}
