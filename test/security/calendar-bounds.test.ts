/**
 * Issue 12, item 2: calendars cost bounded time and never leak between senders.
 * A VTIMEZONE that repeats every minute (or second) since 2020 is not expanded;
 * zones are never registered isolate-wide; IANA names come from Temporal; other
 * zones are read from their own calendar's YEARLY rules for the event's date.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { CALENDAR_LIMITS, readInvites } from "../../src/inbound/meeting-invite";
import { DOMAIN, inviteMime, send, signUp } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");

interface Zone {
	tzid: string;
	parts: { kind: "STANDARD" | "DAYLIGHT"; start: string; from: string; to: string; rrule?: string }[];
}

const vtimezone = (z: Zone) => [
	"BEGIN:VTIMEZONE",
	`TZID:${z.tzid}`,
	...z.parts.flatMap((p) => [
		`BEGIN:${p.kind}`,
		`DTSTART:${p.start}`,
		`TZOFFSETFROM:${p.from}`,
		`TZOFFSETTO:${p.to}`,
		...(p.rrule ? [`RRULE:${p.rrule}`] : []),
		`END:${p.kind}`,
	]),
	"END:VTIMEZONE",
];

function calendar(o: {
	zones?: Zone[];
	start: string;
	end?: string;
	uid?: string;
	events?: number;
	attendees?: number;
	extra?: string[];
}): string {
	const event = (n: number) => [
		"BEGIN:VEVENT",
		`UID:${o.uid ?? "evt"}-${n}@example.com`,
		`DTSTART${o.start}`,
		...(o.end ? [`DTEND${o.end}`] : []),
		"SUMMARY:Coffee",
		"ORGANIZER;CN=Pat:mailto:pat@example.com",
		...Array.from({ length: o.attendees ?? 1 }, (_, i) => `ATTENDEE;CN=Guest ${i}:mailto:g${i}@acme.example`),
		"END:VEVENT",
	];
	return [
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"METHOD:REQUEST",
		...(o.zones ?? []).flatMap(vtimezone),
		...(o.extra ?? []),
		...Array.from({ length: o.events ?? 1 }, (_, n) => event(n)).flat(),
		"END:VCALENDAR",
	].join("\r\n");
}

const read = (content: string) => readInvites([{ mimeType: "text/calendar", method: null, filename: null, content }]);
const startOf = (content: string) => read(content)[0]?.start?.toISOString() ?? null;

/** A zone that changes every `freq` since 2020: ical.js expanded it up to the event, one onset at a time. */
const attackZone = (freq: string): Zone => ({
	tzid: "Evil/Zone",
	parts: [{ kind: "STANDARD", start: "20200101T000000", from: "+0000", to: "+0100", rrule: `FREQ=${freq}` }],
});

const PACIFIC: Zone = {
	tzid: "Pacific Standard Time",
	parts: [
		{
			kind: "STANDARD",
			start: "16010101T020000",
			from: "-0700",
			to: "-0800",
			rrule: "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
		},
		{
			kind: "DAYLIGHT",
			start: "16010101T020000",
			from: "-0800",
			to: "-0700",
			rrule: "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
		},
	],
};
const SYDNEY: Zone = {
	tzid: "AUS Eastern Standard Time",
	parts: [
		{
			kind: "STANDARD",
			start: "16010101T030000",
			from: "+1100",
			to: "+1000",
			rrule: "FREQ=YEARLY;BYDAY=1SU;BYMONTH=4",
		},
		{
			kind: "DAYLIGHT",
			start: "16010101T020000",
			from: "+1000",
			to: "+1100",
			rrule: "FREQ=YEARLY;BYDAY=1SU;BYMONTH=10",
		},
	],
};

describe("VTIMEZONE rules are read for the event's date, not expanded", () => {
	it.each(["MINUTELY", "SECONDLY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY"])(
		"FREQ=%s since 2020: unusable, read as floating, in well under 1 s",
		(freq) => {
			const started = Date.now();
			const start = startOf(calendar({ zones: [attackZone(freq)], start: ";TZID=Evil/Zone:20261203T100000" }));
			const ms = Date.now() - started;
			console.log(`VTIMEZONE FREQ=${freq} since 2020: ${ms} ms`);
			expect(start).toBe("2026-12-03T10:00:00.000Z");
			expect(ms).toBeLessThan(1000);
		},
	);

	it.each([
		// [DTSTART, UTC instant, zone]
		["20261203T100000", "2026-12-03T18:00:00.000Z", PACIFIC],
		["20260701T100000", "2026-07-01T17:00:00.000Z", PACIFIC],
		["20260307T100000", "2026-03-07T18:00:00.000Z", PACIFIC],
		["20260308T100000", "2026-03-08T17:00:00.000Z", PACIFIC],
		["20261101T100000", "2026-11-01T18:00:00.000Z", PACIFIC],
		["20260115T100000", "2026-01-14T23:00:00.000Z", SYDNEY],
		["20260615T100000", "2026-06-15T00:00:00.000Z", SYDNEY],
	] as const)("%s in a YEARLY-rule zone is %s", (local, utc, zone) => {
		expect(startOf(calendar({ zones: [zone], start: `;TZID=${zone.tzid}:${local}` }))).toBe(utc);
	});

	it("an IANA TZID is Temporal's, whatever the sender's VTIMEZONE for it says", () => {
		const liar: Zone = {
			tzid: "Europe/Berlin",
			parts: [{ kind: "STANDARD", start: "19700101T000000", from: "+1400", to: "+1400" }],
		};
		expect(startOf(calendar({ zones: [liar], start: ";TZID=Europe/Berlin:20261203T100000" }))).toBe(
			"2026-12-03T09:00:00.000Z",
		);
		expect(startOf(calendar({ start: ";TZID=America/New_York:20260701T100000" }))).toBe("2026-07-01T14:00:00.000Z");
	});

	it("one calendar's VTIMEZONE never changes another's times, and nothing is registered isolate-wide", () => {
		const plus5: Zone = {
			tzid: "Shared/Zone",
			parts: [{ kind: "STANDARD", start: "19700101T000000", from: "+0500", to: "+0500" }],
		};
		expect(startOf(calendar({ zones: [plus5], start: ";TZID=Shared/Zone:20261203T100000" }))).toBe(
			"2026-12-03T05:00:00.000Z",
		);
		// A second sender names the same zone without defining it: floating, not the first sender's +05:00.
		expect(startOf(calendar({ start: ";TZID=Shared/Zone:20261203T100000" }))).toBe("2026-12-03T10:00:00.000Z");
		expect(ICAL.TimezoneService.has("Shared/Zone")).toBe(false);
		expect(ICAL.TimezoneService.has("Pacific Standard Time")).toBe(false);
	});

	it("UTC, floating, dates and durations", () => {
		const [utc] = read(calendar({ start: ":20261203T100000Z", end: ":20261203T110000Z" }));
		expect([utc?.start?.toISOString(), utc?.end?.toISOString()]).toEqual([
			"2026-12-03T10:00:00.000Z",
			"2026-12-03T11:00:00.000Z",
		]);
		const [day] = read(calendar({ start: ";VALUE=DATE:20261203" }));
		expect([day?.start?.toISOString(), day?.end?.toISOString()]).toEqual([
			"2026-12-03T00:00:00.000Z",
			"2026-12-04T00:00:00.000Z",
		]);
		const [lasting] = read(
			calendar({ start: ":20261203T100000Z", extra: [] }).replace("SUMMARY", "DURATION:PT90M\r\nSUMMARY"),
		);
		expect(lasting?.end?.toISOString()).toBe("2026-12-03T11:30:00.000Z");
	});
});

describe("calendar bounds", () => {
	const filler = (n: number) => Array.from({ length: n }, (_, i) => `X-FILLER-${i}:x`);
	it.each([
		["lines", 0, { start: ":20261203T100000Z", extra: filler(CALENDAR_LIMITS.lines) }],
		[
			"components",
			0,
			{
				start: ":20261203T100000Z",
				extra: Array.from({ length: CALENDAR_LIMITS.components }, () => ["BEGIN:X-C", "END:X-C"]).flat(),
			},
		],
		["events", CALENDAR_LIMITS.events, { start: ":20261203T100000Z", events: CALENDAR_LIMITS.events + 5 }],
	] as const)("over the %s bound: %i invites read", (_label, expected, o) => {
		expect(read(calendar(o))).toHaveLength(expected);
	});

	it(`at most ${CALENDAR_LIMITS.attendees} attendees of an event are read`, () => {
		const [invite] = read(calendar({ start: ":20261203T100000Z", attendees: CALENDAR_LIMITS.attendees + 50 }));
		expect(invite?.attendees).toHaveLength(CALENDAR_LIMITS.attendees);
	});

	it("attendee names are capped and cleaned like any display name", () => {
		const content = calendar({ start: ":20261203T100000Z" }).replace(
			"CN=Guest 0",
			`CN="Ann http://evil.example/win ${"x".repeat(300)}"`,
		);
		const name = read(content)[0]?.attendees[0]?.name ?? "";
		expect(name.startsWith("Ann x")).toBe(true);
		expect(name).not.toContain("http");
		expect([...name].length).toBeLessThanOrEqual(80);
	});
});

describe("the issue's invite, through email()", () => {
	const invite = (from: string, auth: boolean) => ({
		from,
		auth,
		to: `Someone <someone@${DOMAIN}>`,
		subject: "Invitation: Coffee",
		mime: inviteMime(
			"Coffee",
			"REQUEST",
			calendar({
				zones: [attackZone("MINUTELY")],
				start: ";TZID=Evil/Zone:20261203T100000",
				end: ";TZID=Evil/Zone:20261203T110000",
			}).replace("mailto:pat@example.com", `mailto:${from}`),
		),
	});

	it("unauthenticated (1 KB, MINUTELY since 2020): refused before its calendar is read, in under 1 s", async () => {
		const started = Date.now();
		const r = await send(invite("eve@evil.example", false), T);
		const ms = Date.now() - started;
		console.log(`email(): unauthenticated MINUTELY invite → ${r.outcome.outcome} ${r.outcome.reason} in ${ms} ms`);
		expect(r.outcome).toMatchObject({ outcome: "rejected", reason: "unauthenticated_no_results" });
		expect(ms).toBeLessThan(1000);
	});

	it("authenticated, from a user: read with its zone unusable, in under 1 s", async () => {
		const user = "cal-bounds@example.com";
		await signUp(user, T);
		const started = Date.now();
		const r = await send(invite(user, true), T);
		const ms = Date.now() - started;
		console.log(`email(): a user's MINUTELY invite → ${r.outcome.outcome} ${r.outcome.reason} in ${ms} ms`);
		expect(r.outcome.outcome).toBe("accepted");
		expect(ms).toBeLessThan(1000);
	});
});
