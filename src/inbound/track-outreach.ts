/**
 * The user wrote to people and BCC'd (or CC'd) us, or forwarded their own sent
 * mail: each recipient becomes a contact, and their thread gets an `outreach`
 * event at the mail's own Date (DESIGN.md lifecycle). When the mail answers the
 * contact (it replies to a message we never saw, or quotes "On …, Ann wrote:"),
 * it is their `reply` instead. A referrer copied on the outreach to the person
 * she introduced gets no ladder: her loop is closed.
 */

import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import type { Thread } from "../lifecycle/thread";
import { applyThreadChanges, freshThread, type ThreadChange } from "../lifecycle/thread-store";
import type { MailAddress } from "../mail/mail-address";
import { formatDate, formatLocal } from "../time/local-time";
import type { DueTime } from "../time/resolve-delay";
import { displayName, ensureContacts } from "../tracking/ensure-contacts";
import { NUDGE_KIND_WORDS } from "../tracking/nudge-kinds";
import { answersUnseenMessage, quotedAuthors } from "../tracking/reply-signals";
import { subjectKey } from "../tracking/subject-key";
import { createTrackingRepo } from "../tracking/tracking-repo";
import { type Account, accepted, type Effects, type InboundContext } from "./inbound-context";
import { referencedIds } from "./mail-headers";
import { snippetOf } from "./snippet";

export interface Outreach {
	people: MailAddress[];
	subject: string;
	sentAt: Date;
	messageId: string | null;
	inReplyTo: string | null;
	references: string[];
	text: string;
	/** `application`: a résumé went out, so confirm receipt after 5 business days. */
	kind: "outreach" | "application";
	/** From the address (3d@, monday@…): the first follow-up's due time instead of the default. */
	firstDue: DueTime | null;
}

export async function trackOutreach(ctx: InboundContext, account: Account, o: Outreach): Promise<Effects> {
	const { db } = ctx.services;
	const repo = createTrackingRepo(db, ctx.known);
	const { user } = account;
	const now = ctx.now;
	const writes: Write[] = [];
	const refIds = referencedIds(o);
	const [known, existing] = await Promise.all([
		refIds.length ? repo.messagesById(user.id, refIds) : Promise.resolve([]),
		repo.contactsByEmail(
			user.id,
			o.people.map((p) => p.address),
		),
	]);
	const { contacts, writes: contactWrites } = await ensureContacts(
		repo,
		user.id,
		o.people,
		{ status: "new", touch: false, now },
		existing,
	);
	writes.push(...contactWrites);

	const ownIds = new Set(known.filter((m) => m.direction === "outbound").map((m) => m.messageId));
	const quoted = quotedAuthors(
		o.text,
		contacts.map((c) => c.email),
	);
	const theyAnswered = answersUnseenMessage(o.inReplyTo, ownIds);
	const key = subjectKey(o.subject);
	// Headers first (the subjects of the mails this one answers), then this subject.
	const keys = [...new Set([...known.map((m) => subjectKey(m.subject)), key])];
	const found = await repo.threadsOf(
		user.id,
		contacts.filter((c) => !c.isNew).map((c) => c.id),
		keys,
	);

	// A referrer on the outreach to the person she introduced: her loop closes, no ladder.
	const ids = new Set(contacts.map((c) => c.id));
	const referrers = new Set(
		contacts.map((c) => c.existing?.referrerId).filter((r): r is string => typeof r === "string" && ids.has(r)),
	);
	const threads = new Map<string, Thread>(
		contacts.filter((c) => c.isNew).map((c) => [c.id, freshThread(c.id, displayName(c))]),
	);
	const changes: ThreadChange[] = [];
	let firstThreadId: string | null = null;
	for (const contact of contacts) {
		if (referrers.has(contact.id)) continue;
		const replied = theyAnswered || quoted.has(contact.email);
		const mine = found.filter((t) => t.contactId === contact.id);
		const thread = keys.map((k) => mine.find((t) => t.subjectKey === k)).find((t) => t !== undefined) ?? null;
		const threadId = thread?.id ?? newId();
		firstThreadId ??= threadId;
		if (thread) {
			writes.push(
				repo.updateThread(user.id, thread.id, {
					state: replied ? "replied" : "open",
					lastOutboundAt: o.sentAt,
					...(replied ? { lastInboundAt: o.sentAt } : {}),
					kind: o.kind === "application" ? "application" : thread.kind,
					updatedAt: now,
				}),
			);
		} else {
			writes.push(
				repo.openThread({
					id: threadId,
					userId: user.id,
					contactId: contact.id,
					kind: o.kind,
					key,
					subject: o.subject,
					lastOutboundAt: o.sentAt,
					now,
				}),
			);
		}
		const copied = contact.existing?.referrerId ? referrers.has(contact.existing.referrerId) : false;
		changes.push({
			contactId: contact.id,
			event: replied
				? { type: "reply", at: o.sentAt }
				: {
						type: "outreach",
						at: o.sentAt,
						threadId,
						application: o.kind === "application",
						firstDue: o.firstDue,
						referrerCopied: copied,
					},
		});
	}
	const lifecycle = await applyThreadChanges(db, { id: user.id, clock: user }, changes, now, threads, ctx.known);
	writes.push(...lifecycle.writes);

	const lines = lifecycle.applied.map((a) => {
		const who = a.thread.name;
		if (a.event.type === "reply") return `${who} replied: no follow-ups`;
		if (a.event.type === "loop") return `a note to let ${who} know you reached out`;
		if (a.event.type === "loop_closed") return `${who} was copied: loop closed`;
		const opened = a.transition.open;
		if (!opened) return `${who}: noted`;
		const when = opened.due.dueOn ? formatDate(opened.due.dueOn) : formatLocal(opened.due.dueAt, user.timezone);
		return `${who}: ${NUDGE_KIND_WORDS[opened.kind]} ${when}`;
	});
	if (o.messageId) {
		writes.push(
			repo.insertMessage({
				id: newId(),
				userId: user.id,
				threadId: firstThreadId,
				messageId: o.messageId,
				direction: "outbound",
				fromAddress: account.addresses[0] ?? "",
				toJson: JSON.stringify(o.people),
				subject: o.subject.slice(0, 300),
				snippet: snippetOf(o.text),
				sentAt: o.sentAt,
				createdAt: now,
			}),
		);
	}
	return accepted(user.id, { reason: o.kind === "application" ? "application" : "outreach", lines }, writes);
}
