/** Secrets of every purpose (reply, verify, sign-in, API), stored hashed. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { userRef } from "./accounts";
import { createdAt, id } from "./columns";
import { outbox } from "./mail";

export const TOKEN_PURPOSES = ["reply", "verify", "sign_in", "api", "calendar"] as const;

/** Secrets are stored only as SHA-256 hashes. */
export const tokens = sqliteTable(
	"tokens",
	{
		id: id(),
		userId: userRef(),
		purpose: text("purpose", { enum: TOKEN_PURPOSES }).notNull(),
		tokenHash: text("token_hash").notNull(),
		/** The mail this token was sent in (for replies: which digest and its items). */
		outboxId: text("outbox_id").references(() => outbox.id, { onDelete: "set null" }),
		/** JSON context, e.g. the digest's numbered nudge ids. */
		contextJson: text("context_json").notNull().default("{}"),
		label: text("label"),
		expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
		usedAt: integer("used_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex("tokens_hash_uq").on(t.tokenHash),
		index("tokens_user_purpose_idx").on(t.userId, t.purpose),
		index("tokens_expires_idx").on(t.expiresAt),
	],
);
