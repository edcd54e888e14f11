/** Outgoing mail: the outbox, and the dev mailbox that stands in for Resend locally. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { createdAt, id } from "./columns";

export const OUTBOX_KINDS = ["digest", "nudge", "confirmation", "verification", "reply", "sign_in"] as const;
export const OUTBOX_STATES = ["pending", "sending", "sent", "failed"] as const;

/** Every outgoing mail is written here first, in the same batch as the state change. */
export const outbox = sqliteTable(
	"outbox",
	{
		/** Also the provider's Idempotency-Key. */
		id: id(),
		userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
		kind: text("kind", { enum: OUTBOX_KINDS }).notNull(),
		/** Optional uniqueness key, e.g. `digest:<user>:<local date>`. */
		dedupeKey: text("dedupe_key"),
		fromAddress: text("from_address").notNull(),
		toAddress: text("to_address").notNull(),
		replyTo: text("reply_to"),
		subject: text("subject").notNull(),
		text: text("text").notNull(),
		html: text("html"),
		/** JSON object of extra headers (lower-case names). */
		headersJson: text("headers_json").notNull().default("{}"),
		/** Our Message-ID (without brackets), stored so replies thread. */
		messageId: text("message_id").notNull(),
		state: text("state", { enum: OUTBOX_STATES }).notNull().default("pending"),
		attempts: integer("attempts").notNull().default(0),
		nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
		/** While `sending`, another tick may not take the row before this instant. */
		leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
		providerId: text("provider_id"),
		lastError: text("last_error"),
		/**
		 * The rows written (and sent) together as one provider call. A retry or a
		 * takeover after a dead tick sends them together again, under the same
		 * Idempotency-Key, so the provider recognises mail it already accepted.
		 */
		batchId: text("batch_id"),
		/**
		 * What writing this row does to the rest of the data (reply token, nudges
		 * sent, next rungs, thread counts, the day's digest), as JSON. The
		 * `outbox_apply_effects` trigger applies it when, and only when, the row is
		 * inserted (a concurrent tick's duplicate is ignored), then clears it.
		 */
		effectsJson: text("effects_json"),
		createdAt: createdAt(),
		sentAt: integer("sent_at", { mode: "timestamp_ms" }),
	},
	(t) => [
		index("outbox_state_next_idx").on(t.state, t.nextAttemptAt),
		uniqueIndex("outbox_dedupe_uq").on(t.dedupeKey),
		index("outbox_message_id_idx").on(t.messageId),
	],
);

/** Outgoing mail when no RESEND_API_KEY is configured (development, tests). */
export const devMailbox = sqliteTable(
	"dev_mailbox",
	{
		/** The outbox id, so a retried delivery does not duplicate. */
		id: text("id").primaryKey(),
		fromAddress: text("from_address").notNull(),
		toAddress: text("to_address").notNull(),
		replyTo: text("reply_to"),
		subject: text("subject").notNull(),
		text: text("text").notNull(),
		html: text("html"),
		headersJson: text("headers_json").notNull().default("{}"),
		createdAt: createdAt(),
	},
	(t) => [index("dev_mailbox_created_idx").on(t.createdAt)],
);
