/**
 * Calendar invites (text/calendar, from Google, Outlook, Teams…): parsed with
 * ical.js into jCal, then read here. Times go through calendar-zone.ts, never
 * through ical.js's zone registry or RRULE expansion. Bounded: a calendar of
 * more than CALENDAR_LIMITS lines or components is not read at all, and at most
 * CALENDAR_LIMITS.events events and .attendees attendees each are.
 */
import ICAL from "ical.js";
import { boundedDisplayName } from "../lib/display-name";
import { logRecovered } from "../lib/log";
import type { MailAddress } from "../mail/mail-address";
import { readZone, toInstant, type VZone } from "./calendar-zone";

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

export const CALENDAR_LIMITS = { lines: 5_000, components: 200, events: 20, attendees: 100, zones: 20 } as const;

type JProp = [string, Record<string, unknown>, string, ...unknown[]];
type JComp = [string, JProp[], JComp[]];

const isCalendar = (p: { mimeType: string; filename: string | null }) =>
	p.mimeType === "text/calendar" ||
	p.mimeType === "application/ics" ||
	(p.filename ?? "").toLowerCase().endsWith(".ics");

const mailto = (value: unknown, name: unknown): MailAddress | null => {
	const v =
		typeof value === "string"
			? value
					.trim()
					.replace(/^mailto:/i, "")
					.trim()
					.toLowerCase()
			: "";
	if (!v.includes("@") || v.length > 320) return null;
	return { address: v, name: typeof name === "string" ? boundedDisplayName(name) : "" };
};

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** Within the bounds? Counted on the raw text, before ical.js sees it. */
function withinBounds(content: string): boolean {
	let lines = 1;
	let components = 0;
	for (let i = content.indexOf("\n"); i >= 0; i = content.indexOf("\n", i + 1)) {
		if (++lines > CALENDAR_LIMITS.lines) return false;
		if (content.startsWith("BEGIN:", i + 1) || content.startsWith("begin:", i + 1)) {
			if (++components > CALENDAR_LIMITS.components) return false;
		}
	}
	return true;
}

function readEvent(vevent: JComp, method: string, zones: ReadonlyMap<string, VZone>): MeetingInvite {
	const props = vevent[1];
	const first = (key: string) => props.find((p) => p[0] === key);
	const instant = (p: JProp | undefined) => {
		const tzid = p?.[1].tzid;
		return p ? toInstant(p[3], typeof tzid === "string" ? tzid.slice(0, 100) : null, zones) : null;
	};
	const startProp = first("dtstart");
	const start = instant(startProp);
	let end = instant(first("dtend"));
	if (!end && start) {
		const duration = first("duration")?.[3];
		let seconds = startProp?.[2] === "date" ? 86_400 : 0;
		if (typeof duration === "string") {
			try {
				seconds = ICAL.Duration.fromString(duration).toSeconds();
			} catch (err) {
				logRecovered("parse_fallback", err, {
					where: "ical.js DURATION",
					input: duration.slice(0, 64),
					fallback: "the event ends when it starts",
				});
			}
		}
		end = new Date(start.getTime() + seconds * 1000);
	}
	const organizer = first("organizer");
	return {
		method,
		uid: text(first("uid")?.[3]).slice(0, 1000),
		summary: text(first("summary")?.[3]).slice(0, 1000),
		start,
		end,
		organizer: organizer ? mailto(organizer[3], organizer[1].cn) : null,
		attendees: props
			.filter((p) => p[0] === "attendee")
			.slice(0, CALENDAR_LIMITS.attendees)
			.map((p) => mailto(p[3], p[1].cn))
			.filter((a): a is MailAddress => a !== null),
	};
}

function readCalendar(content: string, fallbackMethod: string | null): MeetingInvite[] {
	if (!withinBounds(content)) return [];
	let parsed: unknown;
	try {
		parsed = ICAL.parse(content);
	} catch (err) {
		logRecovered("parse_fallback", err, { where: "ical.js", fallback: "no invite" });
		return [];
	}
	const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as JComp[];
	return roots.flatMap((root) => {
		if (!Array.isArray(root) || root[0] !== "vcalendar") return [];
		// This calendar's own zones, for its own times only.
		const zones = new Map<string, VZone>();
		for (const c of root[2].filter((c) => c[0] === "vtimezone").slice(0, CALENDAR_LIMITS.zones)) {
			const tzid = c[1].find((p) => p[0] === "tzid")?.[3];
			if (typeof tzid === "string") zones.set(tzid, readZone(c[2]));
		}
		const method = text(root[1].find((p) => p[0] === "method")?.[3]) || fallbackMethod || "";
		return root[2]
			.filter((c) => c[0] === "vevent")
			.slice(0, CALENDAR_LIMITS.events)
			.map((e) => readEvent(e, method.toUpperCase(), zones));
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
