/**
 * A user asks to add another address. Nothing about that address is stored on
 * the account yet: it gets a request whose Reply-To and link carry one secret
 * token, and only an explicit yes from it (a reply "yes", or the link's POST)
 * adds it (accounts/address-addition.ts). Until then its mail is never held or
 * filed under the account that asked.
 *
 * The answer is the same whether or not the address already has an account of
 * its own (the request mail is the same too): that is decided at the yes. At most
 * ADD_ADDRESS_PER_DAY requests per account in 24 hours.
 */
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Services } from "../app/services";
import type { Db } from "../db/client";
import { tokens } from "../db/schema";
import { lazy } from "../lib/lazy";
import { logRecovered } from "../lib/log";
import { newSecretToken } from "../lib/secret-token";
import { sendMailNow } from "../mail/outgoing-mail";
import { addAddressRequestMail } from "./account-mails";
import { createAccountsRepo } from "./accounts-repo";

export const ADD_ADDRESS_PER_DAY = 5;
export const ADD_ADDRESS_DAYS = 7;
const DAY_MS = 86_400_000;

export type AddAddressResult =
	| { ok: true }
	| { ok: false; reason: "invalid" | "already_yours" }
	| { ok: false; reason: "rate_limited"; retryAfterMs: number };

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** What a verify token's context says when it is an add-address request. */
const addAddressContext = lazy(() => z.object({ kind: z.literal("add_address"), address: z.string().max(320) }));
export type AddAddressContext = z.infer<ReturnType<typeof addAddressContext>>;

export function readAddAddressContext(contextJson: string): AddAddressContext | null {
	try {
		const parsed = addAddressContext().safeParse(JSON.parse(contextJson));
		return parsed.success ? parsed.data : null;
	} catch (err) {
		// We wrote this JSON: unreadable means a bug or a damaged row, so it shows in the logs.
		logRecovered("parse_fallback", err, { where: "add-address token context", fallback: "not an add-address request" });
		return null;
	}
}

/** The addresses this account asked to add that have not answered yet (for Settings). */
export async function waitingAddresses(db: Db, userId: string, now: Date): Promise<string[]> {
	const rows = await db
		.select({ context: tokens.contextJson })
		.from(tokens)
		.where(
			and(eq(tokens.userId, userId), eq(tokens.purpose, "verify"), isNull(tokens.usedAt), gt(tokens.expiresAt, now)),
		)
		.limit(50);
	const out = rows.map((r) => readAddAddressContext(r.context)?.address).filter((a): a is string => !!a);
	return [...new Set(out)];
}

/** The page where an add-address request can be answered yes. */
export const addAddressLink = (publicUrl: string, secret: string) => `${publicUrl}/address/${secret}`;

export async function addAddress(services: Services, userId: string, rawAddress: string): Promise<AddAddressResult> {
	const { db, config, clock } = services;
	const now = clock.now();
	const address = rawAddress.trim().toLowerCase();
	if (address.length > 254 || !EMAIL.test(address) || address.endsWith(`@${config.mailDomain}`))
		return { ok: false, reason: "invalid" };
	const mine = await createAccountsRepo(db).addressesOf(userId);
	if (mine.includes(address)) return { ok: false, reason: "already_yours" };

	const since = new Date(now.getTime() - DAY_MS);
	const [recent] = await db
		.select({ n: count(), first: sql<number | null>`min(${tokens.createdAt})` })
		.from(tokens)
		.where(
			and(
				eq(tokens.userId, userId),
				eq(tokens.purpose, "verify"),
				gt(tokens.createdAt, since),
				sql`json_extract(${tokens.contextJson}, '$.kind') = 'add_address'`,
			),
		);
	if ((recent?.n ?? 0) >= ADD_ADDRESS_PER_DAY) {
		const first = recent?.first ?? now.getTime();
		return { ok: false, reason: "rate_limited", retryAfterMs: Math.max(60_000, first + DAY_MS - now.getTime()) };
	}

	// One secret for both ways to say yes: the Reply-To (r+<secret>@) and the link.
	const secret = newSecretToken();
	const words = addAddressRequestMail({
		address,
		link: addAddressLink(config.publicUrl, secret),
		days: ADD_ADDRESS_DAYS,
	});
	const context: AddAddressContext = { kind: "add_address", address };
	// Not on a list: the address is no user of ours yet, and unsubscribing it would pause the asker.
	await sendMailNow(
		services,
		{
			kind: "verification",
			userId,
			to: address,
			...words,
			replyToken: { purpose: "verify", days: ADD_ADDRESS_DAYS, context, secret },
		},
		config,
		now,
	);
	return { ok: true };
}
