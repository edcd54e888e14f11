/**
 * The calendar feed's text (RFC 5545), built with ical.js. Pure: the open nudges,
 * where they link to, and `now` in; the VCALENDAR out. A date-only nudge is an
 * all-day event on its local due date (the same date in every calendar's zone);
 * a nudge at an explicit time is a 30-minute event at that instant, written in
 * UTC so no zone rule (DST) can move it.
 */
import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import type { NudgeKind } from "../tracking/nudge-kinds";

export interface FeedNudge {
	id: string;
	kind: NudgeKind;
	dueAt: Date;
	/** Local due date (YYYY-MM-DD) of a date-only nudge; null for an explicit time. */
	dueOn: string | null;
	note: string | null;
	contactId: string | null;
	contactName: string | null;
	contactEmail: string | null;
	subject: string | null;
}

const TIMED_MINUTES = 30;

export function feedSummary(n: FeedNudge): string {
	const who = n.contactName || n.contactEmail || "someone";
	const summaries: Record<NudgeKind, string> = {
		reach_out: `Reach out to ${who}`,
		close_loop: n.note ? `Let ${who} know you reached out to ${n.note}` : `Close the loop with ${who}`,
		follow_up: `Follow up with ${who}`,
		confirm_receipt: `Confirm ${who} received your résumé`,
		thank_you: `Send ${who} a thank-you note`,
		check_in: `Check in with ${who}`,
		last_try: `Last try with ${who}, or move on?`,
		celebrate: "Thank the people who helped",
		reminder: n.note ? `Reminder: ${n.note}` : "Reminder",
	};
	return summaries[n.kind].slice(0, 200);
}

/** Where an event links back to: the contact's page, or Today for a plain reminder. */
export const itemUrl = (publicUrl: string, n: FeedNudge) =>
	n.contactId ? `${publicUrl}/app/contacts/${encodeURIComponent(n.contactId)}` : `${publicUrl}/app`;

const dateValue = (d: string) => {
	const p = Temporal.PlainDate.from(d);
	return ICAL.Time.fromData({ year: p.year, month: p.month, day: p.day, isDate: true });
};
const utcValue = (at: Date) => ICAL.Time.fromJSDate(at, true);

export function calendarFeed(
	nudges: readonly FeedNudge[],
	o: { publicUrl: string; uidDomain: string; now: Date },
): string {
	const cal = new ICAL.Component(["vcalendar", [], []]);
	cal.addPropertyWithValue("prodid", "-//Followthrough//Follow-ups//EN");
	cal.addPropertyWithValue("version", "2.0");
	cal.addPropertyWithValue("calscale", "GREGORIAN");
	cal.addPropertyWithValue("method", "PUBLISH");
	cal.addPropertyWithValue("x-wr-calname", "Followthrough");
	cal.addPropertyWithValue("x-published-ttl", "PT1H");
	for (const n of nudges) {
		const ev = new ICAL.Component("vevent");
		const url = itemUrl(o.publicUrl, n);
		ev.addPropertyWithValue("uid", `${n.id}@${o.uidDomain}`);
		ev.addPropertyWithValue("dtstamp", utcValue(o.now));
		if (n.dueOn) {
			ev.addPropertyWithValue("dtstart", dateValue(n.dueOn));
			ev.addPropertyWithValue("dtend", dateValue(Temporal.PlainDate.from(n.dueOn).add({ days: 1 }).toString()));
			ev.addPropertyWithValue("transp", "TRANSPARENT");
		} else {
			ev.addPropertyWithValue("dtstart", utcValue(n.dueAt));
			ev.addPropertyWithValue("dtend", utcValue(new Date(n.dueAt.getTime() + TIMED_MINUTES * 60_000)));
		}
		ev.addPropertyWithValue("summary", feedSummary(n));
		const context = n.subject ? `Last: "${n.subject.slice(0, 200)}"\n` : "";
		ev.addPropertyWithValue("description", `${context}Open it: ${url}`);
		ev.addPropertyWithValue("url", url);
		cal.addSubcomponent(ev);
	}
	return cal.toString();
}
