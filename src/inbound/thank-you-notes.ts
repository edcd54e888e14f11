/**
 * Thank-you notes after a meeting, for the invite and met@ kinds: each other
 * person on it becomes a contact on a meeting thread with a note due; an updated
 * invite replaces the pending note.
 */

import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import type { MailAddress } from "../mail/mail-address";
import type { DueTime } from "../time/resolve-delay";
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

export async function scheduleThankYous(
	ctx: InboundContext,
	account: Account,
	people: MailAddress[],
	meeting: { key: string; subject: string; due: DueTime; at: Date | null },
): Promise<{ writes: Write[]; names: string[] }> {
	const { user } = account;
	const repo = createTrackingRepo(ctx.services.db);
	const now = ctx.now;
	const ensured = await ensureContacts(repo, user.id, people, { status: "met", touch: true, now });
	const writes = [...ensured.writes];
	const existing = await repo.threadsByKey(user.id, meeting.key);
	for (const contact of ensured.contacts) {
		const thread = existing.find((t) => t.contactId === contact.id);
		const threadId = thread?.id ?? newId();
		if (thread) {
			// An updated invite: the new end time replaces the pending note.
			writes.push(
				repo.cancelNudges(user.id, [thread.id], ["thank_you"], now),
				repo.updateThread(user.id, thread.id, { state: "open", subject: meeting.subject, updatedAt: now }),
			);
		} else {
			writes.push(
				repo.openThread({
					id: threadId,
					userId: user.id,
					contactId: contact.id,
					kind: "meeting",
					key: meeting.key,
					subject: meeting.subject,
					lastInboundAt: meeting.at,
					now,
				}),
			);
		}
		writes.push(
			repo.addNudge({
				userId: user.id,
				contactId: contact.id,
				threadId,
				kind: "thank_you",
				due: meeting.due,
				now,
			}),
		);
	}
	return { writes, names: ensured.contacts.map(displayName) };
}
