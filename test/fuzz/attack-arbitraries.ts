/**
 * Generators for issue 12's attack shapes, each a recipe that builds its input
 * at any size (n units), so a test can read it at n and at 4n. Every recipe
 * draws its pieces at random; the unit repeated is the attack.
 */
import fc from "fast-check";

export interface Shape {
	/** What the recipe builds, for the failure message and the printed figures. */
	label: string;
	make: (n: number) => string;
}

const repeatTo = (n: number, units: readonly string[]) =>
	Array.from({ length: n }, (_, i) => units[i % units.length]).join("");

const year = fc.integer({ min: 1601, max: 2026 });
const two = (v: number) => String(v).padStart(2, "0");
const offset = fc.integer({ min: -12, max: 14 }).map((h) => `${h < 0 ? "-" : "+"}${two(Math.abs(h))}00`);

/** VTIMEZONEs whose observances repeat every minute or second since some year; each has an event in its zone. */
export const vtimezoneAttack: fc.Arbitrary<Shape> = fc
	.record({
		freq: fc.constantFrom("MINUTELY", "SECONDLY"),
		interval: fc.integer({ min: 1, max: 3 }),
		from: year,
		observances: fc.integer({ min: 1, max: 3 }),
		offsets: fc.tuple(offset, offset),
		ianaName: fc.boolean(),
	})
	.map(({ freq, interval, from, observances, offsets, ianaName }) => {
		const rrule = `RRULE:FREQ=${freq}${interval > 1 ? `;INTERVAL=${interval}` : ""}`;
		const zone = (k: number) => {
			const tzid = ianaName && k === 0 ? "Europe/Berlin" : `Evil Zone ${k}`;
			return [
				"BEGIN:VTIMEZONE",
				`TZID:${tzid}`,
				...Array.from({ length: observances }, (_, o) => {
					const kind = o % 2 ? "DAYLIGHT" : "STANDARD";
					return [
						`BEGIN:${kind}`,
						`DTSTART:${from}0101T0000${two(o)}`,
						`TZOFFSETFROM:${offsets[o % 2]}`,
						`TZOFFSETTO:${offsets[(o + 1) % 2]}`,
						rrule,
						`END:${kind}`,
					];
				}).flat(),
				"END:VTIMEZONE",
				"BEGIN:VEVENT",
				`UID:evt-${k}@evil.example`,
				`DTSTART;TZID=${tzid}:20261130T090000`,
				`DTEND;TZID=${tzid}:20261130T100000`,
				"SUMMARY:Coffee",
				"ORGANIZER;CN=Pat:mailto:pat@evil.example",
				"ATTENDEE;CN=Dee:mailto:dee@a3.example",
				"END:VEVENT",
			];
		};
		return {
			label: `VTIMEZONE ${rrule} from ${from}, ${observances} observance(s)${ianaName ? ", IANA TZID" : ""}`,
			make: (n: number) =>
				[
					"BEGIN:VCALENDAR",
					"VERSION:2.0",
					"METHOD:REQUEST",
					...Array.from({ length: n }, (_, k) => zone(k)).flat(),
					"END:VCALENDAR",
				].join("\r\n"),
		};
	});

const headerName = fc.constantFrom("From", "Sent", "To", "Cc", "Subject", "Date", "Reply-To", "Von", "De", "Envoyé");
const headerValue = fc.constantFrom(
	"Ann Lee <ann@acme.example>",
	"Monday, November 23, 2026 9:00 AM",
	"Dee Park <dee@a3.example>; Bob <bob@stone.example>",
	"Re: Coffee next week?",
	"",
	"x",
);

/** A reply made of header-like lines (From / Sent / To / Subject…), perhaps with text or quotes between them. */
export const headerLinesAttack: fc.Arbitrary<Shape> = fc
	.record({
		block: fc.array(
			fc.tuple(headerName, headerValue).map(([k, v]) => `${k}: ${v}`),
			{ minLength: 1, maxLength: 6 },
		),
		between: fc.constantFrom("", "text", "> quoted", "On Mon, 23 Nov 2026, Ann <ann@acme.example> wrote:"),
		eol: fc.constantFrom("\n", "\r\n"),
	})
	.map(({ block, between, eol }) => {
		const units = between ? [...block, between] : block;
		return {
			label: `reply of header-like lines ${JSON.stringify(units.slice(0, 2))}… (${units.length} per block)`,
			make: (n: number) => Array.from({ length: n }, (_, i) => units[i % units.length]).join(eol),
		};
	});

/** HTML of many unclosed `<`, alone or opening tags, comments and attributes that never end. */
export const unclosedHtmlAttack: fc.Arbitrary<Shape> = fc
	.array(fc.constantFrom("<", "< ", "<a", "</", "<!--", "<!", '<p class="', "<br", "<script>", "<style>", "&lt", "x"), {
		minLength: 1,
		maxLength: 4,
	})
	.map((units) => ({ label: `HTML of ${JSON.stringify(units)} repeated`, make: (n: number) => repeatTo(n, units) }));

const commentText = fc.constantFrom("a", "domain of", "x;y", "dmarc=pass", " ", "\\)", "\\(", '"', "@");
/** Authentication-Results values of nested comments, quoted strings and quoted-pairs, the unit repeated. */
export const authResultsAttack: fc.Arbitrary<Shape> = fc
	.record({
		depth: fc.integer({ min: 1, max: 8 }),
		inner: commentText,
		quoted: fc.constantFrom('"a)b;dmarc=pass;c(d"', '"\\"\\\\\\""', '"a\\)b"', '"(("', '"'),
		closed: fc.boolean(),
		form: fc.constantFrom("nested", "results", "one comment", "one quoted string"),
	})
	.map(({ depth, inner, quoted, closed, form }) => {
		const comment = `${"(".repeat(depth)}${inner}${closed ? ")".repeat(depth) : ""}`;
		const head = "mx.cloudflare.net;";
		const make = (n: number): string => {
			switch (form) {
				case "nested":
					// One comment nested n deep.
					return `${head} spf=pass ${"(".repeat(n)}${inner}${closed ? ")".repeat(n) : ""} smtp.mailfrom=a@b.example`;
				case "results":
					return `${head}${repeatTo(n, [` spf=pass ${comment} smtp.mailfrom=${quoted}@evil.example;`])}`;
				case "one comment":
					return `${head} spf=pass (${repeatTo(n, [`${inner} ${quoted} `])}) smtp.mailfrom=a@b.example`;
				default:
					return `${head} spf=pass smtp.mailfrom="${repeatTo(n, ["\\\\", '\\"', inner])}"@evil.example`;
			}
		};
		return { label: `Authentication-Results, ${form}: ${make(1).slice(head.length, 80)}`, make };
	});

/** Long runs of CR LF, form feeds and other whitespace, maybe around a forward separator, for the forward reader. */
export const whitespaceRunAttack: fc.Arbitrary<Shape> = fc
	.record({
		units: fc.array(fc.constantFrom("\r\n", "\f", "\f\r\n", "\r", "\n", "\v", " ", "\t", "\u2028", "\u00a0", "> "), {
			minLength: 1,
			maxLength: 4,
		}),
		around: fc.constantFrom(
			"",
			"---------- Forwarded message ---------",
			"From: Ann <ann@acme.example>",
			"Begin forwarded message:",
		),
	})
	.map(({ units, around }) => ({
		label: `forward of ${JSON.stringify(units)} runs${around ? ` around "${around}"` : ""}`,
		make: (n: number) => `${around}${repeatTo(n, units)}${around}\nSubject: x\n${repeatTo(n, units)}body`,
	}));
