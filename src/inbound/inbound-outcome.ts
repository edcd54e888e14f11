/**
 * The single result of processing one inbound email, logged exactly once: what
 * happened (`outcome`), why (`reason`, a fixed code), and the reason in words
 * (`detail`). Every reason is one case of InboundReason, carrying what its words
 * need, and `wordReason` words each of them: the only place that text is written.
 */
import type { AutomaticKind } from "./automatic-mail";
import type { KindName } from "./kinds/kind-names";
import type { AuthVerdict } from "./sender-auth";

/** The mail did what it asked. */
export type AcceptedReason =
	| { reason: "status" }
	| { reason: "help" }
	| { reason: "verified"; address: string; changed: string[] }
	/** An explicit yes added `address` to an existing account. */
	| { reason: "address_added"; address: string }
	| { reason: "commands"; done: string[] }
	/** One line per invite: scheduled, moved or cancelled thank-you notes. */
	| { reason: "meeting"; lines: string[] }
	| { reason: "met"; names: string[] }
	| { reason: "reminder"; subject: string; at: string }
	/** One line per tracked person. */
	| { reason: "outreach" | "application"; lines: string[] }
	/** One line per thing the forward did. */
	| { reason: "introduction" | "reply_seen" | "forward"; lines: string[] }
	/** A forwarded bounce: the threads of the addresses that failed are stopped. */
	| { reason: "bounce"; lines: string[] }
	| { reason: "out_of_office"; moved: { who: string; back: string; to: string } };

/** Nothing changed (or nothing more than a reply saying why). */
export type IgnoredReason =
	| { reason: "duplicate" }
	| { reason: `automatic_${AutomaticKind}`; why: string }
	| { reason: "not_our_domain"; domain: string; ours: string }
	| { reason: "too_large_to_hold" }
	| { reason: "hold_full" }
	| { reason: "token_unknown" }
	/** `verification`: the verify token of another address; else someone else's reply address. */
	| { reason: "token_wrong_sender"; verification: boolean }
	| { reason: "token_expired" }
	/** A verification or add-address reply whose token was already used: nothing runs twice. */
	| { reason: "token_used" }
	/** An answer to an add-address request that is not a yes, or a yes from an address with its own account. */
	| { reason: "address_not_confirmed" | "address_has_own_account"; address: string }
	/** A command reply from an address that is not the account's: the account is told once. */
	| { reason: "stray_reply"; address: string; told: boolean }
	/** Too many new accounts today (from this domain, or in all). */
	| { reason: "new_accounts_capped"; scope: "domain" | "total" }
	| { reason: "token_wrong_purpose" }
	| { reason: "account_not_active" }
	| { reason: "command_not_understood"; problems: string[] }
	| { reason: "unknown_address"; localPart: string }
	| { reason: "nothing_to_track"; why: string }
	| { reason: "bulk"; count: number; limit: number }
	| { reason: "invite_without_attendees" }
	/** `who`: the sender as the forward named them; null when no usable sender was found. */
	| { reason: "forward_without_sender"; who: string | null }
	| { reason: "out_of_office"; moved: null }
	| { reason: "not_routed" }
	/** A contact's mail (reply-all with us in Cc) about someone who is not (or no longer) tracked. */
	| { reason: "contact_mail_untracked" }
	/** A forwarded bounce for addresses not tracked, or already stopped. */
	| { reason: "bounce_untracked"; addresses: string[] }
	/** A kind's reader threw, and no other kind took the mail. */
	| { reason: `handler_failed:${KindName}`; kind: KindName };

/** Kept until the sender's address is confirmed. */
export type HeldReason = { reason: "new_account"; address: string } | { reason: "awaiting_verification" };

/** Refused at SMTP time: the detail is what the sending server is told. */
export type RejectedReason =
	| { reason: "too_large"; size: number; limit: number }
	| { reason: "unreadable"; why: string }
	| { reason: `unauthenticated_${Extract<AuthVerdict, { ok: false }>["reason"]}`; why: string };

export type InboundReason = AcceptedReason | IgnoredReason | HeldReason | RejectedReason;
export type InboundReasonCode = InboundReason["reason"];

export type InboundOutcome =
	| { outcome: "accepted" | "ignored"; reason: InboundReasonCode; detail: string; userId: string | null }
	| { outcome: "held"; reason: InboundReasonCode; detail: string; userId: string }
	/** Refused at SMTP time: `detail` is the reason given to the sending server. */
	| { outcome: "rejected"; reason: InboundReasonCode; detail: string; userId: null };

const MIB = 1024 * 1024;
const formatSize = (n: number) => (n >= MIB ? `${(n / MIB).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`);
/** Lines as one sentence, capitalised, unless it starts with an address ("dave@x.example bounced"). */
const sentence = (lines: string[]) => {
	const s = `${lines.join("; ")}.`;
	const space = s.indexOf(" ");
	const first = space < 0 ? s : s.slice(0, space);
	return first.includes("@") ? s : s.charAt(0).toUpperCase() + s.slice(1);
};

/** The reason in words, as the log, the Activity page and the sending server see it. */
export function wordReason(r: InboundReason): string {
	switch (r.reason) {
		case "status":
			return "Sent the pending list.";
		case "help":
			return "Sent the address and command reference.";
		case "verified":
			return `Address ${r.address} confirmed${r.changed.length ? `; set ${r.changed.join(", ")}` : ""}.`;
		case "address_added":
			return `Address ${r.address} added to the account.`;
		case "commands":
			return r.done.join(" ");
		case "meeting":
			return `${r.lines.join("; ")}.`;
		case "met":
			return `Thank-you note to ${r.names.join(", ")} today.`;
		case "reminder":
			return `Reminder about "${r.subject.slice(0, 80)}" on ${r.at}.`;
		case "outreach":
		case "application":
			return `Tracking ${r.lines.join("; ")}.`;
		case "introduction":
		case "reply_seen":
		case "forward":
		case "bounce":
			return sentence(r.lines);
		case "out_of_office":
			return r.moved
				? `${r.moved.who} is away until ${r.moved.back}: follow-up moved to ${r.moved.to}.`
				: "An out-of-office reply without a return date: follow-ups unchanged.";
		case "duplicate":
			return "Already processed this message.";
		case "automatic_loop":
		case "automatic_report":
		case "automatic_bounce":
		case "automatic_auto_reply":
		case "automatic_list":
			return `Automatic mail, not answered: ${r.why}.`;
		case "not_our_domain":
			return `Sent to ${r.domain}, which is not ${r.ours}.`;
		case "too_large_to_hold":
			return "First mail from a new address is too large to hold until it is confirmed.";
		case "hold_full":
			return "Address not confirmed yet, and no more mail can be held for it.";
		case "token_unknown":
			return "Reply to an address we did not issue.";
		case "token_wrong_sender":
			return r.verification
				? "Verification reply from another address: nothing changed."
				: "Reply address used by someone other than its owner: nothing changed.";
		case "token_expired":
			return "Reply to an expired address: nothing changed.";
		case "token_used":
			return "Reply to a confirmation already used: nothing changed.";
		case "address_not_confirmed":
			return `${r.address} did not say yes: not added.`;
		case "address_has_own_account":
			return `${r.address} has its own account: not added.`;
		case "stray_reply":
			return `Reply from ${r.address}, not one of the account's addresses: nothing changed${r.told ? "; the account was told" : ""}.`;
		case "new_accounts_capped":
			return r.scope === "domain"
				? "Too many new accounts from this domain today: not held."
				: "Too many new accounts today: not held.";
		case "token_wrong_purpose":
			return "That address does not take replies.";
		case "account_not_active":
			return "Reply from an account that is not confirmed.";
		case "command_not_understood":
			return r.problems.join(" ") || "No command.";
		case "unknown_address":
			return `${r.localPart}@ is not one of our addresses.`;
		case "nothing_to_track":
			return r.why;
		case "bulk":
			return `${r.count} recipients: more than ${r.limit}, not tracked.`;
		case "invite_without_attendees":
			return "Calendar invite with no one else on it.";
		case "forward_without_sender":
			return r.who === null ? "Forward without a usable sender." : `Forward with ${r.who}: nothing to track.`;
		case "not_routed":
			return "Not an address for tracking.";
		case "bounce_untracked":
			return `A bounce for ${r.addresses.join(", ")}: not tracked (or already stopped), nothing to do.`;
		case "contact_mail_untracked":
			return "A contact's mail to a user, about no one tracked: nothing to do, and no one is answered.";
		case "new_account":
			return `New address ${r.address}: held until confirmed; verification mail sent.`;
		case "awaiting_verification":
			return "Held until the address is confirmed.";
		case "too_large":
			return `Message is ${formatSize(r.size)}; the limit is ${formatSize(r.limit)}. Forward it without attachments.`;
		case "unreadable":
			return `Message could not be parsed as MIME (${r.why}).`;
		case "unauthenticated_no_from":
		case "unauthenticated_no_results":
		case "unauthenticated_failed":
		case "unauthenticated_untrusted":
		case "unauthenticated_unreadable":
			return `Not accepted: ${r.why}.`;
		default:
			return handlerFailed(r);
	}
}

/** The last case, apart so the switch above stays exhaustive: anything new fails to compile here. */
function handlerFailed(r: Extract<InboundReason, { kind: KindName }>): string {
	return `Could not read this email (${r.kind} failed): nothing changed.`;
}

export const acceptedOutcome = (userId: string, why: AcceptedReason): InboundOutcome => ({
	outcome: "accepted",
	reason: why.reason,
	detail: wordReason(why),
	userId,
});
export const ignoredOutcome = (userId: string | null, why: IgnoredReason): InboundOutcome => ({
	outcome: "ignored",
	reason: why.reason,
	detail: wordReason(why),
	userId,
});
export const heldOutcome = (userId: string, why: HeldReason): InboundOutcome => ({
	outcome: "held",
	reason: why.reason,
	detail: wordReason(why),
	userId,
});
export const rejectedOutcome = (why: RejectedReason): InboundOutcome => ({
	outcome: "rejected",
	reason: why.reason,
	detail: wordReason(why),
	userId: null,
});
