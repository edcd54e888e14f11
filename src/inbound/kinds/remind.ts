/** remind@ (remind+3d@, remind+tomorrow4pm@): a plain reminder about this email, no contact logic. */
import { defaultReminderDue } from "../../lifecycle/cadence";
import { formatDate, formatLocal } from "../../time/local-time";
import { type DueTime, resolveDelay } from "../../time/resolve-delay";
import { createTrackingRepo } from "../../tracking/tracking-repo";
import { type Account, accepted, type Effects, type InboundContext } from "../inbound-context";
import { nothingToTrack } from "../reply-mail";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

function trackReminder(ctx: InboundContext, account: Account, due: DueTime | null): Effects {
	const { user } = account;
	const when = due ?? defaultReminderDue(ctx.now, user);
	const repo = createTrackingRepo(ctx.services.db);
	const subject = ctx.mail.subject || "(no subject)";
	const write = repo.addNudge({
		userId: user.id,
		kind: "reminder",
		contactId: null,
		threadId: null,
		due: when,
		note: subject.slice(0, 300),
		now: ctx.now,
	});
	const at = when.dueOn ? formatDate(when.dueOn) : formatLocal(when.dueAt, user.timezone);
	return accepted(user.id, { reason: "reminder", subject, at }, [write]);
}

export const remind: InboundKind<{ account: Account; due: DueTime | null; inThePast: boolean }> = {
	name: "remind",
	match: (input) => {
		const { route, now } = input;
		const account = confirmedAccount(input);
		if (!account || route.kind !== "remind") return null;
		const due = route.delay ? resolveDelay(route.delay, now, account.user) : null;
		return { account, due, inThePast: route.delay !== null && due === null };
	},
	process: async (ctx, { account, due, inThePast }) =>
		inThePast ? nothingToTrack(ctx, account, "that date is in the past.") : trackReminder(ctx, account, due),
};
