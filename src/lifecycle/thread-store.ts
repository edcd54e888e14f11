/**
 * The lifecycle's D1 side: reads threads (a contact, its referrer, its one open
 * nudge) in one round trip, runs events through the transition function, and
 * returns the writes for the caller's single batch. Scoped to one user.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias, union } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { contacts, nudges, threads as threadTable } from "../db/schema";
import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import type { UserClock } from "../time/local-time";
import { displayName } from "../tracking/ensure-contacts";
import type { KnownRows } from "../tracking/known-rows";
import { isOpen, OPEN_NUDGE_STATES, openNudge } from "../tracking/nudge-kinds";
import type { OpenNudge, Thread, ThreadEvent, Transition } from "./thread";
import { transition } from "./transition";

const CHUNK = 45;
const inner = alias(contacts, "asked");

/** The threads of these contacts and their referrers from rows read ahead; null when they do not cover them all. */
function knownThreads(
	known: KnownRows | undefined,
	userId: string,
	ids: readonly string[],
): Map<string, Thread> | null {
	if (known?.userId !== userId) return null;
	const out = new Map<string, Thread>();
	for (const id of ids) {
		const c = known.byId.get(id);
		if (!c) return null;
		const r = c.referrerId === null ? null : known.byId.get(c.referrerId);
		if (r === undefined) return null;
		out.set(c.id, threadOf(c, known.openNudges.get(c.id) ?? null));
		if (r) out.set(r.id, threadOf(r, known.openNudges.get(r.id) ?? null));
	}
	return out;
}

/** The threads of these contacts and of their referrers, keyed by contact id. */
export async function loadThreads(
	db: Db,
	userId: string,
	contactIds: readonly string[],
	known?: KnownRows,
): Promise<Map<string, Thread>> {
	const ids = [...new Set(contactIds)];
	const ahead = knownThreads(known, userId, ids);
	if (ahead) return ahead;
	const out = new Map<string, Thread>();
	for (let i = 0; i < ids.length; i += CHUNK) {
		const part = ids.slice(i, i + CHUNK);
		// By primary key, the contacts then their referrers (an OR here would walk all the user's contacts).
		const wanted = union(
			db
				.select({ id: inner.id })
				.from(inner)
				.where(and(eq(inner.userId, userId), inArray(inner.id, part))),
			db
				.select({ id: sql<string>`${inner.referrerId}`.as("id") })
				.from(inner)
				.where(and(eq(inner.userId, userId), inArray(inner.id, part))),
		);
		const rows = await db
			.select({ c: contacts, n: nudges })
			.from(contacts)
			.leftJoin(nudges, and(eq(nudges.contactId, contacts.id), openNudge(nudges.state)))
			// By id alone: with user_id here too, the planner may walk the user's contacts instead (checked below).
			.where(inArray(contacts.id, wanted));
		for (const { c, n } of rows) if (c.userId === userId) out.set(c.id, threadOf(c, n));
	}
	return out;
}

type ContactRow = typeof contacts.$inferSelect;
type NudgeRow = typeof nudges.$inferSelect;

export function threadOf(c: ContactRow, n: NudgeRow | null): Thread {
	return {
		contactId: c.id,
		name: displayName(c),
		status: c.status,
		open: n ? openOf(n) : null,
		introducedAt: c.introducedAt,
		metAt: c.metAt,
		referrerId: c.referrerId,
	};
}

const openOf = (n: NudgeRow): OpenNudge | null =>
	isOpen(n.state)
		? {
				id: n.id,
				kind: n.kind,
				attempt: n.attempt,
				state: n.state,
				threadId: n.threadId,
				dueAt: n.dueAt,
				dueOn: n.dueOn,
				sentAt: n.sentAt,
				wakeAt: n.wakeAt,
				note: n.note,
			}
		: null;

/** A thread for a contact created in this same batch. */
export const freshThread = (contactId: string, name: string, referrerId: string | null = null): Thread => ({
	contactId,
	name,
	status: "new",
	open: null,
	introducedAt: null,
	metAt: null,
	referrerId,
});

export interface ThreadChange {
	contactId: string;
	event: ThreadEvent;
}

export interface AppliedChange extends ThreadChange {
	thread: Thread;
	transition: Transition;
	/** Id of the nudge it opened, if any. */
	openedId: string | null;
}

export interface LifecycleUser {
	id: string;
	clock: UserClock;
}

/**
 * Runs the changes in order (and the events they cause on referrers' threads)
 * and returns their writes. `threads` may hold threads already read, or made for
 * contacts created in the same batch; the rest are read here.
 */
export async function applyThreadChanges(
	db: Db,
	user: LifecycleUser,
	changes: readonly ThreadChange[],
	now: Date,
	threads: Map<string, Thread> = new Map(),
	/** Rows read ahead for this email: threads they hold cost no round trip. */
	known?: KnownRows,
): Promise<{ writes: Write[]; applied: AppliedChange[] }> {
	const missing = changes.map((c) => c.contactId).filter((id) => !threads.has(id));
	if (missing.length)
		for (const [id, t] of await loadThreads(db, user.id, missing, known)) if (!threads.has(id)) threads.set(id, t);
	const writes: Write[] = [];
	const applied: AppliedChange[] = [];
	const queue = [...changes];
	for (let guard = 0; queue.length && guard < 200; guard++) {
		const change = queue.shift() as ThreadChange;
		const thread = threads.get(change.contactId);
		if (!thread) continue;
		const tr = transition(thread, change.event, now, user.clock);
		const openedId = tr.open ? newId() : null;
		writes.push(...writesOf(db, user.id, thread, tr, openedId, now));
		threads.set(thread.contactId, after(thread, tr, openedId));
		applied.push({ ...change, thread, transition: tr, openedId });
		queue.push(...tr.causes);
	}
	return { writes, applied };
}

function after(t: Thread, tr: Transition, openedId: string | null): Thread {
	let open = tr.close ? null : t.open;
	if (tr.move && open)
		open = {
			...open,
			state: tr.move.state,
			dueAt: tr.move.due.dueAt,
			dueOn: tr.move.due.dueOn,
			wakeAt: tr.move.wakeAt,
		};
	if (tr.open && openedId)
		open = {
			...tr.open,
			id: openedId,
			state: "pending",
			dueAt: tr.open.due.dueAt,
			dueOn: tr.open.due.dueOn,
			sentAt: null,
			wakeAt: null,
		};
	return {
		...t,
		status: tr.status,
		open,
		introducedAt: tr.set.introducedAt ?? t.introducedAt,
		metAt: tr.set.metAt ?? t.metAt,
		referrerId: tr.set.referrerId ?? t.referrerId,
	};
}

function writesOf(db: Db, userId: string, t: Thread, tr: Transition, openedId: string | null, now: Date): Write[] {
	const out: Write[] = [];
	const mine = (id: string) =>
		and(eq(nudges.userId, userId), eq(nudges.id, id), inArray(nudges.state, OPEN_NUDGE_STATES));
	if (tr.close)
		out.push(db.update(nudges).set({ state: tr.close.state, closedAt: now, updatedAt: now }).where(mine(tr.close.id)));
	if (tr.move)
		out.push(
			db
				.update(nudges)
				.set({
					state: tr.move.state,
					dueAt: tr.move.due.dueAt,
					dueOn: tr.move.due.dueOn,
					wakeAt: tr.move.wakeAt,
					updatedAt: now,
				})
				.where(mine(tr.move.id)),
		);
	if (tr.open && openedId)
		out.push(
			db
				.insert(nudges)
				.values({
					id: openedId,
					userId,
					contactId: t.contactId,
					threadId: tr.open.threadId,
					kind: tr.open.kind,
					state: "pending",
					dueAt: tr.open.due.dueAt,
					dueOn: tr.open.due.dueOn,
					attempt: tr.open.attempt,
					note: tr.open.note,
					createdAt: now,
					updatedAt: now,
				})
				// The one-open-nudge index holds even if another change got there first.
				.onConflictDoNothing(),
		);
	if (tr.outbound) {
		// Only the change that closed the reach-out (in this batch, at this instant) records it:
		// a second `done` racing it (a link and a reply) closes nothing and moves nothing.
		const closedHere = sql`exists (select 1 from ${nudges} where ${nudges.id} = ${tr.outbound.nudgeId}
			and ${nudges.userId} = ${userId} and ${nudges.state} = 'done' and ${nudges.closedAt} = ${now.getTime()})`;
		out.push(
			db
				.update(threadTable)
				.set({ lastOutboundAt: tr.outbound.at, updatedAt: now })
				.where(and(eq(threadTable.userId, userId), eq(threadTable.id, tr.outbound.threadId), closedHere)),
		);
	}
	const set = Object.fromEntries(Object.entries(tr.set).filter(([, v]) => v !== undefined));
	if (tr.status !== t.status || Object.keys(set).length)
		out.push(
			db
				.update(contacts)
				.set({ ...set, status: tr.status, updatedAt: now })
				.where(and(eq(contacts.userId, userId), eq(contacts.id, t.contactId))),
		);
	return out;
}
