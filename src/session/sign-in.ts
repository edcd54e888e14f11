/**
 * Magic-link sign-in. A request for a verified address mails a link valid 15
 * minutes; the link's page asks for a click, and that POST redeems the token
 * exactly once (one conditional UPDATE) and opens a session. Whether the address
 * has an account is never revealed.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import { createAccountsRepo } from "../accounts/accounts-repo";
import type { Services } from "../app/services";
import { tokens } from "../db/schema";
import { hashSecretToken, newSecretToken } from "../lib/secret-token";
import { sendMailNow } from "../mail/outgoing-mail";
import { checkSignInLimits } from "./sign-in-limits";

export const SIGN_IN_MINUTES = 15;

export type SignInCheck =
	| { kind: "accepted"; address: string }
	| { kind: "invalid_address" }
	| { kind: "rate_limited"; limit: "address" | "ip"; retryAfterMs: number };

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Whether to go on with a request: a plausible address, within the rate limits. */
export async function checkSignInRequest(services: Services, rawAddress: string, ip: string): Promise<SignInCheck> {
	const address = rawAddress.trim().toLowerCase();
	if (!EMAIL.test(address) || address.length > 254) return { kind: "invalid_address" };
	const limits = await checkSignInLimits(services.db, { address, ip }, services.clock.now());
	if (!limits.ok) return { kind: "rate_limited", limit: limits.limit, retryAfterMs: limits.retryAfterMs };
	return { kind: "accepted", address };
}

/**
 * Mails the link when the address is a verified account's; otherwise does
 * nothing. The caller answers the same either way, and runs this after
 * answering, so neither the answer nor its timing tells whether an account exists.
 * `next`: the page of ours to open after signing in (already checked by the caller).
 */
export async function mailSignInLink(
	services: Services,
	address: string,
	next = "/app",
): Promise<"mailed" | "no_account"> {
	const { db, config, clock } = services;
	const now = clock.now();
	const account = await createAccountsRepo(db).findByAddress(address);
	if (!account?.addressVerified || account.user.status === "pending") return "no_account";
	const token = newSecretToken();
	const link = `${config.publicUrl}/signin/${token}`;
	await sendMailNow(
		services,
		{
			kind: "sign_in",
			userId: account.user.id,
			to: address,
			subject: "Your Followthrough sign-in link",
			text: [
				"Here is your link to sign in to Followthrough:",
				"",
				link,
				"",
				`It works once, for ${SIGN_IN_MINUTES} minutes. If you didn't ask for it, ignore this email: nothing happens.`,
				"",
				"— Followthrough",
			].join("\n"),
			// Like every mail of ours: an answer to it is a command, and it can be stopped in one click.
			// Anyone can ask for this mail for an address: its reply token lives a day, not a month.
			replyToken: { purpose: "reply", days: 1 },
			list: "notices",
			linkToken: {
				purpose: "sign_in",
				secret: token,
				expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000),
				context: { next },
			},
		},
		config,
		now,
	);
	return "mailed";
}

export type Redeemed = { ok: true; userId: string; next: string | null } | { ok: false };

/** Uses the sign-in token once: a second use, an expired or unknown token all fail alike. */
export async function redeemSignIn(services: Services, token: string): Promise<Redeemed> {
	const { db, clock } = services;
	const now = clock.now();
	const rows = await db
		.update(tokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(tokens.tokenHash, await hashSecretToken(token)),
				eq(tokens.purpose, "sign_in"),
				isNull(tokens.usedAt),
				gt(tokens.expiresAt, now),
			),
		)
		.returning({ userId: tokens.userId, context: tokens.contextJson });
	const [row] = rows;
	if (!row) return { ok: false };
	const next = (JSON.parse(row.context) as { next?: unknown }).next;
	return { ok: true, userId: row.userId, next: typeof next === "string" ? next : null };
}
