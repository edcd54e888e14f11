/**
 * Tries the inbound kinds in order; the first that matches processes the mail.
 * A kind whose match throws (a parser bug, hostile input) is logged and skipped,
 * so one broken reader cannot stop the others; if no other kind takes the mail,
 * the outcome names the kind that failed. Errors from `process` (D1) propagate:
 * the email fails, and Email Routing retries it.
 */
import { logRecovered } from "../../lib/log";
import { extractForward, type ForwardedOriginal } from "../forwarded-message";
import { type Effects, type InboundContext, ignored } from "../inbound-context";
import type { InboundKind, MatchInput } from "./inbound-kind";
import type { KindName } from "./kind-names";
import { INBOUND_KINDS } from "./ordered-kinds";

export async function runKinds(
	ctx: InboundContext,
	sender: MatchInput["sender"],
	kinds: readonly InboundKind<unknown>[] = INBOUND_KINDS,
	/** The forwarded original, when the caller already started reading it. */
	forwarded: Promise<ForwardedOriginal | null> | null = null,
): Promise<Effects> {
	const input: MatchInput = {
		now: ctx.now,
		email: ctx.email,
		mail: ctx.mail,
		route: ctx.route,
		mailDomain: ctx.services.config.mailDomain,
		sender,
		forward: () => {
			forwarded ??= extractForward(ctx.mail);
			return forwarded;
		},
	};
	let failed: KindName | null = null;
	for (const kind of kinds) {
		let parsed: unknown;
		try {
			parsed = await kind.match(input);
		} catch (err) {
			logRecovered("inbound_kind_failed", err, { kind: kind.name, to: ctx.email.envelopeTo, logId: ctx.logId });
			failed ??= kind.name;
			continue;
		}
		if (parsed !== null) return kind.process(ctx, parsed);
	}
	const userId = sender.account?.user.id ?? null;
	if (failed) return ignored(userId, { reason: `handler_failed:${failed}`, kind: failed });
	return ignored(userId, { reason: "not_routed" });
}
