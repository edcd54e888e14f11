/**
 * A calendar invite (REQUEST) schedules a thank-you note to each other attendee
 * after the event ends (an update moves it); a CANCEL removes it. Whatever
 * address it was sent to.
 */
import type { Write } from "../../db/write";
import { formatLocal } from "../../time/local-time";
import { type Account, accepted, type Effects, type InboundContext, ignored } from "../inbound-context";
import type { MeetingInvite } from "../meeting-invite";
import { cancelMeeting, others, scheduleMeetings } from "../thank-you-notes";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

/** The thread key of an invite's meeting: its UID, so an update or a cancel finds it. */
export const inviteKeyOf = (invite: MeetingInvite) =>
	`ical:${invite.uid || `${invite.summary}:${invite.start?.getTime()}`}`.slice(0, 200);

/** The people an invite names: its attendees and organizer. */
export const inviteesOf = (invite: MeetingInvite) => [
	...invite.attendees,
	...(invite.organizer ? [invite.organizer] : []),
];

async function trackInvites(ctx: InboundContext, account: Account, invites: MeetingInvite[]): Promise<Effects> {
	const { user } = account;
	const writes: Write[] = [];
	const lines: string[] = [];
	for (const invite of invites) {
		const key = inviteKeyOf(invite);
		if (invite.method === "CANCEL") {
			const c = await cancelMeeting(ctx, account, key);
			writes.push(...c.writes);
			lines.push(`"${invite.summary}" cancelled: ${c.removed} thank-you ${c.removed === 1 ? "note" : "notes"} removed`);
			continue;
		}
		const people = others(ctx, account, inviteesOf(invite));
		if (!people.length || !invite.end) continue;
		const s = await scheduleMeetings(ctx, account, people, {
			key,
			subject: invite.summary || ctx.mail.subject,
			end: invite.end,
			start: invite.start,
			thanked: false,
		});
		writes.push(...s.writes);
		lines.push(
			`"${invite.summary}": thank-you note to ${s.names.join(", ")}${s.due ? ` on ${formatLocal(s.due, user.timezone)}` : ""}`,
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
