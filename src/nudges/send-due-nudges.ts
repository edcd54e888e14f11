/**
 * The nudge half of a cron tick: due nudges become one digest per user and local
 * day (or single mails), written to the outbox together with the state change and
 * the next rung of each ladder, a chunk of users per D1 batch. Delivery is the
 * outbox sender's job.
 */
import { hashSecretToken, newSecretToken } from "../accounts/secret-token";
import type { Services } from "../app/services";
import { REPLY_TOKEN_DAYS } from "../inbound/reply-mail";
import { newId } from "../lib/crypto";
import { composeOutboxRow } from "../mail/compose";
import { inDays } from "../time/local-time";
import { ITEM_LINK_DAYS, signLink, UNSUBSCRIBE_LINK_DAYS } from "../web/signed-link";
import { type ItemLinks, renderDigest, renderSingle } from "./digest-mail";
import {
	chunkStatements,
	type DueNudge,
	existingDedupeKeys,
	type PlannedMail,
	type PlannedSuccessor,
	type PlannedThread,
	selectDueNudges,
} from "./due-nudges-repo";
import { digestKey, groupByUser, ladderStep, planUser, singleKey, type UserDue } from "./plan-tick";

/** Nudges read per page; users per write batch (each batch: a handful of set-based statements). */
export const PAGE_NUDGES = 1000;
export const USERS_PER_CHUNK = 100;

export interface NudgeTickSummary {
	users: number;
	digests: number;
	singles: number;
	statements: number;
	/** The page budget ran out with due nudges left. */
	more: boolean;
}

async function planMail(
	services: Services,
	u: UserDue,
	nudges: DueNudge[],
	rendered: { subject: string; text: string; html: string },
	kind: "digest" | "nudge",
	dedupeKey: string,
	now: Date,
): Promise<PlannedMail> {
	const { config } = services;
	const token = newSecretToken();
	const replyTo = `r+${token}@${config.mailDomain}`;
	const unsubscribe = await signLink(config.appSecret, {
		u: u.userId,
		a: "unsubscribe",
		e: inDays(now, UNSUBSCRIBE_LINK_DAYS).getTime(),
	});
	const row = composeOutboxRow(
		{
			kind,
			userId: u.userId,
			to: u.to ?? "",
			subject: rendered.subject,
			text: rendered.text,
			html: rendered.html,
			replyTo,
			// Reminder mail is list-like: RFC 2369/2919 headers let clients and filters treat it so.
			headers: {
				"list-unsubscribe": `<${config.publicUrl}/u/${unsubscribe}>, <mailto:${replyTo}?subject=unsubscribe>`,
				"list-unsubscribe-post": "List-Unsubscribe=One-Click",
				"list-id": `Followthrough reminders <reminders.${config.mailDomain}>`,
			},
			dedupeKey,
		},
		config,
		{ id: newId(), now },
	);
	return {
		outbox: row,
		tokenHash: await hashSecretToken(token),
		tokenExpiresAt: inDays(now, REPLY_TOKEN_DAYS),
		nudgeIds: nudges.map((n) => n.id),
	};
}

/** Signed Done and Snooze links for each item. */
async function itemLinks(
	services: Services,
	userId: string,
	items: DueNudge[],
	now: Date,
): Promise<Map<string, ItemLinks>> {
	const { appSecret, publicUrl } = services.config;
	const e = inDays(now, ITEM_LINK_DAYS).getTime();
	const out = new Map<string, ItemLinks>();
	for (const n of items) {
		out.set(n.id, {
			done: `${publicUrl}/a/${await signLink(appSecret, { u: userId, n: n.id, a: "done", e })}`,
			snooze: `${publicUrl}/a/${await signLink(appSecret, { u: userId, n: n.id, a: "snooze", e })}`,
		});
	}
	return out;
}

export async function sendDueNudges(
	services: Services,
	maxPages = services.config.tickBudgetPages,
): Promise<NudgeTickSummary> {
	const { db, clock, config } = services;
	const now = clock.now();
	const summary: NudgeTickSummary = { users: 0, digests: 0, singles: 0, statements: 0, more: false };
	const seen = new Set<string>();
	for (let page = 0; ; page++) {
		const rows = (await selectDueNudges(db, now, PAGE_NUDGES)).filter((r) => !seen.has(r.id));
		summary.statements++;
		if (!rows.length) break;
		if (page >= maxPages) {
			summary.more = true;
			break;
		}
		let users = groupByUser(rows).filter((u) => u.to !== null);
		// A full page may have cut the last user's nudges short: leave them whole for the next page.
		if (rows.length === PAGE_NUDGES && users.length > 1) users = users.slice(0, -1);
		for (const u of users) for (const n of u.nudges) seen.add(n.id);
		for (const r of rows) if (r.to === null) seen.add(r.id);
		const already = await existingDedupeKeys(
			db,
			users.map((u) => digestKey(u, now)),
		);
		summary.statements++;
		for (let i = 0; i < users.length; i += USERS_PER_CHUNK) {
			const mails: PlannedMail[] = [];
			const successors: PlannedSuccessor[] = [];
			const threads: PlannedThread[] = [];
			for (const u of users.slice(i, i + USERS_PER_CHUNK)) {
				const plan = planUser(u, already.has(digestKey(u, now)));
				const batches: { mail: PlannedMail; nudges: DueNudge[] }[] = [];
				const links = await itemLinks(services, u.userId, [...(plan.digest ?? []), ...plan.singles], now);
				if (plan.digest) {
					const rendered = await renderDigest(plan.digest, now, config.publicUrl, links);
					batches.push({
						mail: await planMail(services, u, plan.digest, rendered, "digest", digestKey(u, now), now),
						nudges: plan.digest,
					});
					summary.digests++;
				}
				for (const n of plan.singles) {
					const rendered = await renderSingle(n, now, config.publicUrl, links);
					batches.push({ mail: await planMail(services, u, [n], rendered, "nudge", singleKey(n), now), nudges: [n] });
					summary.singles++;
				}
				for (const b of batches) {
					mails.push(b.mail);
					for (const n of b.nudges) {
						const step = ladderStep(n, now, u.clock);
						const outboxId = b.mail.outbox.id;
						if (step.next) {
							successors.push({
								outboxId,
								row: {
									id: newId(),
									userId: u.userId,
									contactId: n.contactId,
									threadId: n.threadId,
									kind: step.next.kind,
									dueAt: step.next.due.dueAt,
									dueOn: step.next.due.dueOn,
									attempt: step.next.attempt,
									note: n.note,
									createdAt: now,
									updatedAt: now,
								},
							});
						}
						if (step.thread && n.threadId) threads.push({ outboxId, threadId: n.threadId, ...step.thread });
					}
				}
				summary.users++;
			}
			if (!mails.length) continue;
			const statements = chunkStatements(config.db, now, mails, successors, threads);
			summary.statements += statements.length;
			await config.db.batch(statements);
		}
	}
	return summary;
}
