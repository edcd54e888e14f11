/**
 * D1 access for the cron tick. Reads due nudges with their context, whole users
 * at a time; writes each chunk's mail and state changes as a few set-based
 * statements (`json_each` carries many rows in one bound parameter).
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { contacts, nudges, outbox, threads, userAddresses, users } from "../db/schema";

const referrers = alias(contacts, "referrer");

export async function selectDueNudges(db: Db, now: Date, limit: number) {
	const primary = db
		.select({ address: userAddresses.address })
		.from(userAddresses)
		.where(and(eq(userAddresses.userId, users.id), sql`${userAddresses.verifiedAt} is not null`))
		.orderBy(sql`${userAddresses.isPrimary} desc`, asc(userAddresses.createdAt))
		.limit(1);
	return db
		.select({
			id: nudges.id,
			userId: nudges.userId,
			kind: nudges.kind,
			attempt: nudges.attempt,
			note: nudges.note,
			dueAt: nudges.dueAt,
			dueOn: nudges.dueOn,
			createdAt: nudges.createdAt,
			threadId: nudges.threadId,
			contactId: nudges.contactId,
			contactName: contacts.name,
			contactEmail: contacts.email,
			referrerName: referrers.name,
			subject: threads.subject,
			threadKind: threads.kind,
			lastOutboundAt: threads.lastOutboundAt,
			lastInboundAt: threads.lastInboundAt,
			timezone: users.timezone,
			digestMinutes: users.digestMinutes,
			businessDays: users.businessDays,
			mode: users.mode,
			to: sql<string | null>`(${primary})`.as("to_address"),
		})
		.from(nudges)
		.innerJoin(users, eq(users.id, nudges.userId))
		.leftJoin(contacts, eq(contacts.id, nudges.contactId))
		.leftJoin(referrers, eq(referrers.id, contacts.referrerId))
		.leftJoin(threads, eq(threads.id, nudges.threadId))
		.where(and(inArray(nudges.state, ["pending", "snoozed"]), lte(nudges.dueAt, now), eq(users.status, "active")))
		.orderBy(asc(nudges.userId), asc(nudges.dueAt))
		.limit(limit);
}

export type DueNudge = Awaited<ReturnType<typeof selectDueNudges>>[number];

/** Which of these dedupe keys (e.g. today's digest per user) already have mail. */
export async function existingDedupeKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
	if (!keys.length) return new Set();
	const rows = await db
		.select({ key: outbox.dedupeKey })
		.from(outbox)
		.where(inArray(outbox.dedupeKey, sql`(select value from json_each(${JSON.stringify(keys)}))`));
	return new Set(rows.map((r) => r.key ?? ""));
}

export interface PlannedMail {
	outbox: typeof outbox.$inferInsert;
	tokenHash: string;
	tokenExpiresAt: Date;
	/** The numbered items, for replies like "2 done". */
	nudgeIds: string[];
}

export interface PlannedSuccessor {
	/** Only if this outbox row was written by us (not a concurrent tick). */
	outboxId: string;
	row: typeof nudges.$inferInsert;
}

export interface PlannedThread {
	outboxId: string;
	threadId: string;
	attempts: number;
	dormant: boolean;
}

const ms = (d: Date | null | undefined) => (d ? d.getTime() : null);

/**
 * The statements for one chunk, for one D1 batch: outbox rows (a dedupe key makes a
 * concurrent tick's copy a no-op), then, only where our row was written, the reply
 * tokens, the nudges marked sent, the next rungs of their ladders, and thread counts.
 * Hand-written SQL, because `json_each` carries all of a chunk's rows in one parameter.
 */
export function chunkStatements(
	d1: D1Database,
	now: Date,
	mails: PlannedMail[],
	successors: PlannedSuccessor[],
	threadUpdates: PlannedThread[],
): D1PreparedStatement[] {
	const t = now.getTime();
	const mailRows = mails.map((m) => ({
		id: m.outbox.id,
		userId: m.outbox.userId,
		kind: m.outbox.kind,
		dedupeKey: m.outbox.dedupeKey,
		from: m.outbox.fromAddress,
		to: m.outbox.toAddress,
		replyTo: m.outbox.replyTo,
		subject: m.outbox.subject,
		text: m.outbox.text,
		html: m.outbox.html,
		headers: m.outbox.headersJson,
		messageId: m.outbox.messageId,
		tokenId: crypto.randomUUID(),
		tokenHash: m.tokenHash,
		tokenExpires: m.tokenExpiresAt.getTime(),
		context: JSON.stringify({ nudges: m.nudgeIds }),
		nudgeIds: m.nudgeIds,
	}));
	const rows = JSON.stringify(mailRows);
	// Our outbox ids are fresh: a row with that id exists only if our insert was not ignored.
	const ours = (col: string) => `exists (select 1 from outbox o where o.id = ${col})`;
	const statements = [
		d1
			.prepare(
				`insert or ignore into outbox (id, user_id, kind, dedupe_key, from_address, to_address, reply_to, subject, text, html, headers_json, message_id, state, attempts, next_attempt_at, created_at)
				select j.value ->> 'id', j.value ->> 'userId', j.value ->> 'kind', j.value ->> 'dedupeKey', j.value ->> 'from', j.value ->> 'to', j.value ->> 'replyTo',
					j.value ->> 'subject', j.value ->> 'text', j.value ->> 'html', j.value ->> 'headers', j.value ->> 'messageId', 'pending', 0, ?2, ?2
				from json_each(?1) j`,
			)
			.bind(rows, t),
		d1
			.prepare(
				`insert into tokens (id, user_id, purpose, token_hash, outbox_id, context_json, expires_at, created_at)
				select j.value ->> 'tokenId', j.value ->> 'userId', 'reply', j.value ->> 'tokenHash', j.value ->> 'id', j.value ->> 'context', j.value ->> 'tokenExpires', ?2
				from json_each(?1) j where ${ours("j.value ->> 'id'")}`,
			)
			.bind(rows, t),
		d1
			.prepare(
				`update nudges set state = 'sent', sent_at = ?2, updated_at = ?2
				where state in ('pending', 'snoozed') and id in (
					select n.value from json_each(?1) j, json_each(j.value -> 'nudgeIds') n where ${ours("j.value ->> 'id'")})`,
			)
			.bind(rows, t),
	];
	if (successors.length) {
		const next = successors.map((s) => ({
			outboxId: s.outboxId,
			id: s.row.id,
			userId: s.row.userId,
			contactId: s.row.contactId,
			threadId: s.row.threadId,
			kind: s.row.kind,
			dueAt: ms(s.row.dueAt),
			dueOn: s.row.dueOn,
			attempt: s.row.attempt,
			note: s.row.note,
		}));
		statements.push(
			d1
				.prepare(
					`insert into nudges (id, user_id, contact_id, thread_id, kind, state, due_at, due_on, attempt, note, created_at, updated_at)
					select j.value ->> 'id', j.value ->> 'userId', j.value ->> 'contactId', j.value ->> 'threadId', j.value ->> 'kind', 'pending',
						j.value ->> 'dueAt', j.value ->> 'dueOn', j.value ->> 'attempt', j.value ->> 'note', ?2, ?2
					from json_each(?1) j where ${ours("j.value ->> 'outboxId'")}`,
				)
				.bind(JSON.stringify(next), t),
		);
	}
	if (threadUpdates.length) {
		const updates = threadUpdates.map((u) => ({ ...u, dormant: u.dormant ? 1 : 0 }));
		statements.push(
			d1
				.prepare(
					`update threads set
						attempts = max(threads.attempts, u.sent_attempts),
						state = case when u.dormant = 1 and threads.state = 'open' then 'dormant' else threads.state end,
						updated_at = ?2
					from (select j.value ->> 'threadId' as tid, j.value ->> 'attempts' as sent_attempts, j.value ->> 'dormant' as dormant, j.value ->> 'outboxId' as oid
						from json_each(?1) j) as u
					where threads.id = u.tid and ${ours("u.oid")}`,
				)
				.bind(JSON.stringify(updates), t),
		);
	}
	return statements;
}
