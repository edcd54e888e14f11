/** When a snoozed item comes back: N days from today, or a date, at the user's digest hour. Pure. */
import { addDays, localDate, type UserClock } from "../time/local-time";
import { type DueTime, dueOnDate, resolveDelay } from "../time/resolve-delay";
import type { SnoozeDelay } from "./command-grammar";

export function snoozeUntil(delay: SnoozeDelay, now: Date, user: UserClock): DueTime | null {
	if (delay.kind === "days") return dueOnDate(addDays(localDate(now, user.timezone), delay.days), user);
	return resolveDelay({ kind: "phrase", phrase: delay.phrase, hasTime: false }, now, user);
}
