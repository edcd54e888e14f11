/** The only way application code learns the time. Tests and cron pass a fixed one. */
export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | number): Clock {
	const ms = typeof at === "number" ? at : at.getTime();
	return { now: () => new Date(ms) };
}
