/**
 * Who gets what at this tick. Pure: due nudges and `now` in, mails and ladder
 * steps out. A digest user gets one digest a local day, at or after the digest
 * hour, with everything due; after it (same-day intros, explicit times) and for
 * instant users, each nudge goes out on its own.
 */
import { localDate, type UserClock } from "../time/local-time";
import type { NudgeKind } from "../tracking/nudge-kinds";
import type { DueNudge } from "./due-nudges-repo";
import { successorOf, URGENCY } from "./ladder";

export interface UserDue {
	userId: string;
	to: string | null;
	clock: UserClock;
	mode: "digest" | "instant";
	/** Local date of the last digest written for the user. */
	lastDigestOn: string | null;
	nudges: DueNudge[];
}

export function groupByUser(rows: readonly DueNudge[]): UserDue[] {
	const byUser = new Map<string, UserDue>();
	for (const r of rows) {
		let u = byUser.get(r.userId);
		if (!u) {
			u = {
				userId: r.userId,
				to: r.to,
				clock: {
					timezone: r.timezone,
					digestMinutes: r.digestMinutes,
					businessDays: r.businessDays,
					followUpDays: r.followUpDays,
					followUpEvery: r.followUpEvery,
				},
				mode: r.mode,
				lastDigestOn: r.lastDigestOn,
				nudges: [],
			};
			byUser.set(r.userId, u);
		}
		u.nudges.push(r);
	}
	return [...byUser.values()];
}

export const digestKey = (u: Pick<UserDue, "userId" | "clock">, now: Date) =>
	`digest:${u.userId}:${localDate(now, u.clock.timezone)}`;
export const singleKey = (n: Pick<DueNudge, "id" | "dueAt">) => `nudge:${n.id}:${n.dueAt.getTime()}`;

export const byUrgency = (a: DueNudge, b: DueNudge) =>
	URGENCY[a.kind as NudgeKind] - URGENCY[b.kind as NudgeKind] || a.dueAt.getTime() - b.dueAt.getTime();

export interface UserPlan {
	digest: DueNudge[] | null;
	singles: DueNudge[];
}

export function planUser(u: UserDue, digestSentToday: boolean): UserPlan {
	const cadence = u.nudges.some((n) => n.dueOn !== null);
	if (u.mode === "digest" && !digestSentToday && cadence) return { digest: [...u.nudges].sort(byUrgency), singles: [] };
	return { digest: null, singles: [...u.nudges].sort(byUrgency) };
}

export interface LadderStep {
	nudge: DueNudge;
	next: ReturnType<typeof successorOf>;
	/** Follow-ups delivered on the thread so far, and whether it goes dormant. */
	thread: { attempts: number; dormant: boolean } | null;
}

export function ladderStep(n: DueNudge, now: Date, clock: UserClock): LadderStep {
	const kind = n.kind as NudgeKind;
	const next = successorOf(
		{ kind, attempt: n.attempt, fromIntro: n.threadKind === "intro" && n.note !== "reply" },
		now,
		clock,
	);
	const counts = kind === "follow_up" || kind === "last_try" || kind === "confirm_receipt";
	return {
		nudge: n,
		next,
		thread: counts && n.threadId ? { attempts: Math.max(n.attempt, 1), dormant: kind === "last_try" } : null,
	};
}
