/**
 * A mail client's Date line, in every language and form the forward corpus shows
 * (and a few more), read to the right instant in three timezones: wall-clock texts
 * in the user's zone, texts with an offset or a known zone at it.
 */
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { readHeaderDate } from "../../src/time/header-date";
import { MONTH_NAMES, WEEKDAY_NAMES } from "../../src/time/month-names";

const ZONES = ["America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo"] as const;

/** `at`: an instant written with its offset (the same in every zone); `local`: wall-clock time in the user's zone. */
type Want = { at: string } | { local: string };

function expected(want: Want, tz: string): string {
	if ("at" in want) return new Date(want.at).toISOString();
	const z = Temporal.PlainDateTime.from(want.local).toZonedDateTime(tz, { disambiguation: "compatible" });
	return new Date(z.epochMilliseconds).toISOString();
}

const CASES: [string, string, Want][] = [
	["en Gmail", "Mon, Nov 23, 2026 at 8:02 AM", { local: "2026-11-23T08:02" }],
	["en Gmail, no 'at'", "Mon, Nov 23, 2026 8:02 AM", { local: "2026-11-23T08:02" }],
	["en Outlook, PM", "Monday, November 23, 2026 8:02 PM", { local: "2026-11-23T20:02" }],
	["en 12 AM is midnight", "Nov 23, 2026, 12:15 AM", { local: "2026-11-23T00:15" }],
	["en 12 PM is noon", "Nov 23, 2026, 12:15 p.m.", { local: "2026-11-23T12:15" }],
	["en-GB", "23 November 2026 at 08:02", { local: "2026-11-23T08:02" }],
	["en, summer (old code used the offset of now)", "Tue, Jul 14, 2026 at 9:00 AM", { local: "2026-07-14T09:00" }],
	["en, no time: midnight", "23 Nov 2026", { local: "2026-11-23T00:00" }],
	["time before the date", "08:02, 23 Nov 2026 +0100", { at: "2026-11-23T08:02:00+01:00" }],
	["time and zone before the date", "08:02 +0100, 23 Nov 2026", { at: "2026-11-23T08:02:00+01:00" }],
	["RFC 5322", "Mon, 23 Nov 2026 08:02:00 +0100", { at: "2026-11-23T08:02:00+01:00" }],
	["RFC 5322, -04:00", "Mon, 23 Nov 2026 08:02:09 -04:00", { at: "2026-11-23T08:02:09-04:00" }],
	["ISO from an attached message", "2026-11-23T07:02:00.000Z", { at: "2026-11-23T07:02:00Z" }],
	["US figures and EST", "02/10/2026 4:52 PM EST", { at: "2026-02-10T16:52:00-05:00" }],
	["US figures, day over 12", "04/13/2026 10:00", { local: "2026-04-13T10:00" }],
	["day over 12, slashes", "13/04/2026 10:00", { local: "2026-04-13T10:00" }],
	["two-digit year", "23/11/26, 08:02", { local: "2026-11-23T08:02" }],
	["de", "Montag, 23. November 2026 um 08:02 Uhr", { local: "2026-11-23T08:02" }],
	["de Gmail", "Mo., 23. Nov. 2026 um 08:02", { local: "2026-11-23T08:02" }],
	["de figures", "23.11.2026 08:02", { local: "2026-11-23T08:02" }],
	["de OESZ", "23. Oktober 2026 um 14:25:08 OESZ", { at: "2026-10-23T14:25:08+03:00" }],
	["de MESZ", "1. Juli 2026 14:00 MESZ", { at: "2026-07-01T14:00:00+02:00" }],
	["de-AT Jänner", "5. Jänner 2026 10:00", { local: "2026-01-05T10:00" }],
	["fr", "lun. 23 nov. 2026 à 08:02", { local: "2026-11-23T08:02" }],
	["fr UTC+1", "23 novembre 2026 à 08:02 UTC+1", { at: "2026-11-23T08:02:00+01:00" }],
	["fr août", "17 août 2026 à 09:06:24 UTC+2", { at: "2026-08-17T09:06:24+02:00" }],
	["es", "lun, 23 nov 2026 a las 8:02", { local: "2026-11-23T08:02" }],
	["es CET", "23 de noviembre de 2026, 8:02 CET", { at: "2026-11-23T08:02:00+01:00" }],
	["es p. m.", "23 de noviembre de 2026, 8:02 p. m.", { local: "2026-11-23T20:02" }],
	["it", "lun 23 nov 2026 alle ore 08:02", { local: "2026-11-23T08:02" }],
	["pt-BR", "seg., 23 de nov. de 2026 às 08:02", { local: "2026-11-23T08:02" }],
	["pt", "segunda-feira, 23/11/2026 à(s) 08:02", { local: "2026-11-23T08:02" }],
	["nl", "ma 23 nov. 2026 om 08:02", { local: "2026-11-23T08:02" }],
	["nl figures with dashes", "23-11-2026 08:02", { local: "2026-11-23T08:02" }],
	["sv", "mån 23 nov. 2026 kl 08:02", { local: "2026-11-23T08:02" }],
	["da", "man. 23. nov. 2026 kl. 08.02", { local: "2026-11-23T08:02" }],
	["da seconds with dots", "tirsdag den 3. november 2026 09.26.50 CET", { at: "2026-11-03T09:26:50+01:00" }],
	["nb desember", "1. desember 2025 kl. 08:02", { local: "2025-12-01T08:02" }],
	["fi Gmail", "ma 23. marrask. 2026 klo 8.02", { local: "2026-11-23T08:02" }],
	["fi UTC+2", "23. marraskuuta 2026 klo 8.02.05 UTC+2", { at: "2026-11-23T08:02:05+02:00" }],
	["et", "E, 23. november 2026 kell 08:02", { local: "2026-11-23T08:02" }],
	["cs Gmail figures", "po 23. 11. 2026 v 8:02", { local: "2026-11-23T08:02" }],
	["cs", "23. listopadu 2026 8:02", { local: "2026-11-23T08:02" }],
	["cs GMT+3", "26. října 2026 14:25:08 GMT+3", { at: "2026-10-26T14:25:08+03:00" }],
	["cs SELČ", "úterý 2. června 2026 9:26:50 SELČ", { at: "2026-06-02T09:26:50+02:00" }],
	["cs weekday tells lis is November", "po 23. lis 2026 v 8:02", { local: "2026-11-23T08:02" }],
	["sk SEČ", "23. novembra 2026, 08:02 SEČ", { at: "2026-11-23T08:02:00+01:00" }],
	["pl lis is November", "pon., 23 lis 2026 o 08:02", { local: "2026-11-23T08:02" }],
	["pl listopada is November", "23 listopada 2026 o 08:02", { local: "2026-11-23T08:02" }],
	["pl lipca", "15 lipca 2026 o 08:02", { local: "2026-07-15T08:02" }],
	["hr listopada is October", "23. listopada 2026. u 08:02", { local: "2026-10-23T08:02" }],
	["hr weekday tells lis is October", "pet, 23. lis 2026. u 08:02", { local: "2026-10-23T08:02" }],
	["hr lip is June", "pon, 15. lip 2026. u 08:02", { local: "2026-06-15T08:02" }],
	["hu", "2026. november 23., hétfő 8:02", { local: "2026-11-23T08:02" }],
	["hu CET", "2026. nov. 23. 8:02 CET", { at: "2026-11-23T08:02:00+01:00" }],
	["ro", "lun., 23 nov. 2026 la 08:02", { local: "2026-11-23T08:02" }],
	["ro EET", "23 noiembrie 2026, 08:02 EET", { at: "2026-11-23T08:02:00+02:00" }],
	["tr", "23 Kas 2026 Pzt, 08:02", { local: "2026-11-23T08:02" }],
	["tr GMT+3", "23 Kasım 2026 Pazartesi 08:02:00 GMT+3", { at: "2026-11-23T08:02:00+03:00" }],
	["ru", "пн, 23 нояб. 2026 г. в 08:02", { local: "2026-11-23T08:02" }],
	["ru MSK", "23 ноября 2026 г. в 08:02 MSK", { at: "2026-11-23T08:02:00+03:00" }],
	["uk", "пн, 23 лист. 2026 р. о 08:02", { local: "2026-11-23T08:02" }],
	["ja", "2026年11月23日月曜日 8:02", { local: "2026-11-23T08:02" }],
	["ja 午後", "2026年11月23日 午後8:02", { local: "2026-11-23T20:02" }],
	["ko 오후", "2026년 11월 23일 (월) 오후 8:02", { local: "2026-11-23T20:02" }],
	["ja figures", "2026/11/23 8:02", { local: "2026-11-23T08:02" }],
	// Hours written in other ways (review of this reader: each read as midnight before).
	["en hour and PM, no minutes", "Nov 24 2026 2 PM", { local: "2026-11-24T14:00" }],
	["en hour and pm, run together", "Tue, Nov 24, 2026 at 2pm", { local: "2026-11-24T14:00" }],
	["fr 14h30", "24 nov. 2026 14h30", { local: "2026-11-24T14:30" }],
	["fr 08 h 02", "23 novembre 2026 08 h 02", { local: "2026-11-23T08:02" }],
	["24-hour time with PM", "Tue, 24 Nov 2026 14:00 PM", { local: "2026-11-24T14:00" }],
	["0 with AM", "Nov 24, 2026 0:05 AM", { local: "2026-11-24T00:05" }],
	["a time before the date, and a date after it", "klo 14.25.08 26.10.2021", { local: "2021-10-26T14:25:08" }],
	["two-digit year 99 is 1999", "12/31/99 10:00 EST", { at: "1999-12-31T10:00:00-05:00" }],
	["fr 20h", "23 Nov 2026 at 20h", { local: "2026-11-23T20:00" }],
	["fr à 8 h", "23 nov. 2026 à 8 h", { local: "2026-11-23T08:00" }],
	["de 8 Uhr", "23.11.2026 um 8 Uhr", { local: "2026-11-23T08:00" }],
	["ja 20時02分", "2026年11月23日 20時02分", { local: "2026-11-23T20:02" }],
	["ja figures 20時", "2026/11/23 20時", { local: "2026-11-23T20:00" }],
	["ko 오후 8시 2분", "2026년 11월 23일 (월) 오후 8시 2분", { local: "2026-11-23T20:02" }],
	[
		"figures and an hour in a form not read: the day, from its start",
		"23/11/2026 9 o'clock",
		{ local: "2026-11-23T00:00" },
	],
	[
		"an abbreviation of several zones (CST): the user's timezone",
		"Nov 23, 2026, 8:02 AM CST",
		{
			local: "2026-11-23T08:02",
		},
	],
];

describe("readHeaderDate", () => {
	for (const tz of ZONES) {
		it.each(CASES)(`${tz}: %s %j`, (_label, text, want) => {
			const r = readHeaderDate(text, tz);
			expect(r.kind === "date" ? r.at.toISOString() : r).toBe(expected(want, tz));
		});
	}

	it.each([
		["figures that read both ways", "03/04/2026 10:00"],
		["figures that read both ways, a zone of no month-first country", "03/04/2026 10:00 CET"],
		["lis with a day dot and no weekday: Croatian October or Czech November", "27. lis 2026 8:02"],
	])("%s (%j) is ambiguous", (_label, text) => {
		expect(readHeaderDate(text, "Europe/Berlin")).toEqual({ kind: "ambiguous" });
	});

	it.each([
		["a day that does not exist", "31 February 2026 10:00", []],
		["a year before mail", "1 Jan 1900 10:00", []],
		["no date", "sometime last week-ish?", []],
		["a time is not a date", "14.25.08", []],
		["no year: the month's languages, for a fallback", "Mon, Nov 23 at 8:02 AM", ["en", "de", "fr", "es", "it"]],
		["nothing past 200 characters is read", `${"x".repeat(200)} 23 Nov 2026`, []],
	])("%s (%j) is unread", (_label, text, languages) => {
		const r = readHeaderDate(text, "Europe/Berlin");
		expect(r.kind).toBe("unread");
		if (r.kind === "unread") for (const l of languages) expect(r.languages).toContain(l);
		if (r.kind === "unread" && languages.length === 0) expect(r.languages).toEqual([]);
	});
});

describe("readHeaderDate on shuffled date parts", () => {
	const PARTS = [
		"26",
		"2021",
		"10",
		"9",
		"31",
		".",
		",",
		"/",
		"-",
		":",
		"+",
		"−",
		"0300",
		"GMT",
		"EEST",
		"CST",
		"PM",
		"a.",
		"m.",
		"října",
		"listopada",
		"lis",
		"sri",
		"Oct",
		"mar",
		"de",
		"kl.",
		"年",
		"月",
		"日",
		"午後",
		" ",
		"  ",
		"x",
	];
	/** mulberry32: the same strings every run. */
	let seed = 42;
	const rand = () => {
		seed = (seed + 0x6d2b79f5) >>> 0;
		let t = seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};

	it("never throws and gives only real instants", () => {
		for (let n = 0; n < 3000; n++) {
			const text = Array.from(
				{ length: 1 + Math.floor(rand() * 14) },
				() => PARTS[Math.floor(rand() * PARTS.length)],
			).join(rand() < 0.5 ? " " : "");
			const r = readHeaderDate(text, "Europe/Berlin");
			if (r.kind === "date") expect(Number.isFinite(r.at.getTime()), text).toBe(true);
			else expect(["ambiguous", "unread"], text).toContain(r.kind);
		}
	});
});

describe("month-names data", () => {
	const entries = Object.entries(MONTH_NAMES);

	it("has 12 months in every language, and no empty form", () => {
		for (const [lang, line] of entries) {
			const months = line.split("|");
			expect(months, lang).toHaveLength(12);
			for (const m of months)
				expect(
					m.split(" ").every((f) => f.length > 0 && !/[\d.]/.test(f)),
					`${lang} ${m}`,
				).toBe(true);
		}
	});

	it("names weekdays for every language whose month words collide with another's", () => {
		const byWord = new Map<string, Map<string, number>>();
		for (const [lang, line] of entries)
			line.split("|").forEach((forms, i) => {
				for (const f of forms.split(" ")) byWord.set(f, (byWord.get(f) ?? new Map()).set(lang, i + 1));
			});
		const colliding = new Set<string>();
		for (const langs of byWord.values())
			if (new Set(langs.values()).size > 1) for (const l of langs.keys()) colliding.add(l);
		expect([...colliding].sort()).toEqual(Object.keys(WEEKDAY_NAMES).sort());
	});
});
