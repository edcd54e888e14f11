/**
 * D1 access for what we track: contacts, threads, message metadata, nudges.
 * Reads are scoped to one user and chunked under D1's 100-parameter limit;
 * writes are returned as statements for the caller's single batch.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { contacts, messages, nudges, type THREAD_KINDS, threads } from "../db/schema";
import { newId } from "../lib/crypto";
import type { DueTime } from "../time/resolve-delay";
import { type KnownRows, knownContacts } from "./known-rows";
import type { NudgeKind } from "./nudge-kinds";

export type ContactRow = typeof contacts.$inferSelect;

export interface NewThread {
	id: string;
	userId: string;
	contactId: string;
	kind: (typeof THREAD_KINDS)[number];
	/** The normalised subject, or an event key such as `ical:<uid>`. */
	key: string;
	subject: string;
	now: Date;
	lastOutboundAt?: Date | null;
	lastInboundAt?: Date | null;
}

export interface NewNudge {
	userId: string;
	contactId: string | null;
	threadId: string | null;
	kind: NudgeKind;
	due: DueTime;
	attempt?: number;
	note?: string | null;
	now: Date;
}
export type ThreadRow = typeof threads.$inferSelect;
export type NudgeRow = typeof nudges.$inferSelect;

const CHUNK = 90;
const chunks = <T>(items: readonly T[]) => {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
	return out;
};

/** `known`: rows read ahead for this email (known-rows.ts); reads they cover cost no round trip. */
export function createTrackingRepo(db: Db, known?: KnownRows) {
	return {
		async contactsByEmail(userId: string, emails: readonly string[]): Promise<Map<string, ContactRow>> {
			const ahead = knownContacts(known, userId, emails);
			if (ahead) return ahead;
			const found = new Map<string, ContactRow>();
			for (const part of chunks([...new Set(emails)])) {
				const rows = await db
					.select()
					.from(contacts)
					.where(and(eq(contacts.userId, userId), inArray(contacts.email, part)));
				for (const r of rows) found.set(r.email, r);
			}
			return found;
		},

		/** Messages of this user with these Message-IDs. */
		async messagesById(userId: string, messageIds: readonly string[]) {
			if (known?.userId === userId && messageIds.every((m) => known.messageIds.has(m))) {
				const asked = new Set(messageIds);
				return known.messages.filter((m) => asked.has(m.messageId));
			}
			const out: { messageId: string; subject: string; direction: "outbound" | "inbound" }[] = [];
			for (const part of chunks([...new Set(messageIds)])) {
				out.push(
					...(await db
						.select({ messageId: messages.messageId, subject: messages.subject, direction: messages.direction })
						.from(messages)
						.where(and(eq(messages.userId, userId), inArray(messages.messageId, part)))),
				);
			}
			return out;
		},

		/** The threads of these contacts under any of these subject keys, newest first. */
		async threadsOf(userId: string, contactIds: readonly string[], keys: readonly string[]): Promise<ThreadRow[]> {
			if (!contactIds.length || !keys.length) return [];
			const ids = contactIds.slice(0, CHUNK / 2);
			const wanted = new Set(keys.slice(0, CHUNK / 2));
			const read = known?.threads;
			if (
				read &&
				known?.userId === userId &&
				ids.every((id) => known.byEmail.get(known.byId.get(id)?.email ?? "")?.id === id)
			) {
				const mine = new Set(ids);
				return read.filter((t) => t.contactId !== null && mine.has(t.contactId) && wanted.has(t.subjectKey));
			}
			return db
				.select()
				.from(threads)
				.where(
					and(
						eq(threads.userId, userId),
						inArray(threads.contactId, contactIds.slice(0, CHUNK / 2)),
						inArray(threads.subjectKey, keys.slice(0, CHUNK / 2)),
					),
				)
				.orderBy(desc(threads.updatedAt));
		},

		async threadsByKey(userId: string, key: string): Promise<ThreadRow[]> {
			if (known?.userId === userId && known.byKey?.key === key) return [...known.byKey.threads];
			return db
				.select()
				.from(threads)
				.where(and(eq(threads.userId, userId), eq(threads.subjectKey, key)));
		},

		insertContact(row: typeof contacts.$inferInsert) {
			return db.insert(contacts).values(row);
		},
		updateContact(userId: string, id: string, set: Partial<typeof contacts.$inferInsert>) {
			return db
				.update(contacts)
				.set(set)
				.where(and(eq(contacts.userId, userId), eq(contacts.id, id)));
		},
		/** A new open thread. The id is the caller's, so nudges in the same batch can point at it. */
		openThread(t: NewThread) {
			return db.insert(threads).values({
				id: t.id,
				userId: t.userId,
				contactId: t.contactId,
				kind: t.kind,
				state: "open",
				subjectKey: t.key,
				subject: t.subject.slice(0, 300),
				attempts: 0,
				lastOutboundAt: t.lastOutboundAt ?? null,
				lastInboundAt: t.lastInboundAt ?? null,
				createdAt: t.now,
				updatedAt: t.now,
			});
		},
		updateThread(userId: string, id: string, set: Partial<typeof threads.$inferInsert>) {
			return db
				.update(threads)
				.set(set)
				.where(and(eq(threads.userId, userId), eq(threads.id, id)));
		},
		/** Their answer came: the contact's open conversations are answered. */
		markReplied(userId: string, contactId: string, at: Date, now: Date) {
			return db
				.update(threads)
				.set({ state: "replied", lastInboundAt: at, updatedAt: now })
				.where(and(eq(threads.userId, userId), eq(threads.contactId, contactId), eq(threads.state, "open")));
		},
		insertMessage(row: typeof messages.$inferInsert) {
			return db.insert(messages).values(row).onConflictDoNothing();
		},
		/** A nudge about no contact (a reminder, a celebration). A contact's nudges go through the lifecycle (thread-store.ts). */
		addNudge(n: NewNudge) {
			return db.insert(nudges).values({
				id: newId(),
				userId: n.userId,
				contactId: n.contactId,
				threadId: n.threadId,
				kind: n.kind,
				state: "pending",
				dueAt: n.due.dueAt,
				dueOn: n.due.dueOn,
				attempt: n.attempt ?? 0,
				note: n.note ?? null,
				createdAt: n.now,
				updatedAt: n.now,
			});
		},
	};
}

export type TrackingRepo = ReturnType<typeof createTrackingRepo>;
