/**
 * Conformance over ../shared/corpus/forward: every case's Date line, as the inline
 * forward reader finds it, read to the instant it names, in three timezones. The
 * fixtures are a few messages written by each client in many languages, so the
 * expectations are per client and variant, derived by hand from the texts
 * ("26. října 2021 14:25:08 GMT+3" and "26 oktober 2021 14:25:08 EEST" are one
 * instant); a text without an offset is wall-clock time in the user's zone.
 */
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { forwardedDate } from "../../src/inbound/forwarded-date";
import { readInlineForward } from "../../src/inbound/forwarded-message";
import { corpus } from "../support/corpus";

const NOW = new Date("2026-11-23T14:15:00Z");
const ZONES = ["America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo"];
const forward = corpus?.forward ?? null;
if (!forward) console.log("[corpus] forward/ is absent: forward date conformance skipped.");

/** `at`: written with an offset or a known zone; `local`: wall-clock time; null: the fixture has no Date line. */
type Want = { at: string } | { local: string } | null;

const APRIL_2023: Want = { local: "2023-04-06T16:17" };
const APPLE_EN: Want = { at: "2021-10-25T11:17:21+03:00" };
/** By client, then variant ("common" is every language's own text of the same message). */
const EXPECTED: Record<string, Record<string, Want>> = {
	apple_mail: {
		common: { at: "2021-10-26T14:25:08+03:00" },
		variant_1: APPLE_EN,
		variant_2: APPLE_EN,
		variant_3: APPLE_EN,
		variant_5: APPLE_EN,
		variant_6: { at: "2021-07-16T19:24:14+02:00" },
		variant_7: { at: "2021-07-16T19:24:14+02:00" },
		variant_13: { at: "2022-08-17T09:06:24+02:00" },
	},
	gmail: { common: { local: "2021-10-27T09:31" }, variant_14: APRIL_2023, variant_15: APRIL_2023 },
	hubspot: { common: { at: "2022-09-19T17:55:44-04:00" } },
	ionos_one_and_one: { common: { at: "2023-02-10T16:52:00-05:00" } },
	mailmate: { common: { at: "2021-10-27T09:31:00Z" } },
	missive: {
		common: { local: "2022-07-19T15:09" },
		variant_1: { local: "2022-07-19T15:36" },
		variant_2: { local: "2022-07-19T15:36" },
		variant_3: { local: "2022-07-01T17:03" },
	},
	new_outlook_2019: { common: { local: "2021-10-28T12:46" }, variant_14: APRIL_2023, variant_15: APRIL_2023 },
	outlook_2013: { common: { local: "2021-10-25T11:17" } },
	outlook_2019: { common: { local: "2021-10-28T12:46" } },
	outlook_live: { common: { local: "2021-10-27T15:14" }, variant_14: APRIL_2023, variant_15: APRIL_2023 },
	thunderbird: { common: { at: "2021-11-03T15:51:30+01:00" }, variant_14: APRIL_2023, variant_15: APRIL_2023 },
	unknown: { variant_12: { local: "2022-07-23T07:53" } },
	yahoo: { common: { at: "2021-11-02T09:26:50+01:00" } },
};
/** Cases whose text differs from the rest of their client's: read off each fixture. */
const BY_ID: Record<string, Want> = {
	apple_mail_en_body: APPLE_EN,
	hubspot_fr_body: { at: "2022-09-19T15:20:05+02:00" },
	"new_outlook_2019_cs_body+new_outlook_2019_cs_subject": { local: "2021-10-28T12:06" },
	"new_outlook_2019_da_body+new_outlook_2019_da_subject": { local: "2021-10-28T12:06" },
	"new_outlook_2019_fi_body+new_outlook_2019_fi_subject": { local: "2021-10-28T12:06" },
	"new_outlook_2019_fr_body+new_outlook_2019_fr_subject": { local: "2021-10-28T12:06" },
	"new_outlook_2019_nl_body+new_outlook_2019_nl_subject": { local: "2021-10-28T12:06" },
};

function want(c: { id: string; client: string; variant: string }): Want {
	if (c.id in BY_ID) return BY_ID[c.id] ?? null;
	// Variant 4 of every client is not a forward (the corpus' negatives): no Date line.
	if (c.variant === "variant_4") return null;
	const byVariant = EXPECTED[c.client] ?? {};
	// Other English variants are the common message laid out otherwise (Apple Mail's are listed).
	const found = byVariant[c.variant] ?? byVariant.common;
	if (found === undefined) throw new Error(`no expectation for ${c.id}`);
	return found;
}

function instant(w: Exclude<Want, null>, tz: string): string {
	if ("at" in w) return new Date(w.at).toISOString();
	const z = Temporal.PlainDateTime.from(w.local).toZonedDateTime(tz, { disambiguation: "compatible" });
	return new Date(z.epochMilliseconds).toISOString();
}

describe.runIf(forward !== null)("forward corpus: each Date line read to its instant", () => {
	const cases = forward?.cases ?? [];

	it("reads every Date line the corpus has (196 of 206 cases have one)", () => {
		let lines = 0;
		let read = 0;
		for (const c of cases) {
			const subject = c.subject_file ? (forward?.files[c.subject_file] ?? "").trim() : null;
			const fwd = readInlineForward(forward?.files[c.body_file] ?? "", subject);
			if (!fwd?.dateText) continue;
			lines++;
			if (forwardedDate(fwd, "Europe/Berlin", NOW)) read++;
		}
		expect({ lines, read }).toEqual({ lines: 196, read: 196 });
	});

	it.for(cases.flatMap((c) => ZONES.map((tz) => [c.id, tz] as const)))("%s in %s", ([id, tz]) => {
		const c = cases.find((x) => x.id === id);
		if (!c || !forward) throw new Error("case missing");
		const subject = c.subject_file ? (forward.files[c.subject_file] ?? "").trim() : null;
		const fwd = readInlineForward(forward.files[c.body_file] ?? "", subject);
		const w = want(c);
		if (w === null) {
			expect(fwd?.dateText ?? null).toBeNull();
			return;
		}
		expect(fwd, "a forward").not.toBeNull();
		expect(fwd && forwardedDate(fwd, tz, NOW)?.toISOString(), String(fwd?.dateText)).toBe(instant(w, tz));
	});
});
