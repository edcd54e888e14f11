/**
 * The nudge half of a cron tick: due nudges become one digest per user and local
 * day (or single mails), written to the outbox together with the state change and
 * the next rung of each ladder, a chunk of users per D1 batch. Delivery is the
 * outbox sender's job.
 */

import type { Services } from "../app/services";
import { mondayOpeningLines } from "../insights/weekly-line";
import { newId } from "../lib/crypto";
import { addDelivery, type DeliverySummary, emptyDelivery, sendHeld } from "../mail/deliver-outbox";
import { MAX_BATCH } from "../mail/mailer";
import { type DeliveryRecord, freshSendable, LEASE_MS } from "../mail/outbox-repo";
import { buildOutgoingMail, itemLinks } from "../mail/outgoing-mail";
import { localDate } from "../time/local-time";
import { DIGEST_MAX_ITEMS, renderDigest, renderSingle } from "./digest-mail";
import { clearWake, MAX_CHUNK_JSON, type PlannedMail, selectDueNudges, writeChunk } from "./due-nudges-repo";
import { digestKey, groupByUser, planUser, singleKey, type TickItem, type UserDue } from "./plan-tick";

/** Nudges read per page (one statement); users planned together (up to one provider call of mail). */
export const PAGE_NUDGES = 5000;
export const USERS_PER_CHUNK = MAX_BATCH;
/** Delivery results are recorded in one statement per this many. */
export const RECORD_EVERY = 1000;

export interface NudgeTickSummary {
	users: number;
	digests: number;
	singles: number;
	/** What sending the tick's own mail did. */
	delivery: DeliverySummary;
	/** The page budget ran out with due nudges left. */
	more: boolean;
}

/** What writing one mail does: the JSON the outbox trigger applies (migrations/0006). */
interface MailEffects {
	token: { id: string; hash: string; expiresAt: number; context: string } | null;
	/** Undelivered nudges this mail delivers, and when their next rung replaces them. */
	sent: { id: string; wakeAt: number | null }[];
	/** Successors this mail delivers, each replacing a delivered rung. */
	replace: Record<string, unknown>[];
	/** Contacts whose thread goes dormant (a last try went out). */
	dormant: string[];
	digestOn: string | null;
}

function effectsOf(items: TickItem[]): Pick<MailEffects, "sent" | "replace" | "dormant"> {
	return {
		sent: items.filter((n) => !n.replaces).map((n) => ({ id: n.id, wakeAt: n.wakeAt?.getTime() ?? null })),
		replace: items
			.filter((n) => n.replaces)
			.map((n) => ({
				replaces: n.replaces,
				id: n.id,
				contactId: n.contactId,
				threadId: n.threadId,
				kind: n.kind,
				dueAt: n.dueAt.getTime(),
				dueOn: n.dueOn,
				attempt: n.attempt,
				note: n.note,
				wakeAt: n.wakeAt?.getTime() ?? null,
			})),
		dormant: items.filter((n) => n.dormant && n.contactId).map((n) => n.contactId as string),
	};
}

async function planMail(
	services: Services,
	u: UserDue,
	nudges: TickItem[],
	rendered: { subject: string; text: string; html: string },
	kind: "digest" | "nudge",
	dedupeKey: string,
	now: Date,
): Promise<PlannedMail> {
	const { row, tokens } = await buildOutgoingMail(
		{
			kind,
			userId: u.userId,
			to: u.to ?? "",
			...rendered,
			dedupeKey,
			// The numbered items, for replies like "2 done".
			replyToken: { purpose: "reply", context: { nudges: nudges.map((n) => n.id) } },
			// Reminder mail is list-like: RFC 2369/2919 headers let clients and filters treat it so.
			list: "reminders",
		},
		services.config,
		now,
	);
	// A reminder mail has one token, its reply token.
	const token = tokens[0] ?? null;
	const effects: MailEffects = {
		// The trigger inserts the token (migrations/0006): only its hash.
		token: token && {
			id: token.id,
			hash: token.tokenHash,
			expiresAt: token.expiresAt.getTime(),
			context: token.contextJson,
		},
		...effectsOf(nudges),
		digestOn: kind === "digest" ? localDate(now, u.clock.timezone) : null,
	};
	return { outbox: { ...row, effectsJson: JSON.stringify(effects) } };
}

/** Up to one provider call of mail, and under D1's row size, per statement. */
function packForWriting(mails: PlannedMail[]): PlannedMail[][] {
	const packs: PlannedMail[][] = [];
	let pack: PlannedMail[] = [];
	let bytes = 0;
	for (const m of mails) {
		const size = m.outbox.text.length + (m.outbox.html?.length ?? 0) + m.outbox.effectsJson.length + 2_000;
		if (pack.length && (pack.length === MAX_BATCH || bytes + size > MAX_CHUNK_JSON)) {
			packs.push(pack);
			pack = [];
			bytes = 0;
		}
		pack.push(m);
		bytes += size;
	}
	if (pack.length) packs.push(pack);
	return packs;
}

async function planChunk(services: Services, users: UserDue[], now: Date, summary: NudgeTickSummary) {
	const mails: PlannedMail[] = [];
	const plans = users.map((u) => ({ u, plan: planUser(u, now) }));
	// Monday's digests open with last week's line: one statement per 500 such users, none on other days.
	const openings = await mondayOpeningLines(
		services.db,
		plans.filter((p) => p.plan.digest).map((p) => ({ id: p.u.userId, timezone: p.u.clock.timezone })),
		now,
	);
	for (const { u, plan } of plans) {
		// A digest delivers what it shows; the "+N more" wait for the next one.
		const shown = plan.digest?.slice(0, DIGEST_MAX_ITEMS) ?? [];
		const links = await itemLinks(services.config, u.userId, [...shown, ...plan.singles], now);
		if (plan.digest) {
			const dashboard = `${services.config.publicUrl}/app`;
			const rendered = await renderDigest(plan.digest, now, dashboard, links, openings.get(u.userId) ?? null);
			mails.push(await planMail(services, u, shown, rendered, "digest", digestKey(u, now), now));
			summary.digests++;
		}
		for (const n of plan.singles) {
			const rendered = await renderSingle(n, now, `${services.config.publicUrl}/app`, links);
			mails.push(await planMail(services, u, [n], rendered, "nudge", singleKey(n), now));
			summary.singles++;
		}
		summary.users++;
	}
	return mails;
}

export async function sendDueNudges(
	services: Services,
	maxPages = services.config.tickBudgetPages,
): Promise<NudgeTickSummary> {
	const { db, clock, config, mailer, outbox } = services;
	const now = clock.now();
	const summary: NudgeTickSummary = { users: 0, digests: 0, singles: 0, delivery: emptyDelivery(), more: false };
	let unrecorded: DeliveryRecord[] = [];
	const flush = async () => {
		await outbox.record(now, unrecorded);
		unrecorded = [];
	};
	const writeAndSend = async (chunk: UserDue[]) => {
		const mails = await planChunk(services, chunk, now, summary);
		for (const pack of packForWriting(mails)) {
			const batchId = newId();
			const leaseUntil = new Date(now.getTime() + LEASE_MS);
			const written = await writeChunk(config.db, pack, { now, leaseUntil, batchId });
			const held = pack.filter((m) => written.has(m.outbox.id)).map((m) => freshSendable(m.outbox, batchId));
			const sent = await sendHeld(mailer, held, now);
			addDelivery(summary.delivery, sent.summary);
			unrecorded.push(...sent.records);
			// Until recorded, the rows stay leased; a dead tick's are sent again under the same key.
			if (unrecorded.length >= RECORD_EVERY) await flush();
		}
	};
	const waiting: UserDue[] = [];
	// Keyset paging by user: each page starts after the last user the page before took whole, so
	// rows that stay due (the "+N more", a day off) never hold later users back.
	let cursor: string | null = null;
	for (let page = 0; ; page++) {
		const fetched = await selectDueNudges(db, now, PAGE_NUDGES, cursor);
		if (!fetched.length) break;
		if (page >= maxPages) {
			summary.more = true;
			break;
		}
		const full = fetched.length === PAGE_NUDGES;
		const lastUser = fetched.at(-1)?.userId ?? null;
		// A full page may have cut the last user's rows short: that user starts the next page.
		const cut = full && fetched.some((r) => r.userId !== lastUser) ? lastUser : null;
		const rows = cut ? fetched.filter((r) => r.userId !== cut) : fetched;
		cursor = rows.at(-1)?.userId ?? cursor;
		const users = groupByUser(rows, now, newId).filter((u) => u.to !== null);
		// Delivered rungs with nothing after them (a setting changed): they stop waking.
		const quiet = users.flatMap((u) =>
			rows.filter((r) => r.userId === u.userId && r.state === "sent" && !u.nudges.some((n) => n.replaces === r.id)),
		);
		if (quiet.length)
			await clearWake(
				db,
				quiet.map((r) => r.id),
			);
		waiting.push(...users);
		// Whole chunks now; a short remainder waits for the next page, so calls stay ceil(N/100).
		while (waiting.length >= USERS_PER_CHUNK) await writeAndSend(waiting.splice(0, USERS_PER_CHUNK));
		if (!full) break;
	}
	if (waiting.length) await writeAndSend(waiting);
	await flush();
	return summary;
}
