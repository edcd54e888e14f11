/** Column helpers shared by every table. */
import { integer, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";

export const id = () => text("id").primaryKey();
export const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull();
/** The owning user; rows go with the user (ON DELETE CASCADE). */
export const userRef = () =>
	text("user_id")
		.notNull()
		.references(() => users.id, { onDelete: "cascade" });
