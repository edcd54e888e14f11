/**
 * The words of one nudge, in the product's voice: an action, a reason in numbers,
 * the context, and a suggestion in the spirit of the seeds. Pure.
 */

import { plural } from "../lib/plural";
import { MAX_FOLLOW_UPS } from "../lifecycle/cadence";
import { daysBetween, formatDate, localDate } from "../time/local-time";
import type { NudgeKind } from "../tracking/nudge-kinds";

export interface NudgeFacts {
	kind: NudgeKind;
	attempt: number;
	note: string | null;
	contactName: string | null;
	contactEmail: string | null;
	referrerName: string | null;
	subject: string | null;
	/** The thread's kind: an intro thread's subject is the introduction's, not a mail of the user's. */
	threadKind: string | null;
	/** When the user last wrote on the thread (outreach), or the thread started. */
	lastOutboundAt: Date | null;
	lastInboundAt: Date | null;
	createdAt: Date;
}

export interface NudgeWords {
	/** "Follow up with Ann Lee" */
	action: string;
	/** "3 days, no reply · 2nd follow-up of 3" */
	reason: string;
	/** "Last: "Coffee next week?" on Mon 23 Nov · introduced by Carol Diaz" */
	context: string;
	suggestion: string;
	/** Short form for subjects, the start of the action: "follow up with Ann Lee" */
	short: string;
}

const ordinal = (n: number) =>
	`${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;
const days = (n: number) => plural(n, "day");

function ago(from: Date | null, now: Date, tz: string): number | null {
	return from ? Math.max(0, daysBetween(localDate(from, tz), localDate(now, tz))) : null;
}

function when(n: number | null): string {
	if (n === null) return "";
	return n === 0 ? "today" : n === 1 ? "yesterday" : `${n} days ago`;
}

export function wordNudge(f: NudgeFacts, now: Date, tz: string): NudgeWords {
	const who = f.contactName || f.contactEmail || "them";
	const sinceOut = ago(f.lastOutboundAt, now, tz);
	const introducedAgo = ago(f.createdAt, now, tz);
	// The date beside a subject is its mail's: the user's last outreach, unless the subject is the
	// introduction's (a reach-out done by reply has no mail of its own).
	const dated = f.lastOutboundAt && f.threadKind !== "intro" ? f.lastOutboundAt : null;
	const last = f.subject ? `Last: "${f.subject}"${dated ? ` on ${formatDate(localDate(dated, tz))}` : ""}` : "";
	const referred = f.referrerName ? `introduced by ${f.referrerName}` : "";
	const context = [last, referred].filter(Boolean).join(" · ");
	switch (f.kind) {
		case "reach_out": {
			const reply = f.note === "reply";
			const reason = reply
				? `they wrote ${when(ago(f.lastInboundAt ?? f.createdAt, now, tz))}`
				: `${f.referrerName ? `${f.referrerName} introduced you` : "introduced"} ${when(introducedAgo)}${f.attempt > 0 ? ` · reminder ${f.attempt + 1} of 3` : ""}`;
			return {
				action: reply ? `Reply to ${who}` : `Reach out to ${who} today`,
				short: reply ? `reply to ${who}` : `reach out to ${who}`,
				reason,
				// The reason already names who introduced them.
				context: last,
				suggestion: reply
					? "A short answer today keeps it warm."
					: "Waiting costs you and the person who introduced you: a short note today, and copy them if you like.",
			};
		}
		case "close_loop":
			return {
				action: `Let ${who} know you reached out`,
				short: `let ${who} know you reached out`,
				reason: f.note ? `you contacted ${f.note}` : "you followed up on their introduction",
				context,
				suggestion: "A two-line thank-you tells them the introduction landed.",
			};
		case "follow_up":
		case "confirm_receipt": {
			const confirm = f.kind === "confirm_receipt";
			return {
				action: confirm ? `Confirm ${who} received your résumé` : `Follow up with ${who}`,
				short: confirm ? `confirm ${who} received your résumé` : `follow up with ${who}`,
				reason: [
					sinceOut !== null ? `${days(sinceOut)}, no reply` : "no reply yet",
					confirm ? "" : `${ordinal(Math.max(1, f.attempt))} follow-up of ${MAX_FOLLOW_UPS}`,
				]
					.filter(Boolean)
					.join(" · "),
				context,
				suggestion: confirm
					? "Ask whether it arrived and whether you could talk; a call early in the morning or after 5 pm gets through."
					: "Keep it short and add something useful: a relevant article, news, or a contact for them.",
			};
		}
		case "last_try":
			return {
				action: `Last try with ${who}, or move on?`,
				short: `last try with ${who}`,
				reason: `${MAX_FOLLOW_UPS} follow-ups, no reply${sinceOut !== null ? ` in ${days(sinceOut)}` : ""}`,
				context,
				suggestion: 'One last friendly note, then let it rest: reply "stop" to close it.',
			};
		case "thank_you":
			return {
				action: `Send a thank-you note to ${who}`,
				short: `send a thank-you note to ${who}`,
				reason: "you met",
				context,
				suggestion: "Within a day is best: name one thing you took away.",
			};
		case "check_in":
			return {
				action: `Check in with ${who}`,
				short: `check in with ${who}`,
				reason: f.attempt <= 1 ? "3 weeks since you met" : "about 2 months since you were last in touch",
				context,
				suggestion:
					"Open by giving: an article, some news, or an introduction they'd value. Share your own update too.",
			};
		case "celebrate":
			return {
				action: "Thank the people who helped",
				short: "thank the people who helped",
				reason: "you got the job",
				context: f.note ?? "",
				suggestion: "Tell each of them the news: it is the best thank-you.",
			};
		default:
			return {
				action: f.note ? `Reminder: ${f.note}` : "Reminder",
				short: f.note ? `reminder: ${f.note}` : "reminder",
				reason: "you asked to be reminded",
				context: "",
				suggestion: "",
			};
	}
}
