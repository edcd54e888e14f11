/**
 * What the local part we were sent to asks for (DESIGN.md, "Addresses").
 * Pure: `track+3d` → { kind: "track", delay: 3 days }. Dates are resolved later,
 * in the user's timezone (time/resolve-delay.ts).
 */
import type { Delay } from "../time/resolve-delay";

export type Route =
	| { kind: "track"; delay: Delay | null }
	| { kind: "intro" }
	| { kind: "met" }
	| { kind: "applied"; delay: Delay | null }
	| { kind: "remind"; delay: Delay | null }
	| { kind: "status" }
	| { kind: "help" }
	| { kind: "reply"; token: string }
	| { kind: "unknown"; localPart: string }
	| { kind: "other_domain"; domain: string };

const UNIT_DAYS: Record<string, number> = { d: 1, day: 1, days: 1, w: 7, wk: 7, wks: 7, week: 7, weeks: 7 };
const WEEKDAYS = "mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday";
const MONTHS =
	"jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december";
const TIME = "(\\d{1,2})(?:[:h.]?(\\d{2}))?(am|pm)?";
const DAY_WORD = new RegExp(`^(today|tomorrow|${WEEKDAYS})(?:-?${TIME})?$`);
const MONTH_DAY = new RegExp(`^(?:(${MONTHS})-?(\\d{1,2})|(\\d{1,2})-?(${MONTHS}))(?:-${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

const timePhrase = (h: string | undefined, m: string | undefined, ampm: string | undefined) =>
	h === undefined ? "" : ` ${h}:${m ?? "00"}${ampm ?? ""}`;

/** `3d`, `5days`, `1w`, `2weeks`, `monday`, `tomorrow`, `tomorrow4pm`, `jan15`, `15jan`. Null if not a delay. */
export function parseDelay(text: string): Delay | null {
	const s = text.toLowerCase();
	const n = s.match(/^(\d{1,3})(d|days?|w|wks?|weeks?)$/);
	if (n) {
		const days = Number(n[1]) * (UNIT_DAYS[n[2] ?? "d"] ?? 1);
		return days >= 1 && days <= 366 ? { kind: "days", days } : null;
	}
	const dw = s.match(DAY_WORD);
	if (dw) {
		const [, day, h, m, ampm] = dw;
		if (h !== undefined && !validTime(h, m, ampm)) return null;
		return { kind: "phrase", phrase: `${day}${timePhrase(h, m, ampm)}`, hasTime: h !== undefined };
	}
	const md = s.match(MONTH_DAY);
	if (md) {
		const month = md[1] ?? md[4];
		const day = Number(md[2] ?? md[3]);
		const [h, m, ampm] = [md[5], md[6], md[7]];
		if (day < 1 || day > 31 || (h !== undefined && !validTime(h, m, ampm))) return null;
		return { kind: "phrase", phrase: `${month} ${day}${timePhrase(h, m, ampm)}`, hasTime: h !== undefined };
	}
	const t = s.match(TIME_ONLY);
	if (t && t[3] !== undefined && validTime(t[1] ?? "", t[2], t[3])) {
		return { kind: "phrase", phrase: `today${timePhrase(t[1], t[2], t[3])}`, hasTime: true };
	}
	return null;
}

function validTime(h: string, m: string | undefined, ampm: string | undefined): boolean {
	const hour = Number(h);
	const minute = Number(m ?? "0");
	if (minute > 59) return false;
	return ampm ? hour >= 1 && hour <= 12 : hour <= 23;
}

const TOKEN = /^[a-z0-9]{16,64}$/;

/** Routes an envelope recipient. `mailDomain` is ours (e.g. followthrough.test). */
export function routeRecipient(recipient: string, mailDomain: string): Route {
	const at = recipient.lastIndexOf("@");
	const local = (at >= 0 ? recipient.slice(0, at) : recipient).trim().toLowerCase();
	const domain =
		at >= 0
			? recipient
					.slice(at + 1)
					.trim()
					.toLowerCase()
			: "";
	if (domain !== mailDomain.toLowerCase()) return { kind: "other_domain", domain };
	const plus = local.indexOf("+");
	const base = plus >= 0 ? local.slice(0, plus) : local;
	const arg = plus >= 0 ? local.slice(plus + 1) : null;
	const delayArg = arg === null ? null : parseDelay(arg);
	const unknown: Route = { kind: "unknown", localPart: local };
	if (arg !== null && arg !== "" && delayArg === null && base !== "r") return unknown;
	switch (base) {
		case "track":
			return { kind: "track", delay: delayArg };
		case "applied":
			return { kind: "applied", delay: delayArg };
		case "remind":
			return { kind: "remind", delay: delayArg };
		case "intro":
			return arg === null ? { kind: "intro" } : unknown;
		case "met":
		case "thanks":
			return arg === null ? { kind: "met" } : unknown;
		case "status":
			return arg === null ? { kind: "status" } : unknown;
		case "help":
			return arg === null ? { kind: "help" } : unknown;
		case "r":
			return arg !== null && TOKEN.test(arg) ? { kind: "reply", token: arg } : unknown;
	}
	const delay = arg === null ? parseDelay(base) : null;
	return delay ? { kind: "track", delay } : unknown;
}

/** The addresses, for replies to unknown local parts and help@. */
export function addressHelp(mailDomain: string): string {
	const a = (local: string) => `${local}@${mailDomain}`;
	return [
		`${a("track")}  BCC it on outreach, or forward an email: we follow up if there's no reply in 3 days`,
		`${a("3d")}, ${a("1w")}, ${a("monday")}, ${a("jan15")}, ${a("track+5d")}  the same, first follow-up after that delay`,
		`${a("intro")}  forward an introduction: reach out to the person today`,
		`${a("met")} (or ${a("thanks")})  you met these people: we remind you to send a thank-you note`,
		`${a("applied")}  you sent a résumé: we remind you to confirm it arrived after 5 business days`,
		`${a("remind")}, ${a("remind+3d")}  a plain reminder about this email`,
		`${a("status")}  what's pending;  ${a("help")}  this list and the reply commands`,
	].join("\n");
}
