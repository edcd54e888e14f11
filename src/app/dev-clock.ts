/**
 * The dev clock (DESIGN.md, "Local runtime contract"). In development a developer
 * may set the Worker's "now"; it is kept in D1 so that every request and isolate of
 * `wrangler dev` sees it. In any other environment it is never read: real time.
 */
import { eq } from "drizzle-orm";
import { type Clock, fixedClock, systemClock } from "../config/clock";
import type { Config } from "../config/env";
import type { Db } from "../db/client";
import { devClock } from "../db/schema";

const ROW = 1;

export interface DevClockSetting {
	/** The "now" that was set, epoch ms. */
	setTo: number;
	/** Real time when it was set, epoch ms. */
	setAt: number;
}

export interface DevClockRepo {
	read(): Promise<DevClockSetting | null>;
	set(setting: DevClockSetting): Promise<void>;
	clear(): Promise<void>;
}

export function createDevClockRepo(db: Db): DevClockRepo {
	return {
		async read() {
			const rows = await db.select().from(devClock).where(eq(devClock.id, ROW));
			const row = rows[0];
			return row ? { setTo: row.setTo, setAt: row.setAt } : null;
		},
		async set(setting) {
			await db
				.insert(devClock)
				.values({ id: ROW, ...setting })
				.onConflictDoUpdate({ target: devClock.id, set: setting });
		},
		async clear() {
			await db.delete(devClock).where(eq(devClock.id, ROW));
		},
	};
}

/** The set moment, running on with real time: set_to + (real now − set_at). */
export function runningClock(setting: DevClockSetting, real: Clock = systemClock): Clock {
	return { now: () => new Date(setting.setTo + (real.now().getTime() - setting.setAt)) };
}

/**
 * A cron call's `scheduledTime` when the caller gave no `time`: workerd fills in its
 * own now. Anything further than this from real time was asked for explicitly.
 */
const IMPLICIT_CRON_SLACK_MS = 1_000;

/**
 * The clock for one event. `scheduledTime` is a cron event's; a cron call that named a
 * time runs at it, one that did not runs at the dev clock's now (frozen for the tick).
 */
export async function eventClock(
	config: Config,
	db: Db,
	scheduledTime?: number,
	real: Clock = systemClock,
): Promise<Clock> {
	const base = scheduledTime === undefined ? real : fixedClock(scheduledTime);
	if (!config.isDevelopment) return base;
	if (scheduledTime !== undefined && Math.abs(scheduledTime - real.now().getTime()) > IMPLICIT_CRON_SLACK_MS) {
		return base;
	}
	const setting = await createDevClockRepo(db).read();
	if (!setting) return base;
	const clock = runningClock(setting, real);
	return scheduledTime === undefined ? clock : fixedClock(clock.now());
}
