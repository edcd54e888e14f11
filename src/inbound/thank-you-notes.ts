/**
 * Meetings, for the invite and met@/thanks@ kinds: each other person on it becomes
 * a contact on a meeting thread, and their thread gets a `met` event at the
 * meeting's end (DESIGN.md lifecycle): a thank-you note after it, unless the mail
 * was the thank-you itself; then a check-in 3 weeks after the meeting. An updated
 * invite moves the note; a cancelled one removes it.
 */

import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import type { Thread } from "../lifecycle/thread";
import { applyThreadChanges, freshThread, type ThreadChange } from "../lifecycle/thread-store";
import type { MailAddress } from "../mail/mail-address";
import { displayName, ensureContacts } from "../tracking/ensure-contacts";
import { isRoleAddress } from "../tracking/role-address";
import { createTrackingRepo } from "../tracking/tracking-repo";
import type { Account, InboundContext } from "./inbound-context";

export function others(ctx: InboundContext, account: Account, people: MailAddress[]): MailAddress[] {
	const own = new Set(account.addresses);
	const ours = `@${ctx.services.config.mailDomain}`;
	return people.filter(
		(p) => p.address && !own.has(p.address) && !p.address.endsWith(ours) && !isRoleAddress(p.address),
	);
}

/** Words that make a mail the thank-you note itself (in the languages of our reply grammar). */
const THANKS = /\b(thank you|thanks|thank-you|danke|merci|gracias)\b/i;
export const isThankYouNote = (subject: string, text: string) =>
	THANKS.test(subject) || THANKS.test(text.slice(0, 2000));

export async function scheduleMeetings(
	ctx: InboundContext,
	account: Account,
	people: MailAddress[],
	meeting: { key: string; subject: string; end: Date; start: Date | null; thanked: boolean },
): Promise<{ writes: Write[]; names: string[]; due: Date | null }> {
	const { user } = account;
	const { db } = ctx.services;
	const repo = createTrackingRepo(db, ctx.known);
	const now = ctx.now;
	const ensured = await ensureContacts(repo, user.id, people, { status: "new", touch: false, now });
	const writes = [...ensured.writes];
	const existing = await repo.threadsByKey(user.id, meeting.key);
	const threads = new Map<string, Thread>();
	const changes: ThreadChange[] = [];
	for (const contact of ensured.contacts) {
		if (contact.isNew) threads.set(contact.id, freshThread(contact.id, displayName(contact)));
		const thread = existing.find((t) => t.contactId === contact.id);
		const threadId = thread?.id ?? newId();
		writes.push(
			thread
				? repo.updateThread(user.id, thread.id, { state: "open", subject: meeting.subject, updatedAt: now })
				: repo.openThread({
						id: threadId,
						userId: user.id,
						contactId: contact.id,
						kind: "meeting",
						key: meeting.key,
						subject: meeting.subject,
						lastInboundAt: meeting.start,
						now,
					}),
		);
		changes.push({
			contactId: contact.id,
			event: { type: "met", at: meeting.end, threadId, thanked: meeting.thanked },
		});
	}
	const lifecycle = await applyThreadChanges(db, { id: user.id, clock: user }, changes, now, threads, ctx.known);
	writes.push(...lifecycle.writes);
	const due =
		lifecycle.applied.find((a) => a.transition.open?.kind === "thank_you")?.transition.open?.due.dueAt ?? null;
	return { writes, names: ensured.contacts.map(displayName), due };
}

/** A cancelled meeting: its thank-you notes not yet delivered are removed. */
export async function cancelMeeting(ctx: InboundContext, account: Account, key: string) {
	const { user } = account;
	const { db } = ctx.services;
	const repo = createTrackingRepo(db, ctx.known);
	const found = await repo.threadsByKey(user.id, key);
	const changes: ThreadChange[] = found
		.filter((t): t is typeof t & { contactId: string } => t.contactId !== null)
		.map((t) => ({ contactId: t.contactId, event: { type: "meeting_cancelled" } }));
	const lifecycle = await applyThreadChanges(db, { id: user.id, clock: user }, changes, ctx.now, undefined, ctx.known);
	const writes = [
		...lifecycle.writes,
		...found.map((t) => repo.updateThread(user.id, t.id, { state: "closed", updatedAt: ctx.now })),
	];
	return { writes, removed: lifecycle.applied.filter((a) => a.transition.result === "applied").length };
}
