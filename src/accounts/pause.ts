/**
 * Pause and resume: all reminders off, or back on, for an active or paused
 * account (a pending one stays pending). The one place it is done: the `pause` and
 * `resume` reply commands, the Settings form and the one-click unsubscribe link.
 * A statement the caller awaits, or puts in its batch.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";

export function setPaused(db: Db, userId: string, paused: boolean) {
	return db
		.update(users)
		.set({ status: paused ? "paused" : "active" })
		.where(and(eq(users.id, userId), inArray(users.status, ["active", "paused"])));
}
