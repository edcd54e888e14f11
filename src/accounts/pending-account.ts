/**
 * The first mail from an unknown, authenticated address: a pending account,
 * the mail held (7 days), and one verification mail whose Reply-To carries a
 * verify token. Later mail from the same pending address is held too.
 */
import { heldMail, userAddresses, users } from "../db/schema";
import type { Write } from "../db/write";
import type { InboundContext } from "../inbound/inbound-context";
import { replyMail } from "../inbound/reply-mail";
import { verificationMail } from "../inbound/reply-texts";
import { newId } from "../lib/crypto";
import { dateHeaderOffset, inferTimezone } from "../time/infer-timezone";
import { inDays } from "../time/local-time";

export const HOLD_DAYS = 7;
/** 08:00 local. */
export const DEFAULT_DIGEST_MINUTES = 480;
export const VERIFY_TOKEN_DAYS = 7;
/** Held mail is stored whole (base64) in one D1 row, which holds at most 2 MB. */
export const MAX_HELD_BYTES = 1024 * 1024;
export const MAX_HELD_PER_USER = 20;

const base64 = (bytes: Uint8Array) => {
	let s = "";
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s);
};

export function holdMail(ctx: InboundContext, userId: string): Write {
	return ctx.services.db.insert(heldMail).values({
		id: newId(),
		userId,
		envelopeFrom: ctx.email.envelopeFrom,
		envelopeTo: ctx.email.envelopeTo,
		raw: base64(ctx.email.raw ?? new Uint8Array()),
		logId: ctx.logId,
		receivedAt: ctx.now,
		expiresAt: inDays(ctx.now, HOLD_DAYS),
	});
}

function offsetLabel(offset: number | null): string | null {
	if (offset === null) return null;
	const sign = offset < 0 ? "-" : "+";
	const abs = Math.abs(offset);
	return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Writes that create the account, hold the mail and send the verification mail. */
export async function createPendingAccount(
	ctx: InboundContext,
	address: string,
): Promise<{ userId: string; writes: Write[] }> {
	const { db } = ctx.services;
	const userId = newId();
	const dateHeader = ctx.mail.headers.find((h) => h.key === "date")?.value;
	const offset = dateHeaderOffset(dateHeader);
	const timezone = inferTimezone(ctx.mail.date ?? ctx.now, offset);
	const verify = await sendVerification(ctx, userId, address, {
		timezone,
		offset,
		digestMinutes: DEFAULT_DIGEST_MINUTES,
	});
	return {
		userId,
		writes: [
			db
				.insert(users)
				.values({ id: userId, status: "pending", timezone, digestMinutes: DEFAULT_DIGEST_MINUTES, createdAt: ctx.now }),
			db.insert(userAddresses).values({ id: newId(), userId, address, isPrimary: true, createdAt: ctx.now }),
			holdMail(ctx, userId),
			...verify,
		],
	};
}

export async function sendVerification(
	ctx: InboundContext,
	userId: string,
	address: string,
	s: { timezone: string; offset: number | null; digestMinutes: number },
): Promise<Write[]> {
	const draft = verificationMail({
		mailDomain: ctx.services.config.mailDomain,
		heldSubject: ctx.mail.subject || "(no subject)",
		timezone: s.timezone,
		offsetLabel: offsetLabel(s.offset),
		digestMinutes: s.digestMinutes,
	});
	const { writes } = await replyMail(ctx, {
		kind: "verification",
		userId,
		to: address,
		...draft,
		purpose: "verify",
		tokenDays: VERIFY_TOKEN_DAYS,
		context: { address },
	});
	return writes;
}
