/** Calendar invites (text/calendar, from Google, Outlook, Teams…) read with ical.js. */
import ICAL from "ical.js";
import { logRecovered } from "../lib/log";
import type { MailAddress } from "../mail/mail-address";

export interface MeetingInvite {
	/** REQUEST, CANCEL, PUBLISH, REPLY… (upper case). */
	method: string;
	uid: string;
	summary: string;
	start: Date | null;
	end: Date | null;
	organizer: MailAddress | null;
	attendees: MailAddress[];
}

export interface CalendarPart {
	mimeType: string;
	/** The part's `method` parameter, when the calendar itself has no METHOD. */
	method: string | null;
	filename: string | null;
	content: string;
}

const isCalendar = (p: { mimeType: string; filename: string | null }) =>
	p.mimeType === "text/calendar" || p.mimeType === "application/ics" || /\.ics$/i.test(p.filename ?? "");

const mailto = (value: unknown, name: unknown): MailAddress | null => {
	const v =
		typeof value === "string"
			? value
					.replace(/^mailto:/i, "")
					.trim()
					.toLowerCase()
			: "";
	return v.includes("@") ? { address: v, name: typeof name === "string" ? name.trim() : "" } : null;
};

function readCalendar(text: string, fallbackMethod: string | null): MeetingInvite[] {
	let root: ICAL.Component;
	try {
		root = new ICAL.Component(ICAL.parse(text));
	} catch (err) {
		logRecovered("parse_fallback", err, { where: "ical.js", fallback: "no invite" });
		return [];
	}
	for (const tz of root.getAllSubcomponents("vtimezone")) {
		try {
			ICAL.TimezoneService.register(tz);
		} catch (err) {
			// An unusable VTIMEZONE leaves its times floating (read as UTC); the invite still counts.
			logRecovered("parse_fallback", err, { where: "ical.js VTIMEZONE", fallback: "times read as UTC" });
		}
	}
	const method = String(root.getFirstPropertyValue("method") ?? fallbackMethod ?? "").toUpperCase();
	return root.getAllSubcomponents("vevent").map((vevent) => {
		const event = new ICAL.Event(vevent);
		const organizerProp = vevent.getFirstProperty("organizer");
		return {
			method,
			uid: event.uid ?? "",
			summary: event.summary ?? "",
			start: event.startDate ? event.startDate.toJSDate() : null,
			end: event.endDate ? event.endDate.toJSDate() : event.startDate ? event.startDate.toJSDate() : null,
			organizer: organizerProp ? mailto(organizerProp.getFirstValue(), organizerProp.getParameter("cn")) : null,
			attendees: event.attendees
				.map((p) => mailto(p.getFirstValue(), p.getParameter("cn")))
				.filter((a): a is MailAddress => a !== null),
		};
	});
}

/** Every VEVENT in the mail's calendar parts (a part and its .ics twin count once). */
export function readInvites(parts: readonly CalendarPart[]): MeetingInvite[] {
	const invites: MeetingInvite[] = [];
	const seen = new Set<string>();
	for (const part of parts.filter(isCalendar)) {
		for (const invite of readCalendar(part.content, part.method)) {
			const key = `${invite.method}:${invite.uid}:${invite.start?.getTime()}`;
			if (!seen.has(key)) {
				seen.add(key);
				invites.push(invite);
			}
		}
	}
	return invites;
}
