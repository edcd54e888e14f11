/** Column helpers shared by every table. The user reference lives with `users` in accounts.ts. */
import { integer, text } from "drizzle-orm/sqlite-core";

export const id = () => text("id").primaryKey();
export const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull();
