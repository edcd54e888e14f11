/**
 * Meetings: a calendar REQUEST schedules a thank-you note to each attendee after
 * the event ends (an update moves it); a CANCEL removes it. `met@` means the
 * meeting already happened: thank-you notes today.
 */

import type { Write } from "../../db/write";
import { newId } from "../../lib/crypto";
import type { MailAddress } from "../../mail/mail-address";
import { sameDayDue, thankYouDue } from "../../nudges/cadence";
import { formatDate } from "../../time/local-time";
import type { DueTime } from "../../time/resolve-delay";
import { displayName, ensureContacts } from "../../tracking/ensure-contacts";
import { isRoleAddress } from "../../tracking/role-address";
import { subjectKey } from "../../tracking/subject-key";
import { createTrackingRepo } from "../../tracking/tracking-repo";
import { type Account, accepted, type Effects, type InboundContext, ignored } from "../inbound-context";
import type { MeetingInvite } from "../meeting-invite";

const eventKey = (uid: string) => `ical:${uid}`.slice(0, 200);

function others(ctx: InboundContext, account: Account, people: MailAddress[]): MailAddress[] {
	const own = new Set(account.addresses);
	const ours = `@${ctx.services.config.mailDomain}`;
	return people.filter(
		(p) => p.address && !own.has(p.address) && !p.address.endsWith(ours) && !isRoleAddress(p.address),
	);
}

async function scheduleThankYous(
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

export async function trackInvites(ctx: InboundContext, account: Account, invites: MeetingInvite[]): Promise<Effects> {
	const { user } = account;
	const repo = createTrackingRepo(ctx.services.db);
	const writes: Write[] = [];
	const lines: string[] = [];
	for (const invite of invites) {
		const key = eventKey(invite.uid || `${invite.summary}:${invite.start?.getTime()}`);
		if (invite.method === "CANCEL") {
			const threads = await repo.threadsByKey(user.id, key);
			if (threads.length) {
				const ids = threads.map((t) => t.id);
				writes.push(repo.cancelNudges(user.id, ids, ["thank_you"], ctx.now));
				for (const id of ids) writes.push(repo.updateThread(user.id, id, { state: "closed", updatedAt: ctx.now }));
			}
			lines.push(
				`"${invite.summary}" cancelled: ${threads.length} thank-you ${threads.length === 1 ? "note" : "notes"} removed`,
			);
			continue;
		}
		const people = others(ctx, account, [...invite.attendees, ...(invite.organizer ? [invite.organizer] : [])]);
		if (!people.length || !invite.end) continue;
		const due = thankYouDue(invite.end, user);
		const s = await scheduleThankYous(ctx, account, people, {
			key,
			subject: invite.summary || ctx.mail.subject,
			due,
			at: invite.start,
		});
		writes.push(...s.writes);
		lines.push(
			`"${invite.summary}": thank-you note to ${s.names.join(", ")} on ${due.dueOn ? formatDate(due.dueOn) : ""}`,
		);
	}
	if (!lines.length) return ignored(user.id, "invite_without_attendees", "Calendar invite with no one else on it.");
	return accepted(user.id, "meeting", `${lines.join("; ")}.`, writes);
}

/** met@/thanks@: the people on the mail (or on the forwarded one) were met today. */
export async function trackMet(
	ctx: InboundContext,
	account: Account,
	people: MailAddress[],
	subject: string,
): Promise<Effects | null> {
	const who = others(ctx, account, people);
	if (!who.length) return null;
	const key = `met:${subjectKey(subject)}:${ctx.mail.messageId ?? ctx.messageKey}`.slice(0, 200);
	const s = await scheduleThankYous(ctx, account, who, {
		key,
		subject: subject || "Meeting",
		due: sameDayDue(ctx.now, account.user),
		at: ctx.now,
	});
	return accepted(account.user.id, "met", `Thank-you note to ${s.names.join(", ")} today.`, s.writes);
}
