/**
 * The whole data model of DESIGN.md. Times are UTC instants stored as epoch
 * milliseconds; "local dates" (a cadence nudge's day) are ISO `YYYY-MM-DD` text
 * in the user's timezone. Message bodies and attachments are never stored.
 */
import {
	type AnySQLiteColumn,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
} from "drizzle-orm/sqlite-core";

const id = () => text("id").primaryKey();
const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull();
const userRef = () =>
	text("user_id")
		.notNull()
		.references(() => users.id, { onDelete: "cascade" });

export const USER_STATUSES = ["pending", "active", "paused"] as const;
export const DELIVERY_MODES = ["digest", "instant"] as const;

export const users = sqliteTable("users", {
	id: id(),
	status: text("status", { enum: USER_STATUSES }).notNull().default("pending"),
	/** IANA zone, e.g. Europe/Berlin. */
	timezone: text("timezone").notNull().default("UTC"),
	/** Local digest time in minutes after midnight (480 = 08:00). */
	digestMinutes: integer("digest_minutes").notNull().default(480),
	mode: text("mode", { enum: DELIVERY_MODES }).notNull().default("digest"),
	/** ISO weekdays that count as business days, as a bit mask (bit 1 = Monday … bit 7 = Sunday). */
	businessDays: integer("business_days").notNull().default(0b0111110),
	/** Days after outreach before the first follow-up, then between follow-ups (DESIGN.md: 3, then 4). */
	followUpDays: integer("follow_up_days").notNull().default(3),
	followUpEvery: integer("follow_up_every").notNull().default(4),
	/** Local date (YYYY-MM-DD) of the last digest claimed, so a day gets one digest. */
	lastDigestOn: text("last_digest_on"),
	createdAt: createdAt(),
	verifiedAt: integer("verified_at", { mode: "timestamp_ms" }),
});

export const userAddresses = sqliteTable(
	"user_addresses",
	{
		id: id(),
		userId: userRef(),
		/** Lower-cased mailbox address. */
		address: text("address").notNull(),
		isPrimary: integer("is_primary", { mode: "boolean" }).notNull().default(false),
		createdAt: createdAt(),
		verifiedAt: integer("verified_at", { mode: "timestamp_ms" }),
	},
	(t) => [uniqueIndex("user_addresses_address_uq").on(t.address), index("user_addresses_user_idx").on(t.userId)],
);

export const CONTACT_STATUSES = ["new", "awaiting_reply", "replied", "met", "dormant", "closed"] as const;

export const contacts = sqliteTable(
	"contacts",
	{
		id: id(),
		userId: userRef(),
		email: text("email").notNull(),
		name: text("name"),
		status: text("status", { enum: CONTACT_STATUSES }).notNull().default("awaiting_reply"),
		referrerId: text("referrer_id").references((): AnySQLiteColumn => contacts.id, {
			onDelete: "set null",
		}),
		notes: text("notes"),
		lastContactAt: integer("last_contact_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
		updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [
		uniqueIndex("contacts_user_email_uq").on(t.userId, t.email),
		index("contacts_user_status_idx").on(t.userId, t.status),
	],
);

export const THREAD_KINDS = ["outreach", "intro", "application", "meeting", "reminder"] as const;
export const THREAD_STATES = ["open", "replied", "dormant", "closed"] as const;

export const threads = sqliteTable(
	"threads",
	{
		id: id(),
		userId: userRef(),
		contactId: text("contact_id").references(() => contacts.id, { onDelete: "cascade" }),
		kind: text("kind", { enum: THREAD_KINDS }).notNull(),
		state: text("state", { enum: THREAD_STATES }).notNull().default("open"),
		/** Normalised subject (no Re:/Fwd:, lower case) used when headers do not thread. */
		subjectKey: text("subject_key").notNull(),
		subject: text("subject").notNull(),
		/** Follow-ups delivered so far on this thread (carried on by new outreach). */
		attempts: integer("attempts").notNull().default(0),
		lastOutboundAt: integer("last_outbound_at", { mode: "timestamp_ms" }),
		lastInboundAt: integer("last_inbound_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
		updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [
		index("threads_user_contact_subject_idx").on(t.userId, t.contactId, t.subjectKey),
		index("threads_user_state_idx").on(t.userId, t.state),
	],
);

export const MESSAGE_DIRECTIONS = ["outbound", "inbound"] as const;

/** Metadata of mail we saw: participants, subject, dates and a short snippet only. */
export const messages = sqliteTable(
	"messages",
	{
		id: id(),
		userId: userRef(),
		threadId: text("thread_id").references(() => threads.id, { onDelete: "cascade" }),
		/** RFC 5322 Message-ID without angle brackets. */
		messageId: text("message_id").notNull(),
		direction: text("direction", { enum: MESSAGE_DIRECTIONS }).notNull(),
		fromAddress: text("from_address").notNull(),
		fromName: text("from_name"),
		/** JSON array of {address, name}. */
		toJson: text("to_json").notNull().default("[]"),
		ccJson: text("cc_json").notNull().default("[]"),
		subject: text("subject").notNull().default(""),
		/** At most 200 characters of the new text. */
		snippet: text("snippet").notNull().default(""),
		sentAt: integer("sent_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex("messages_user_message_id_uq").on(t.userId, t.messageId),
		index("messages_thread_idx").on(t.threadId),
	],
);

export const NUDGE_KINDS = [
	"reach_out",
	"close_loop",
	"follow_up",
	"confirm_receipt",
	"thank_you",
	"check_in",
	"last_try",
	"celebrate",
	"reminder",
] as const;
export const NUDGE_STATES = ["pending", "sent", "done", "snoozed", "cancelled"] as const;

export const nudges = sqliteTable(
	"nudges",
	{
		id: id(),
		userId: userRef(),
		contactId: text("contact_id").references(() => contacts.id, { onDelete: "cascade" }),
		threadId: text("thread_id").references(() => threads.id, { onDelete: "cascade" }),
		kind: text("kind", { enum: NUDGE_KINDS }).notNull(),
		state: text("state", { enum: NUDGE_STATES }).notNull().default("pending"),
		/** The instant it becomes deliverable (UTC). */
		dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
		/** Local date of a cadence nudge (it goes out in that date's digest); null for an explicit time. */
		dueOn: text("due_on"),
		/** 1-based follow-up number for follow_up/last_try. */
		attempt: integer("attempt").notNull().default(0),
		/** Free text for plain reminders and celebrate lists. */
		note: text("note"),
		sentAt: integer("sent_at", { mode: "timestamp_ms" }),
		closedAt: integer("closed_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
		updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [
		// The cron tick's query: undelivered nudges by due time.
		index("nudges_state_due_idx").on(t.state, t.dueAt),
		index("nudges_user_state_idx").on(t.userId, t.state),
		index("nudges_thread_idx").on(t.threadId),
	],
);

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

export const TOKEN_PURPOSES = ["reply", "verify", "sign_in", "api"] as const;

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
	(t) => [uniqueIndex("tokens_hash_uq").on(t.tokenHash), index("tokens_user_purpose_idx").on(t.userId, t.purpose)],
);

export const sessions = sqliteTable(
	"sessions",
	{
		id: id(),
		userId: userRef(),
		tokenHash: text("token_hash").notNull(),
		createdAt: createdAt(),
		expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
		revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
		lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }),
	},
	(t) => [uniqueIndex("sessions_hash_uq").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

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
		index("inbound_log_user_created_idx").on(t.userId, t.createdAt),
		index("inbound_log_message_key_idx").on(t.messageKey, t.envelopeTo),
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

export const SIGN_IN_LIMIT_KINDS = ["address", "ip"] as const;

/**
 * Recent sign-in requests, for rate limits per address and per IP. Keys are
 * SHA-256 hashes (no addresses or IPs stored); rows older than a day are dropped.
 */
export const signInAttempts = sqliteTable(
	"sign_in_attempts",
	{
		id: id(),
		kind: text("kind", { enum: SIGN_IN_LIMIT_KINDS }).notNull(),
		keyHash: text("key_hash").notNull(),
		createdAt: createdAt(),
	},
	(t) => [index("sign_in_attempts_key_idx").on(t.kind, t.keyHash, t.createdAt)],
);
