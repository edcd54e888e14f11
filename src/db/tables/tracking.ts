/** What is tracked: contacts, threads, message metadata and nudges. */
import { sql } from "drizzle-orm";
import {
	type AnySQLiteColumn,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { createdAt, id, userRef } from "./columns";

/**
 * A contact's last contact, or when they were added: the Contacts list's order, and the key of
 * its indexes. Written without commas because drizzle-kit splits an index expression at them.
 */
export const recentAt = (c: { lastContactAt: AnySQLiteColumn; createdAt: AnySQLiteColumn }) =>
	sql<number>`(case when ${c.lastContactAt} is null then ${c.createdAt} else ${c.lastContactAt} end)`;

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
		/** When the referrer introduced them: the intro mail's own Date (ages count from it). */
		introducedAt: integer("introduced_at", { mode: "timestamp_ms" }),
		/** When the user last met them (a meeting's end): the check-in counts from it. */
		metAt: integer("met_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
		updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [
		uniqueIndex("contacts_user_email_uq").on(t.userId, t.email),
		// The Contacts list's order, most recent first (recentFirst below), with and without a status
		// filter: a page reads its own rows, whatever the number of contacts.
		index("contacts_user_recent_idx").on(t.userId, recentAt(t), t.id),
		index("contacts_user_status_recent_idx").on(t.userId, t.status, recentAt(t), t.id),
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
		// A contact's reply-all names our Message-IDs: whose mail it answers.
		index("messages_message_id_idx").on(t.messageId),
	],
);

/**
 * Who each message names: its sender (unless the mail is the user's own) and every To/Cc address, lower-cased, with the
 * message's time. Kept by the trigger `message_people_on_insert` (migrations/0009), so a
 * contact's timeline finds their mail by address a page at a time, whoever else it went to.
 * Rows go with the user (messages are never deleted otherwise). The migration makes it
 * WITHOUT ROWID (drizzle cannot say so): the key is the table, one write per row, not two.
 */
export const messagePeople = sqliteTable(
	"message_people",
	{
		userId: userRef(),
		address: text("address").notNull(),
		/** The message's sent_at, else its created_at: the timeline's order. */
		at: integer("at", { mode: "timestamp_ms" }).notNull(),
		messageId: text("message_id").notNull(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.address, t.at, t.messageId] })],
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
/**
 * pending/snoozed: waiting for its due time; sent: delivered and not acted on (still
 * open until the next rung replaces it at `wake_at`); done/cancelled: closed by the
 * user or an event; superseded: replaced by the next rung of its ladder.
 */
export const NUDGE_STATES = ["pending", "sent", "done", "snoozed", "cancelled", "superseded"] as const;

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
		/** For a delivered rung: when the next rung of its ladder replaces it (null: nothing follows). */
		wakeAt: integer("wake_at", { mode: "timestamp_ms" }),
		closedAt: integer("closed_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
		updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [
		// The cron tick's query: undelivered nudges by due time.
		index("nudges_state_due_idx").on(t.state, t.dueAt),
		index("nudges_user_state_idx").on(t.userId, t.state),
		index("nudges_thread_idx").on(t.threadId),
		// A contact's nudges, latest first (the contact page and its timeline).
		index("nudges_contact_due_idx").on(t.contactId, t.dueAt),
		// Today, the API's nudges and status@: the user's open nudges, soonest first, a page at a time.
		// The condition is the one of nudges_one_open_per_contact, word for word, as SQLite needs.
		index("nudges_user_open_due_idx")
			.on(t.userId, t.dueAt, t.id)
			.where(sql`${t.state} in ('pending', 'sent', 'snoozed')`),
		// The tick's other query: delivered rungs whose next rung is due.
		index("nudges_wake_idx").on(t.wakeAt).where(sql`${t.state} = 'sent'`),
		// The lifecycle's invariant (DESIGN.md): at most one open nudge per contact's thread.
		uniqueIndex("nudges_one_open_per_contact")
			.on(t.contactId)
			.where(sql`${t.contactId} is not null and ${t.state} in ('pending', 'sent', 'snoozed')`),
	],
);
