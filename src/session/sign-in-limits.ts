/**
 * Rate limits for sign-in requests: per address and per IP, counted in D1 over a
 * sliding window. Keys are hashed; a request is recorded whether or not it is
 * allowed, so hammering does not reset the window.
 */
import { and, count, eq, gt, lt, min } from "drizzle-orm";
import { addressKeyHash } from "../accounts/address-key";
import type { Db } from "../db/client";
import { signInAttempts } from "../db/schema";
import { newId, sha256Hex } from "../lib/crypto";

export const SIGN_IN_LIMITS = {
	address: { max: 5, windowMs: 15 * 60_000 },
	ip: { max: 20, windowMs: 60 * 60_000 },
} as const;
const KEEP_MS = 24 * 60 * 60_000;

export type LimitCheck = { ok: true } | { ok: false; limit: "address" | "ip"; retryAfterMs: number };

/** Records the request and says whether it is within both limits. One batch. */
export async function checkSignInLimits(db: Db, keys: { address: string; ip: string }, now: Date): Promise<LimitCheck> {
	const t = now.getTime();
	const addressHash = await addressKeyHash(keys.address);
	const ipHash = await sha256Hex(`ip:${keys.ip}`);
	const recent = (kind: "address" | "ip", keyHash: string) =>
		db
			.select({ n: count(), first: min(signInAttempts.createdAt) })
			.from(signInAttempts)
			.where(
				and(
					eq(signInAttempts.kind, kind),
					eq(signInAttempts.keyHash, keyHash),
					gt(signInAttempts.createdAt, new Date(t - SIGN_IN_LIMITS[kind].windowMs)),
				),
			);
	const [, , , [byAddress], [byIp]] = await db.batch([
		db.delete(signInAttempts).where(lt(signInAttempts.createdAt, new Date(t - KEEP_MS))),
		db.insert(signInAttempts).values({ id: newId(), kind: "address", keyHash: addressHash, createdAt: now }),
		db.insert(signInAttempts).values({ id: newId(), kind: "ip", keyHash: ipHash, createdAt: now }),
		recent("address", addressHash),
		recent("ip", ipHash),
	]);
	const retryAfter = (kind: "address" | "ip", first: Date | null | undefined) =>
		(first?.getTime() ?? t) + SIGN_IN_LIMITS[kind].windowMs - t;
	if ((byAddress?.n ?? 0) > SIGN_IN_LIMITS.address.max)
		return { ok: false, limit: "address", retryAfterMs: retryAfter("address", byAddress?.first) };
	if ((byIp?.n ?? 0) > SIGN_IN_LIMITS.ip.max)
		return { ok: false, limit: "ip", retryAfterMs: retryAfter("ip", byIp?.first) };
	return { ok: true };
}
