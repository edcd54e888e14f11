/**
 * When each nudge is due (DESIGN.md, "The follow-up lifecycle"). Pure: plain data
 * and times in, a due time out. Date-only nudges fall on the user's business days
 * and go out in that day's digest; urgent ones (intros, thank-yous) the same day.
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

/** Days between follow-ups while no reply is seen: +3, then +4, +4 business days. */
export const FOLLOW_UP_GAPS = [3, 4, 4] as const;
export const MAX_FOLLOW_UPS = FOLLOW_UP_GAPS.length;
/** The attempt number of "last try or move on?", the rung after the follow-ups. */
export const LAST_TRY_ATTEMPT = MAX_FOLLOW_UPS + 1;
export const CONFIRM_RECEIPT_BUSINESS_DAYS = 5;
/** Intro reach-outs: reminders on the next two business days while no outreach is seen. */
export const REACH_OUT_REMINDERS = 2;
export const CHECK_IN_AFTER_MEETING_DAYS = 21;
export const KEEP_WARM_DAYS = 60;

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

/** A date-only nudge `days` business days after the local date of `from`. */
export function businessDaysAfter(from: Date, days: number, user: UserClock): DueTime {
	return dueOnDate(addBusinessDays(localDate(from, user.timezone), days, user.businessDays), user);
}

/** A date-only nudge `days` calendar days after the local date of `from`, moved to a business day. */
export function daysAfter(from: Date, days: number, user: UserClock): DueTime {
	return dueOnDate(onOrNextBusinessDay(addDays(localDate(from, user.timezone), days), user.businessDays), user);
}

/** Follow-up number `attempt` after outreach (or a delivered rung) at `from`. */
export function followUpDue(from: Date, attempt: number, user: UserClock): DueTime {
	return businessDaysAfter(from, followUpGap(attempt, user), user);
}

export function confirmReceiptDue(sentAt: Date, user: UserClock): DueTime {
	return businessDaysAfter(sentAt, CONFIRM_RECEIPT_BUSINESS_DAYS, user);
}

/**
 * Today, for urgent nudges (reach out after an intro, let the referrer know): in
 * today's digest if it has not gone out yet, else at the next tick. On a day off,
 * the next business day's digest.
 */
export function sameDayDue(now: Date, user: UserClock): DueTime {
	const today = localDate(now, user.timezone);
	const day = onOrNextBusinessDay(today, user.businessDays);
	if (day !== today) return dueOnDate(day, user);
	const digestAt = instantAt(today, user.digestMinutes, user.timezone);
	return { dueOn: today, dueAt: digestAt.getTime() > now.getTime() ? digestAt : now };
}

/** Thank-you note after a meeting ends: the first digest after the end, on a business day. */
export function thankYouDue(end: Date, user: UserClock): DueTime {
	const day = localDate(end, user.timezone);
	const sameDay = localMinutes(end, user.timezone) < user.digestMinutes;
	return dueOnDate(onOrNextBusinessDay(sameDay ? day : addDays(day, 1), user.businessDays), user);
}

/** A plain reminder with no delay given: the next business day's digest. */
export function defaultReminderDue(now: Date, user: UserClock): DueTime {
	return daysAfter(now, 1, user);
}

/** The first business day after a return date (out-of-office). */
export function afterReturn(returnOn: string, user: UserClock): DueTime {
	return dueOnDate(onOrNextBusinessDay(addDays(returnOn, 1), user.businessDays), user);
}
