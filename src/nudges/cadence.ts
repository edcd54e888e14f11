/**
 * When each nudge is due (DESIGN.md, "Nudges and cadence"). Pure: plain data
 * and `now` in, a due time out. Cadence nudges are due on a local business day
 * and go out in that day's digest; urgent ones (intros) go out the same day.
 */
import {
	addBusinessDays,
	addDays,
	instantAt,
	localDate,
	localMinutes,
	onOrNextBusinessDay,
	type UserClock,
} from "../time/local-time";
import { type DueTime, dueOnDate } from "../time/resolve-delay";

/** Days between follow-ups while no reply is seen: +3, then +4, +4. */
export const FOLLOW_UP_GAPS = [3, 4, 4] as const;
export const MAX_FOLLOW_UPS = FOLLOW_UP_GAPS.length;
export const CONFIRM_RECEIPT_BUSINESS_DAYS = 5;

export type LadderKind = "follow_up" | "last_try";

/** Follow-up number `attempt` (1-based): the 3 follow-ups, then one "last try or move on?". */
export function ladderKind(attempt: number): LadderKind {
	return attempt > MAX_FOLLOW_UPS ? "last_try" : "follow_up";
}

/** Gap before follow-up number `attempt`: the user's own cadence when set, else +3, +4, +4. */
export function followUpGap(attempt: number, user?: Pick<UserClock, "followUpDays" | "followUpEvery">): number {
	if (attempt <= 1 && user?.followUpDays) return user.followUpDays;
	if (attempt > 1 && user?.followUpEvery) return user.followUpEvery;
	return FOLLOW_UP_GAPS[Math.min(Math.max(attempt, 1), MAX_FOLLOW_UPS) - 1] ?? 4;
}

/** A local-date nudge `days` after the local date of `from`, moved to a business day. */
export function dueAfterDays(from: Date, days: number, user: UserClock): DueTime {
	return dueOnDate(onOrNextBusinessDay(addDays(localDate(from, user.timezone), days), user.businessDays), user);
}

/** First follow-up on outreach sent at `sentAt` (carrying `attempt` on). */
export function followUpDue(sentAt: Date, attempt: number, user: UserClock): DueTime {
	return dueAfterDays(sentAt, followUpGap(attempt, user), user);
}

export function confirmReceiptDue(sentAt: Date, user: UserClock): DueTime {
	return dueOnDate(
		addBusinessDays(localDate(sentAt, user.timezone), CONFIRM_RECEIPT_BUSINESS_DAYS, user.businessDays),
		user,
	);
}

/**
 * Today, for urgent nudges (reach out after an intro, thank-you after `met`): in
 * today's digest if it has not gone out yet, else at the next tick.
 */
export function sameDayDue(now: Date, user: UserClock): DueTime {
	const today = localDate(now, user.timezone);
	const digestAt = instantAt(today, user.digestMinutes, user.timezone);
	return { dueOn: today, dueAt: digestAt.getTime() > now.getTime() ? digestAt : now };
}

/** Thank-you note after a meeting ends: the first digest after the end. */
export function thankYouDue(end: Date, user: UserClock): DueTime {
	const day = localDate(end, user.timezone);
	const sameDay = localMinutes(end, user.timezone) < user.digestMinutes;
	return dueOnDate(sameDay ? day : addDays(day, 1), user);
}

/** A plain reminder with no delay given: tomorrow's digest. */
export function defaultReminderDue(now: Date, user: UserClock): DueTime {
	return dueOnDate(addDays(localDate(now, user.timezone), 1), user);
}
