/**
 * The user forwarded an email; what happened counts from the forwarded mail's own
 * Date. (a) we were waiting for the sender's answer: this is their reply; (b) it
 * introduces people, who get a reach-out today with the sender as referrer;
 * (c) otherwise, reply to the sender. A forward of the user's own sent mail is
 * outreach. A sender shown by name only is tracked by name.
 */

import type { Write } from "../../db/write";
import { newId } from "../../lib/crypto";
import type { Thread } from "../../lifecycle/thread";
import { applyThreadChanges, freshThread, type ThreadChange } from "../../lifecycle/thread-store";
import type { MailAddress } from "../../mail/mail-address";
import { displayName, ensureContacts, nameOnly } from "../../tracking/ensure-contacts";
import { isRoleAddress } from "../../tracking/role-address";
import { subjectKey } from "../../tracking/subject-key";
import { createTrackingRepo } from "../../tracking/tracking-repo";
import { isAutoReplySubject } from "../automatic-mail";
import { forwardedDate } from "../forwarded-date";
import { forwardedBounce, notificationPerson, trackBounce } from "../forwarded-machine-mail";
import type { ForwardedOriginal } from "../forwarded-message";
import { type Account, accepted, type Effects, type InboundContext, ignored } from "../inbound-context";
import { hasIntroLanguage, namedInForward } from "../intro-detection";
import { moveForAbsence } from "../out-of-office";
import { snippetOf } from "../snippet";
import { trackOutreach } from "../track-outreach";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

async function trackForward(
	ctx: InboundContext,
	account: Account,
	fwd: ForwardedOriginal,
	opts: { intro: boolean },
): Promise<Effects> {
	const { user } = account;
	const now = ctx.now;
	const own = new Set(account.addresses);
	const ourDomain = `@${ctx.services.config.mailDomain}`;
	const keep = (p: MailAddress) =>
		p.address !== "" && !own.has(p.address) && !p.address.endsWith(ourDomain) && !isRoleAddress(p.address);
	const sender = fwd.from;
	const subject = fwd.subject || ctx.mail.subject;

	if (sender?.address && own.has(sender.address)) {
		return trackOutreach(ctx, account, {
			people: [...fwd.to, ...fwd.cc].filter(keep),
			subject,
			sentAt: forwardedDate(fwd, user.timezone, now) ?? now,
			messageId: ctx.mail.messageId,
			inReplyTo: null,
			references: [],
			text: fwd.body,
			kind: "outreach",
			firstDue: null,
		});
	}
	// A bounce: the address that failed is stopped, and the user told once.
	const bounce = forwardedBounce(fwd);
	if (bounce?.failed.length) return trackBounce(ctx, account, bounce.failed);
	// A networking site's notification is about a person, tracked by name; other machine mail is about no one.
	const notified = notificationPerson(fwd);
	if (notified === null) return ignored(user.id, { reason: "forward_without_sender", who: sender?.name || null });
	// A forward that shows a name and no address: the person is tracked by name.
	const person = notified ?? (sender?.address ? sender : sender?.name ? nameOnly(sender.name) : null);
	if (!person || (person.address === sender?.address && !keep(person))) {
		const who = sender?.name ? `${sender.name} (no address in the forward)` : "no sender";
		return ignored(user.id, { reason: "forward_without_sender", who });
	}

	// A forwarded out-of-office: not a reply; it may move the follow-up.
	if (isAutoReplySubject(fwd.subject)) {
		const moved = await moveForAbsence(
			ctx,
			account,
			person.address,
			fwd.body,
			forwardedDate(fwd, user.timezone, now) ?? now,
		);
		return moved ?? ignored(user.id, { reason: "out_of_office", moved: null });
	}

	const { db } = ctx.services;
	const repo = createTrackingRepo(db, ctx.known);
	const writes: Write[] = [];
	const lines: string[] = [];
	const at = forwardedDate(fwd, user.timezone, now) ?? now;
	const participants = [...fwd.to, ...fwd.cc].filter((p) => keep(p) && p.address !== person.address);
	const named = namedInForward(fwd).filter(
		(p) => keep(p) && p.address !== person.address && !participants.some((q) => q.address === p.address),
	);
	const introLanguage = hasIntroLanguage(`${fwd.note}\n${subject}\n${fwd.body}`);
	const introduced = opts.intro || introLanguage ? [...participants, ...named] : named;

	const senderRef = await ensureContacts(repo, user.id, [person], { status: "new", touch: false, now });
	writes.push(...senderRef.writes);
	const from = senderRef.contacts[0];
	if (!from) return ignored(user.id, { reason: "forward_without_sender", who: null });
	const key = subjectKey(subject);
	const threads = new Map<string, Thread>();
	if (from.isNew) threads.set(from.id, freshThread(from.id, displayName(from)));
	const changes: ThreadChange[] = [];

	// (a) Their mail, while we waited for it: their reply.
	const waiting = from.existing?.status === "awaiting_reply" || from.existing?.status === "dormant";
	if (waiting) {
		changes.push({ contactId: from.id, event: { type: "reply", at } });
		writes.push(repo.markReplied(user.id, from.id, at, now));
	}

	// (b) An introduction: reach out to each introduced person today; the intro's age counts from its own Date.
	if (introduced.length) {
		const intro = await ensureContacts(repo, user.id, introduced, {
			status: "new",
			touch: false,
			referrerId: from.id,
			now,
		});
		writes.push(...intro.writes);
		for (const p of intro.contacts) {
			const threadId = newId();
			if (p.isNew) threads.set(p.id, freshThread(p.id, displayName(p), from.id));
			writes.push(
				repo.openThread({ id: threadId, userId: user.id, contactId: p.id, kind: "intro", key, subject, now }),
			);
			changes.push({ contactId: p.id, event: { type: "introduced", at, threadId, referrerId: from.id } });
		}
		lines.push(
			`introduction from ${displayName(from)}: reach out to ${intro.contacts.map(displayName).join(", ")} today`,
		);
	} else {
		// The other people on the mail are kept as contacts.
		const others = await ensureContacts(repo, user.id, participants, { status: "new", touch: false, now });
		writes.push(...others.writes);
	}
	if (!introduced.length && !waiting) {
		// (c) They wrote to the user: reply to them.
		const threadId = newId();
		writes.push(
			repo.openThread({
				id: threadId,
				userId: user.id,
				contactId: from.id,
				kind: "outreach",
				key,
				subject,
				lastInboundAt: at,
				now,
			}),
		);
		changes.push({ contactId: from.id, event: { type: "wrote", at, threadId } });
	}
	const lifecycle = await applyThreadChanges(db, { id: user.id, clock: user }, changes, now, threads, ctx.known);
	writes.push(...lifecycle.writes);
	if (waiting) lines.unshift(`${displayName(from)} replied: follow-ups stopped`);
	if (!introduced.length && !waiting) {
		// Say what happened: a reminder only when one was opened (a check-in or note may already be open).
		const opened = lifecycle.applied.some((a) => a.event.type === "wrote" && a.transition.open);
		lines.push(
			opened
				? `reply to ${displayName(from)}: reminder today`
				: `${displayName(from)} wrote: noted, with their open reminder kept`,
		);
	}

	if (ctx.mail.messageId) {
		writes.push(
			repo.insertMessage({
				id: newId(),
				userId: user.id,
				messageId: ctx.mail.messageId,
				direction: "inbound",
				fromAddress: person.address,
				fromName: person.name || null,
				toJson: JSON.stringify(fwd.to),
				ccJson: JSON.stringify(fwd.cc),
				subject: subject.slice(0, 300),
				snippet: snippetOf(fwd.body),
				sentAt: at,
				createdAt: now,
			}),
		);
	}
	const reason = introduced.length ? "introduction" : waiting ? "reply_seen" : "forward";
	return accepted(user.id, { reason, lines }, writes);
}

export const forward: InboundKind<{ account: Account; fwd: ForwardedOriginal; intro: boolean }> = {
	name: "forward",
	match: async (input) => {
		const { route } = input;
		const account = confirmedAccount(input);
		if (!account || (route.kind !== "track" && route.kind !== "applied" && route.kind !== "intro")) return null;
		const fwd = await input.forward();
		return fwd ? { account, fwd, intro: route.kind === "intro" } : null;
	},
	process: (ctx, { account, fwd, intro }) => trackForward(ctx, account, fwd, { intro }),
};
