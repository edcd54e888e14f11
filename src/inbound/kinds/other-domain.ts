/** Mail to a domain that is not ours (a misrouted delivery): logged, never answered. */
import { ignored } from "../inbound-context";
import type { InboundKind } from "./inbound-kind";

export const otherDomain: InboundKind<{ domain: string; ours: string }> = {
	name: "other_domain",
	match: ({ route, mailDomain }) => (route.kind === "other_domain" ? { domain: route.domain, ours: mailDomain } : null),
	process: async (_ctx, { domain, ours }) => ignored(null, { reason: "not_our_domain", domain, ours }),
};
