/** Accounts: users, their addresses, dashboard sessions and sign-in rate limits. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./columns";

export const USER_STATUSES = ["pending", "active", "paused"] as const;
export const DELIVERY_MODES = ["digest", "instant"] as const;

export const users = sqliteTable(
	"users",
	{
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
	},
	(t) => [index("users_status_created_idx").on(t.status, t.createdAt)],
);

/** The owning user; rows go with the user (ON DELETE CASCADE). */
export const userRef = () =>
	text("user_id")
		.notNull()
		.references(() => users.id, { onDelete: "cascade" });

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
	(t) => [
		uniqueIndex("sessions_hash_uq").on(t.tokenHash),
		index("sessions_user_idx").on(t.userId),
		index("sessions_expires_idx").on(t.expiresAt),
	],
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
	(t) => [
		index("sign_in_attempts_key_idx").on(t.kind, t.keyHash, t.createdAt),
		index("sign_in_attempts_created_idx").on(t.createdAt),
	],
);
