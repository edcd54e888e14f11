/**
 * One kind of inbound mail (a status request, a forward, outreach…): `match`
 * reads the mail and decides whether it is this kind, `process` does what it
 * asks. Every kind has this shape, and one ordered list tries them
 * (ordered-kinds.ts).
 *
 * `match` is parsing only: plain data in, plain data (or null: not this kind)
 * out, no D1. When it throws, the failure is logged and the next kind is tried.
 * `process` has the effects: its D1 reads, and the writes it returns. When it
 * throws, the email fails, so Email Routing retries it.
 */

import type { ForwardedOriginal } from "../forwarded-message";
import type { Account, Effects, InboundContext } from "../inbound-context";
import type { SenderLookup } from "../sender-lookup";
import type { KindName } from "./kind-names";

export interface MatchInput extends Pick<InboundContext, "now" | "email" | "mail" | "route"> {
	mailDomain: string;
	/** The authenticated From address, and the account it belongs to (looked up before the kinds run). */
	sender: { address: string; account: SenderLookup["account"] };
	/** The forwarded original in the mail, read once for every kind that asks. */
	forward(): Promise<ForwardedOriginal | null>;
}

export interface InboundKind<Parsed> {
	/** Names the kind in logs and in `handler_failed:<name>`. */
	readonly name: KindName;
	match(input: MatchInput): Parsed | null | Promise<Parsed | null>;
	process(ctx: InboundContext, parsed: Parsed): Promise<Effects>;
}

/** The sender as a confirmed account, for kinds that act for one; null for a new or unconfirmed sender. */
export function confirmedAccount(input: MatchInput): Account | null {
	const found = input.sender.account;
	if (!found?.addressVerified || found.user.status === "pending") return null;
	return { user: found.user, addresses: found.addresses };
}
