/**
 * Everything we keep about one user, for export: settings, addresses, contacts,
 * threads, message metadata, nudges, the inbound log and our mail to them
 * (subjects and states; bodies are ours and are left out). Secrets (token and
 * session hashes) are never exported. Every query is scoped to the user.
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { contacts, inboundLog, messages, nudges, outbox, threads, userAddresses, users } from "../db/schema";

/** Each exported table: one user-scoped query. CSV reads one of them, JSON all. */
const TABLES = {
	contacts: (db: Db, userId: string) =>
		db.select().from(contacts).where(eq(contacts.userId, userId)).orderBy(asc(contacts.createdAt)),
	threads: (db: Db, userId: string) =>
		db.select().from(threads).where(eq(threads.userId, userId)).orderBy(asc(threads.createdAt)),
	messages: (db: Db, userId: string) =>
		db.select().from(messages).where(eq(messages.userId, userId)).orderBy(asc(messages.createdAt)),
	nudges: (db: Db, userId: string) =>
		db.select().from(nudges).where(eq(nudges.userId, userId)).orderBy(asc(nudges.createdAt)),
	activity: (db: Db, userId: string) =>
		db.select().from(inboundLog).where(eq(inboundLog.userId, userId)).orderBy(asc(inboundLog.createdAt)),
	mailFromUs: (db: Db, userId: string) =>
		db
			.select({
				id: outbox.id,
				kind: outbox.kind,
				to: outbox.toAddress,
				subject: outbox.subject,
				state: outbox.state,
				createdAt: outbox.createdAt,
				sentAt: outbox.sentAt,
				lastError: outbox.lastError,
			})
			.from(outbox)
			.where(eq(outbox.userId, userId))
			.orderBy(asc(outbox.createdAt)),
} as const;

export type CsvTable = keyof typeof TABLES;
export const CSV_TABLES = Object.keys(TABLES) as CsvTable[];

/** One table of the user's data, for CSV. */
export function exportTable(db: Db, userId: string, table: CsvTable): Promise<Record<string, unknown>[]> {
	return TABLES[table](db, userId);
}

export async function exportData(db: Db, userId: string, now: Date) {
	const [[user], addresses, theirContacts, theirThreads, theirMessages, theirNudges, activity, mail] =
		await Promise.all([
			db
				.select({
					id: users.id,
					status: users.status,
					timezone: users.timezone,
					digestMinutes: users.digestMinutes,
					mode: users.mode,
					businessDays: users.businessDays,
					followUpDays: users.followUpDays,
					followUpEvery: users.followUpEvery,
					createdAt: users.createdAt,
					verifiedAt: users.verifiedAt,
				})
				.from(users)
				.where(eq(users.id, userId)),
			db
				.select({
					address: userAddresses.address,
					primary: userAddresses.isPrimary,
					verifiedAt: userAddresses.verifiedAt,
				})
				.from(userAddresses)
				.where(eq(userAddresses.userId, userId))
				.orderBy(asc(userAddresses.createdAt)),
			TABLES.contacts(db, userId),
			TABLES.threads(db, userId),
			TABLES.messages(db, userId),
			TABLES.nudges(db, userId),
			TABLES.activity(db, userId),
			TABLES.mailFromUs(db, userId),
		]);
	return {
		exportedAt: now.toISOString(),
		user: user ?? null,
		addresses,
		contacts: theirContacts,
		threads: theirThreads,
		messages: theirMessages,
		nudges: theirNudges,
		activity,
		mailFromUs: mail,
	};
}

const cell = (v: unknown): string => {
	const s = v instanceof Date ? v.toISOString() : v === null || v === undefined ? "" : String(v);
	// Quote always; double quotes; neutralise formula injection in spreadsheets.
	const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
	return `"${safe.replace(/"/g, '""')}"`;
};

/** One table as CSV (RFC 4180, CRLF), header row first. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
	const [firstRow] = rows;
	if (!firstRow) return "";
	const columns = Object.keys(firstRow);
	return `${[columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n")}\r\n`;
}
