/**
 * The first mail from an unknown, authenticated address: a pending account,
 * the mail held (7 days), and one verification mail whose Reply-To carries a
 * verify token. Later mail from the same pending address is held too.
 */
import type { Services } from "../app/services";
import type { Db } from "../db/client";
import { heldMail, userAddresses, users } from "../db/schema";
import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import { buildOutgoingMail, outgoingWrites } from "../mail/outgoing-mail";
import { dateHeaderOffset, inferTimezone } from "../time/infer-timezone";
import { inDays } from "../time/local-time";
import { verificationMail } from "./account-mails";

export const HOLD_DAYS = 7;
/** 08:00 local. */
export const DEFAULT_DIGEST_MINUTES = 480;
export const VERIFY_TOKEN_DAYS = 7;
/** Held mail is stored whole (base64) in one D1 row, which holds at most 2 MB. */
export const MAX_HELD_BYTES = 1024 * 1024;
export const MAX_HELD_PER_USER = 20;

/** A delivery to keep until the address is confirmed: its envelope, its bytes and its log row. */
export interface Delivery {
	envelopeFrom: string;
	envelopeTo: string;
	raw: Uint8Array | null;
	/** The inbound_log row that gets the real outcome once the mail is released. */
	logId: string;
}

/** What the verification mail says about the mail it answers. */
export interface FirstMail {
	subject: string;
	messageId: string | null;
	date: Date | null;
	/** The raw Date header: its UTC offset guesses the timezone. */
	dateHeader: string | undefined;
}

const base64 = (bytes: Uint8Array) => {
	let s = "";
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s);
};

export function holdMail(db: Db, userId: string, delivery: Delivery, now: Date): Write {
	return db.insert(heldMail).values({
		id: newId(),
		userId,
		envelopeFrom: delivery.envelopeFrom,
		envelopeTo: delivery.envelopeTo,
		raw: base64(delivery.raw ?? new Uint8Array()),
		logId: delivery.logId,
		receivedAt: now,
		expiresAt: inDays(now, HOLD_DAYS),
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
	services: Services,
	now: Date,
	p: { address: string; delivery: Delivery; mail: FirstMail },
): Promise<{ userId: string; writes: Write[] }> {
	const { db } = services;
	const userId = newId();
	const offset = dateHeaderOffset(p.mail.dateHeader);
	const timezone = inferTimezone(p.mail.date ?? now, offset);
	const verify = await sendVerification(services, now, {
		userId,
		address: p.address,
		mail: p.mail,
		settings: { timezone, offset, digestMinutes: DEFAULT_DIGEST_MINUTES },
	});
	return {
		userId,
		writes: [
			db
				.insert(users)
				.values({ id: userId, status: "pending", timezone, digestMinutes: DEFAULT_DIGEST_MINUTES, createdAt: now }),
			db.insert(userAddresses).values({ id: newId(), userId, address: p.address, isPrimary: true, createdAt: now }),
			holdMail(db, userId, p.delivery, now),
			...verify,
		],
	};
}

/** The verification mail, in answer to `mail`, as writes. */
export async function sendVerification(
	services: Services,
	now: Date,
	p: {
		userId: string;
		address: string;
		mail: Pick<FirstMail, "subject" | "messageId">;
		settings: { timezone: string; offset: number | null; digestMinutes: number };
	},
): Promise<Write[]> {
	const { config } = services;
	const words = verificationMail({
		mailDomain: config.mailDomain,
		heldSubject: p.mail.subject || "(no subject)",
		timezone: p.settings.timezone,
		offsetLabel: offsetLabel(p.settings.offset),
		digestMinutes: p.settings.digestMinutes,
	});
	const mail = await buildOutgoingMail(
		{
			kind: "verification",
			userId: p.userId,
			to: p.address,
			...words,
			inReplyTo: p.mail.messageId,
			replyToken: { purpose: "verify", days: VERIFY_TOKEN_DAYS, context: { address: p.address } },
			list: "notices",
		},
		config,
		now,
	);
	return outgoingWrites(services, mail);
}
