/**
 * When a snoozed item comes back, at the user's digest hour. "snooze 3d" and
 * "snooze 2 weeks" count days and land on a business day (DESIGN.md: every
 * date-only nudge does); a named day ("until saturday", "until 30 Nov") is kept
 * as asked. A date that has passed is a question, not a guess a year ahead. Pure.
 */
import { readDatePhrase } from "../time/date-phrase";
import {
	addDays,
	formatDateNear,
	formatDayMonth,
	localDate,
	onOrNextBusinessDay,
	type UserClock,
} from "../time/local-time";
import { type DueTime, dueOnDate } from "../time/resolve-delay";
import type { SnoozeDelay, Target } from "./command-types";

export type SnoozePlan =
	/** Back on `due.dueOn` (never null here). `asked` is the date the words named; later only when that was not a business day. */
	| { kind: "until"; due: DueTime & { dueOn: string }; asked: string }
	/** The date has passed; see DateReading. */
	| { kind: "past"; date: string; yearGiven: boolean; suggestion: string | null }
	| { kind: "unreadable"; phrase: string };

export function planSnooze(delay: SnoozeDelay, now: Date, user: UserClock): SnoozePlan {
	const today = localDate(now, user.timezone);
	if (delay.kind === "days") {
		const asked = addDays(today, delay.days);
		const date = onOrNextBusinessDay(asked, user.businessDays);
		return { kind: "until", due: { ...dueOnDate(date, user), dueOn: date }, asked };
	}
	const r = readDatePhrase(delay.phrase, now, user.timezone);
	if (r.kind !== "date") return r;
	return { kind: "until", due: { ...dueOnDate(r.date, user), dueOn: r.date }, asked: r.date };
}

/**
 * The old shape, kept while apply-commands.ts still calls it: the due time, or null
 * when the date has passed or cannot be read. Prefer planSnooze, which says why.
 */
export function snoozeUntil(delay: SnoozeDelay, now: Date, user: UserClock): DueTime | null {
	const plan = planSnooze(delay, now, user);
	return plan.kind === "until" ? plan.due : null;
}

/** The command to send again, in the form the user used: "snooze until …", "2 snooze until …", "snooze Ann until …". */
function retry(target: Target, when: string): string {
	if (target.kind === "numbers") return `${target.numbers.join(" ")} snooze until ${when}`;
	if (target.kind === "name") return `snooze ${target.name} until ${when}`;
	if (target.kind === "all") return `snooze all until ${when}`;
	return `snooze until ${when}`;
}

/**
 * The reply's sentence for a snooze that was not applied:
 * '30 Nov has passed. Did you mean Tue 30 Nov 2027? Reply "snooze until 30 Nov 2027".'
 */
export function describeSnoozeProblem(
	plan: Exclude<SnoozePlan, { kind: "until" }>,
	today: string,
	target: Target = { kind: "implicit" },
): string {
	if (plan.kind === "unreadable") {
		return `I couldn't read "${plan.phrase}" as a date: try "${retry(target, "monday")}" or "snooze 2 weeks".`;
	}
	const asked = formatDayMonth(plan.date, plan.yearGiven);
	if (!plan.suggestion) return `${asked} has passed: reply with a date to come, like "${retry(target, "monday")}".`;
	return `${asked} has passed. Did you mean ${formatDateNear(plan.suggestion, today)}? Reply "${retry(target, formatDayMonth(plan.suggestion, true))}".`;
}
