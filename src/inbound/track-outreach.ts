/**
 * The user wrote to people and BCC'd (or CC'd) us: each recipient becomes a
 * contact on a thread, and the follow-up ladder starts (DESIGN.md cadence).
 */

import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import type { MailAddress } from "../mail/mail-address";
import { confirmReceiptDue, followUpDue, ladderKind, sameDayDue } from "../nudges/cadence";
import { formatDate, type UserClock } from "../time/local-time";
import type { DueTime } from "../time/resolve-delay";
import { displayName, ensureContacts } from "../tracking/ensure-contacts";
import { FOLLOW_UP_KINDS } from "../tracking/nudge-kinds";
import { answersUnseenMessage, quotedAuthors } from "../tracking/reply-signals";
import { subjectKey } from "../tracking/subject-key";
import { createTrackingRepo, type ThreadRow } from "../tracking/tracking-repo";
import { type Account, accepted, type Effects, type InboundContext } from "./inbound-context";
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
	const repo = createTrackingRepo(ctx.services.db);
	const { user } = account;
	const userClock: UserClock = user;
	const now = ctx.now;
	const writes: Write[] = [];
	const refIds = [...new Set([...(o.inReplyTo ? [o.inReplyTo] : []), ...o.references])];
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
		{ status: "awaiting_reply", touch: true, now },
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
	const found = await repo.threadsWithOpenNudges(
		user.id,
		contacts.filter((c) => !c.isNew).map((c) => c.id),
		keys,
		FOLLOW_UP_KINDS,
	);
	const lines: string[] = [];

	for (const contact of contacts) {
		const mine = found.threads.filter((t) => t.contactId === contact.id);
		let thread: ThreadRow | null = null;
		for (const k of keys) {
			thread = mine.find((t) => t.subjectKey === k) ?? null;
			if (thread) break;
		}
		const replied = theyAnswered || quoted.has(contact.email);
		const open = thread ? found.nudges.filter((n) => n.threadId === thread?.id) : [];
		// A reply resets the count; a plain new outreach carries it on.
		const attempt = replied || !thread ? 1 : thread.attempts + 1;
		const threadId = thread?.id ?? newId();
		if (thread) {
			if (open.length) writes.push(repo.cancelNudges(user.id, [thread.id], FOLLOW_UP_KINDS, now));
			writes.push(
				repo.updateThread(user.id, thread.id, {
					state: "open",
					attempts: replied ? 0 : thread.attempts,
					lastOutboundAt: o.sentAt,
					...(replied ? { lastInboundAt: now } : {}),
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
		const confirm = o.kind === "application" && attempt === 1;
		const due =
			o.firstDue ?? (confirm ? confirmReceiptDue(o.sentAt, userClock) : followUpDue(o.sentAt, attempt, userClock));
		const kind = confirm ? "confirm_receipt" : ladderKind(attempt);
		writes.push(
			repo.addNudge({
				userId: user.id,
				contactId: contact.id,
				threadId,
				kind,
				due,
				attempt: confirm ? 0 : attempt,
				now,
			}),
		);
		// They were introduced: the reach-out is done, and the referrer should hear about it.
		const reachOuts = found.introReachOuts.filter((r) => r.contactId === contact.id);
		const referrerId = contact.existing?.referrerId ?? null;
		if (reachOuts.length) {
			writes.push(
				repo.cancelNudgesById(
					user.id,
					reachOuts.map((r) => r.id),
					now,
				),
			);
			if (referrerId) {
				const soon = sameDayDue(now, userClock);
				writes.push(
					repo.addNudge({
						userId: user.id,
						contactId: referrerId,
						threadId: reachOuts[0]?.threadId ?? null,
						kind: "close_loop",
						due: soon,
						note: displayName(contact),
						now,
					}),
				);
			}
		}
		const closing = reachOuts.length > 0 && referrerId !== null;
		const when = due.dueOn ? formatDate(due.dueOn) : due.dueAt.toISOString();
		lines.push(
			`${displayName(contact)}: ${kind.replace("_", " ")} ${when}${replied ? " (they replied earlier)" : ""}${closing ? ", and a note to thank whoever introduced you" : ""}`,
		);
	}
	if (o.messageId) {
		writes.push(
			repo.insertMessage({
				id: newId(),
				userId: user.id,
				threadId: null,
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
