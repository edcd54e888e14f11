/**
 * D1 access for the cron tick. Reads due nudges with their context, whole users
 * at a time; writes each chunk's mail, and through the outbox trigger its state
 * changes, in one statement (`json_each` carries many rows in one bound parameter).
 */
import { and, asc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { contacts, nudges, threads, userAddresses, users } from "../db/schema";
import type { ComposedRow } from "../mail/compose";
import { UNDELIVERED_NUDGE_STATES } from "../tracking/nudge-kinds";

const referrers = alias(contacts, "referrer");

/** Due rows, whole users at a time in user-id order; `afterUserId` is the keyset cursor of the page before. */
export async function selectDueNudges(db: Db, now: Date, limit: number, afterUserId: string | null = null) {
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
			state: nudges.state,
			attempt: nudges.attempt,
			note: nudges.note,
			dueAt: nudges.dueAt,
			dueOn: nudges.dueOn,
			// An intro's age counts from the intro's own Date (DESIGN.md, "Time").
			createdAt:
				sql<Date>`case when ${nudges.kind} = 'reach_out' then coalesce(${contacts.introducedAt}, ${nudges.createdAt}) else ${nudges.createdAt} end`.mapWith(
					nudges.createdAt,
				),
			sentAt: nudges.sentAt,
			wakeAt: nudges.wakeAt,
			metAt: contacts.metAt,
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
			followUpDays: users.followUpDays,
			followUpEvery: users.followUpEvery,
			mode: users.mode,
			lastDigestOn: users.lastDigestOn,
			to: sql<string | null>`(${primary})`.as("to_address"),
		})
		.from(nudges)
		.innerJoin(users, eq(users.id, nudges.userId))
		.leftJoin(contacts, eq(contacts.id, nudges.contactId))
		.leftJoin(referrers, eq(referrers.id, contacts.referrerId))
		.leftJoin(threads, eq(threads.id, nudges.threadId))
		.where(
			and(
				or(
					and(inArray(nudges.state, UNDELIVERED_NUDGE_STATES), lte(nudges.dueAt, now)),
					// Delivered rungs whose next rung is due (index nudges_wake_idx).
					and(eq(nudges.state, "sent"), lte(nudges.wakeAt, now)),
				),
				eq(users.status, "active"),
				afterUserId === null ? undefined : gt(nudges.userId, afterUserId),
			),
		)
		.orderBy(asc(nudges.userId), asc(nudges.dueAt))
		.limit(limit);
}

export type DueNudge = Awaited<ReturnType<typeof selectDueNudges>>[number];

export interface PlannedMail {
	/** The outbox row, with the effects its insert applies (see migrations/0006). */
	outbox: ComposedRow & { effectsJson: string };
}

/** D1 takes rows up to 2 MB; one statement's JSON stays well under it. */
export const MAX_CHUNK_JSON = 1_500_000;

/**
 * Writes one chunk of mail in one statement: the rows arrive leased to this tick
 * (`sending`), so it sends them without claiming; the trigger applies each
 * row's effects. A row whose dedupe key another tick already wrote is skipped,
 * with its effects. Returns the ids actually written: only those may be sent.
 */
export async function writeChunk(
	d1: D1Database,
	mails: readonly PlannedMail[],
	at: { now: Date; leaseUntil: Date; batchId: string },
): Promise<Set<string>> {
	const rows = JSON.stringify(
		mails.map(({ outbox: m }) => ({
			id: m.id,
			userId: m.userId,
			kind: m.kind,
			dedupeKey: m.dedupeKey,
			from: m.fromAddress,
			to: m.toAddress,
			replyTo: m.replyTo,
			subject: m.subject,
			text: m.text,
			html: m.html,
			headers: m.headersJson,
			messageId: m.messageId,
			effects: m.effectsJson,
		})),
	);
	const { results } = await d1
		.prepare(
			`insert into outbox (id, user_id, kind, dedupe_key, from_address, to_address, reply_to, subject, text, html, headers_json,
				message_id, state, attempts, next_attempt_at, lease_until, batch_id, effects_json, created_at)
			select j.value ->> 'id', j.value ->> 'userId', j.value ->> 'kind', j.value ->> 'dedupeKey', j.value ->> 'from', j.value ->> 'to',
				j.value ->> 'replyTo', j.value ->> 'subject', j.value ->> 'text', j.value ->> 'html', j.value ->> 'headers', j.value ->> 'messageId',
				'sending', 0, ?2, ?3, ?4, j.value ->> 'effects', ?2
			from json_each(?1) j where true
			on conflict do nothing
			returning id`,
		)
		.bind(rows, at.now.getTime(), at.leaseUntil.getTime(), at.batchId)
		.all<{ id: string }>();
	return new Set(results.map((r) => r.id));
}

/** These delivered rungs have no next rung after all: they stay open, and stop waking. */
export async function clearWake(db: Db, ids: readonly string[]) {
	for (let i = 0; i < ids.length; i += 90)
		await db
			.update(nudges)
			.set({ wakeAt: null })
			.where(and(eq(nudges.state, "sent"), inArray(nudges.id, ids.slice(i, i + 90))));
}
