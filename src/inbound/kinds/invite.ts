/**
 * A calendar invite (REQUEST) schedules a thank-you note to each other attendee
 * after the event ends (an update moves it); a CANCEL removes it. Whatever
 * address it was sent to.
 */
import type { Write } from "../../db/write";
import { thankYouDue } from "../../nudges/cadence";
import { formatDate } from "../../time/local-time";
import { createTrackingRepo } from "../../tracking/tracking-repo";
import { type Account, accepted, type Effects, type InboundContext, ignored } from "../inbound-context";
import type { MeetingInvite } from "../meeting-invite";
import { others, scheduleThankYous } from "../thank-you-notes";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

const eventKey = (uid: string) => `ical:${uid}`.slice(0, 200);

async function trackInvites(ctx: InboundContext, account: Account, invites: MeetingInvite[]): Promise<Effects> {
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
	if (!lines.length) return ignored(user.id, { reason: "invite_without_attendees" });
	return accepted(user.id, { reason: "meeting", lines }, writes);
}

export const invite: InboundKind<{ account: Account; invites: MeetingInvite[] }> = {
	name: "invite",
	match: (input) => {
		const account = confirmedAccount(input);
		return account && input.mail.invites.length ? { account, invites: input.mail.invites } : null;
	},
	process: (ctx, { account, invites }) => trackInvites(ctx, account, invites),
};
