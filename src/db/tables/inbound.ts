/** Inbound mail: the one-row-per-email log, idempotence keys and mail held until verification. */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { createdAt, id, userRef } from "./columns";

export const INBOUND_OUTCOMES = ["accepted", "ignored", "rejected", "held"] as const;

/** Exactly one row per inbound email: what it did, or why not. */
export const inboundLog = sqliteTable(
	"inbound_log",
	{
		id: id(),
		userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
		/** Message-ID, or `sha256:<hash>` of the raw message when it has none. */
		messageKey: text("message_key").notNull(),
		envelopeFrom: text("envelope_from").notNull(),
		envelopeTo: text("envelope_to").notNull(),
		fromHeader: text("from_header"),
		subject: text("subject"),
		sizeBytes: integer("size_bytes").notNull(),
		outcome: text("outcome", { enum: INBOUND_OUTCOMES }).notNull(),
		/** Machine-readable reason, e.g. `auth_failed`, `automatic_reply`. */
		reason: text("reason").notNull(),
		/** Human-readable detail shown on the Activity page. */
		detail: text("detail").notNull().default(""),
		createdAt: createdAt(),
	},
	(t) => [
		// The Activity page's order (newest first, id breaking ties), read a page at a time.
		index("inbound_log_user_created_id_idx").on(t.userId, t.createdAt, t.id),
		index("inbound_log_message_key_idx").on(t.messageKey, t.envelopeTo),
		// Deleting an account finds the rows that carry its address but no user id.
		index("inbound_log_envelope_from_idx").on(sql`lower(${t.envelopeFrom})`),
		index("inbound_log_from_header_idx").on(sql`lower(${t.fromHeader})`),
	],
);

/**
 * One row per processed inbound message and recipient, written in the same batch as
 * its effects: a second delivery of the same message (even a concurrent one) fails
 * this key and changes nothing.
 */
export const inboundSeen = sqliteTable(
	"inbound_seen",
	{
		messageKey: text("message_key").notNull(),
		recipient: text("recipient").notNull(),
		seenAt: integer("seen_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.messageKey, t.recipient] })],
);

/** Mail from a not-yet-verified sender, kept until verification (at most 7 days). */
export const heldMail = sqliteTable(
	"held_mail",
	{
		id: id(),
		userId: userRef(),
		envelopeFrom: text("envelope_from").notNull(),
		envelopeTo: text("envelope_to").notNull(),
		/** The raw message, base64. */
		raw: text("raw").notNull(),
		/** The inbound_log row that says "held"; updated when the mail is released. */
		logId: text("log_id").notNull().default(""),
		receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
		expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [index("held_mail_user_idx").on(t.userId), index("held_mail_expires_idx").on(t.expiresAt)],
);
