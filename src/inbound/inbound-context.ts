/** What every inbound kind gets, and what it returns: an outcome plus the writes for one D1 batch. */
import type { UserRow } from "../accounts/accounts-repo";
import type { Services } from "../app/services";
import type { Write } from "../db/write";
import type { KnownRows } from "../tracking/known-rows";
import type { Route } from "./address-grammar";
import type { ContactAhead } from "./contact-read-ahead";
import type { InboundEmail } from "./inbound-email";
import {
	type AcceptedReason,
	acceptedOutcome,
	type IgnoredReason,
	type InboundOutcome,
	ignoredOutcome,
} from "./inbound-outcome";
import type { ParsedMail } from "./parse-message";
import type { ReplyAhead } from "./reply-read-ahead";
import type { AccountAhead } from "./sender-lookup";

export interface Effects {
	outcome: InboundOutcome;
	writes: Write[];
	/** The writes queue mail: deliver it right after the commit. */
	sendsMail?: boolean;
	/** Work that may only start once the writes are committed (e.g. releasing held mail). */
	afterCommit?: () => Promise<void>;
}

/**
 * Processes the mail held for a user whose address was just confirmed. Injected by
 * the email() edge: releasing runs the pipeline again, which must not import itself.
 */
export type ReleaseHeld = (ctx: InboundContext, userId: string, opts?: ReleaseOptions) => Promise<void>;
/** `added`: the address was added to an existing account (not a new account confirmed). */
export interface ReleaseOptions {
	added?: string;
}

export interface InboundContext {
	services: Services;
	now: Date;
	email: InboundEmail;
	mail: ParsedMail;
	route: Route;
	messageKey: string;
	/** Id of this email's inbound_log row (written by the edge). */
	logId: string;
	releaseHeld: ReleaseHeld;
	/** Rows read ahead with the sender lookup (tracking/known-rows.ts): the kinds' reads they cover cost nothing. */
	known?: KnownRows;
	/** For a reply to our mail: its token and what the reply kinds read, read ahead (reply-read-ahead.ts). */
	reply?: ReplyAhead;
	/** For mail from someone without an account: whose contact they are, read ahead (contact-read-ahead.ts). */
	contactMail?: ContactAhead;
	/** status@'s page, or the room for a new account, read ahead (sender-lookup.ts). */
	accountAhead?: AccountAhead;
}

/** A verified, active (or paused) user and their addresses. */
export interface Account {
	user: UserRow;
	addresses: string[];
}

export const accepted = (userId: string, why: AcceptedReason, writes: Write[] = []): Effects => ({
	outcome: acceptedOutcome(userId, why),
	writes,
});

export const ignored = (userId: string | null, why: IgnoredReason, writes: Write[] = []): Effects => ({
	outcome: ignoredOutcome(userId, why),
	writes,
});
