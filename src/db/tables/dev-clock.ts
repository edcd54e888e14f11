/** The dev clock (DESIGN.md, "Local runtime contract"): development only, at most one row. */
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";

/**
 * When a row exists, every handler's "now" is `set_to + (real now − set_at)`: the
 * moment a developer picked, running on from when they picked it. No row: real time.
 */
export const devClock = sqliteTable("dev_clock", {
	/** Always 1: the table holds one clock. */
	id: integer("id").primaryKey(),
	/** The "now" that was set, epoch ms. */
	setTo: integer("set_to").notNull(),
	/** Real time when it was set, epoch ms. */
	setAt: integer("set_at").notNull(),
});
