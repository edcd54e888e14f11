/**
 * An out-of-office reply from a contact that says when they are back moves the
 * open follow-up (lifecycle event `away`) to the first business day after that date. It is not a reply,
 * and it is never answered.
 */

import { createAccountsRepo } from "../accounts/accounts-repo";
import { afterReturn } from "../lifecycle/cadence";
import { applyThreadChanges, loadThreads } from "../lifecycle/thread-store";
import { OOO_TEXT_MAX, parseReturnDate } from "../nudges/out-of-office";
import { formatDate } from "../time/local-time";
import { displayName } from "../tracking/ensure-contacts";
import { isFollowUp } from "../tracking/nudge-kinds";
import { createTrackingRepo } from "../tracking/tracking-repo";
import { routeRecipient } from "./address-grammar";
import { type Account, accepted, type Effects, type InboundContext } from "./inbound-context";
import { checkSenderAuth } from "./sender-auth";

/** Recipients of one auto-reply looked up as possible users of ours. */
export const OOO_MAX_RECIPIENTS = 5;

export async function moveForAbsence(
	ctx: InboundContext,
	account: Account,
	contactAddress: string,
	text: string,
	sentAt: Date,
): Promise<Effects | null> {
	const { user } = account;
	// Cheap checks first: chrono reads the text only for a contact with a pending follow-up.
	const repo = createTrackingRepo(ctx.services.db, ctx.known);
	const contact = (await repo.contactsByEmail(user.id, [contactAddress])).get(contactAddress);
	if (!contact) return null;
	const { db } = ctx.services;
	const threads = await loadThreads(db, user.id, [contact.id], ctx.known);
	const open = threads.get(contact.id)?.open;
	if (!open || !isFollowUp(open.kind)) return null;
	const back = parseReturnDate(text.slice(0, OOO_TEXT_MAX), sentAt, user.timezone);
	if (!back) return null;
	const due = afterReturn(back, user);
	const { writes, applied } = await applyThreadChanges(
		db,
		{ id: user.id, clock: user },
		[{ contactId: contact.id, event: { type: "away", until: back } }],
		ctx.now,
		threads,
	);
	if (!applied.some((a) => a.transition.result === "applied")) return null;
	const moved = { who: displayName(contact), back: formatDate(back), to: formatDate(due.dueOn ?? back) };
	return accepted(user.id, { reason: "out_of_office", moved }, writes);
}

/**
 * A contact's own auto-reply reached us (the user had us in CC). It counts only
 * when it authenticates and is addressed to a verified, active user; at most
 * OOO_MAX_RECIPIENTS of its recipients are looked up.
 */
export async function absenceFromContact(
	p: Pick<InboundContext, "services" | "email" | "mail" | "messageKey" | "logId" | "releaseHeld">,
	fromAddress: string,
): Promise<Effects | null> {
	if (!checkSenderAuth(p.mail.headers, fromAddress).ok) return null;
	const accounts = createAccountsRepo(p.services.db);
	const ours = `@${p.services.config.mailDomain}`;
	const candidates = [...new Set([...p.mail.to, ...p.mail.cc].map((a) => a.address))]
		.filter((a) => !a.endsWith(ours) && a !== fromAddress)
		.slice(0, OOO_MAX_RECIPIENTS);
	for (const address of candidates) {
		const found = await accounts.findByAddress(address);
		if (!found?.addressVerified || found.user.status !== "active") continue;
		const now = p.services.clock.now();
		const ctx: InboundContext = {
			services: p.services,
			now,
			email: p.email,
			mail: p.mail,
			route: routeRecipient(p.email.envelopeTo, p.services.config.mailDomain),
			messageKey: p.messageKey,
			logId: p.logId,
			releaseHeld: p.releaseHeld,
		};
		const account = { user: found.user, addresses: await accounts.addressesOf(found.user.id) };
		return moveForAbsence(ctx, account, fromAddress, p.mail.text, p.mail.date ?? now);
	}
	return null;
}
