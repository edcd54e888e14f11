/**
 * The user's settings from the dashboard form: validated, then saved in one
 * statement. Timezones accept an IANA name or a city; the digest time a clock
 * time ("7am", "07:30"); working days at least one weekday.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { parseClock, resolveTimezone } from "../time/settings-lines";

export interface SettingsInput {
	timezone: string;
	digestTime: string;
	mode: string;
	/** ISO weekdays 1 (Monday) … 7 (Sunday). */
	days: number[];
	/** Days before the first follow-up, and between the next ones. */
	followUpDays: string;
	followUpEvery: string;
}

const CADENCE_MAX_DAYS = 30;

export type SettingsResult =
	| {
			ok: true;
			saved: {
				timezone: string;
				digestMinutes: number;
				mode: "digest" | "instant";
				businessDays: number;
				followUpDays: number;
				followUpEvery: number;
			};
	  }
	| { ok: false; errors: Partial<Record<keyof SettingsInput, string>> };

export function validateSettings(input: SettingsInput): SettingsResult {
	const errors: Partial<Record<keyof SettingsInput, string>> = {};
	const timezone = resolveTimezone(input.timezone);
	if (!timezone) errors.timezone = `"${input.timezone}" is not a timezone we know. Try "Europe/Berlin" or a city.`;
	const digestMinutes = parseClock(input.digestTime);
	if (digestMinutes === null) errors.digestTime = 'Use a time like "8am" or "07:30".';
	if (input.mode !== "digest" && input.mode !== "instant") errors.mode = "Choose digest or instant.";
	const days = input.days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
	if (!days.length) errors.days = "Choose at least one day.";
	const cadence = (raw: string) => {
		const n = Number(raw);
		return Number.isInteger(n) && n >= 1 && n <= CADENCE_MAX_DAYS ? n : null;
	};
	const followUpDays = cadence(input.followUpDays);
	const followUpEvery = cadence(input.followUpEvery);
	if (followUpDays === null || followUpEvery === null)
		errors.followUpDays = `Follow-up days are whole numbers from 1 to ${CADENCE_MAX_DAYS}.`;
	if (
		!timezone ||
		digestMinutes === null ||
		followUpDays === null ||
		followUpEvery === null ||
		Object.keys(errors).length
	)
		return { ok: false, errors };
	return {
		ok: true,
		saved: {
			timezone,
			digestMinutes,
			mode: input.mode as "digest" | "instant",
			businessDays: days.reduce((mask, d) => mask | (1 << d), 0),
			followUpDays,
			followUpEvery,
		},
	};
}

export async function saveSettings(db: Db, userId: string, saved: Extract<SettingsResult, { ok: true }>["saved"]) {
	await db.update(users).set(saved).where(eq(users.id, userId));
}
