/**
 * The user forwarded an email. First rule that fits: (a) the sender has an open
 * thread, so this is their reply; (b) it introduces people, who get a reach-out
 * nudge today with the sender as referrer; (c) otherwise, reply to the sender.
 * A forward of the user's own sent mail is outreach. An introduction from
 * someone with an open thread is both (a) and (b).
 */

import type { Write } from "../../db/write";
import { newId } from "../../lib/crypto";
import type { MailAddress } from "../../mail/mail-address";
import { sameDayDue } from "../../nudges/cadence";
import { displayName, ensureContacts } from "../../tracking/ensure-contacts";
import { FOLLOW_UP_KINDS } from "../../tracking/nudge-kinds";
import { isRoleAddress } from "../../tracking/role-address";
import { subjectKey } from "../../tracking/subject-key";
import { createTrackingRepo } from "../../tracking/tracking-repo";
import { isAutoReplySubject } from "../automatic-mail";
import type { ForwardedOriginal } from "../forwarded-message";
import { type Account, accepted, type Effects, type InboundContext, ignored } from "../inbound-context";
import { hasIntroLanguage, namedAddresses } from "../intro-detection";
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
			sentAt: fwd.date && fwd.date.getTime() <= now.getTime() ? fwd.date : now,
			messageId: ctx.mail.messageId,
			inReplyTo: null,
			references: [],
			text: fwd.body,
			kind: "outreach",
			firstDue: null,
		});
	}
	if (!sender?.address || !keep(sender)) {
		const who = sender?.name ? `${sender.name} (no address in the forward)` : "no sender";
		return ignored(user.id, { reason: "forward_without_sender", who });
	}

	// A forwarded out-of-office: not a reply; it may move the follow-up.
	if (isAutoReplySubject(fwd.subject)) {
		const moved = await moveForAbsence(ctx, account, sender.address, fwd.body, fwd.date ?? now);
		return moved ?? ignored(user.id, { reason: "out_of_office", moved: null });
	}

	const repo = createTrackingRepo(ctx.services.db);
	const writes: Write[] = [];
	const lines: string[] = [];
	const participants = [...fwd.to, ...fwd.cc].filter((p) => keep(p) && p.address !== sender.address);
	const named = namedAddresses(`${fwd.note}\n${fwd.body}`).filter(
		(p) => keep(p) && p.address !== sender.address && !participants.some((q) => q.address === p.address),
	);
	const introLanguage = hasIntroLanguage(`${fwd.note}\n${subject}\n${fwd.body}`);
	const introduced = opts.intro || introLanguage ? [...participants, ...named] : named;

	const senderRef = await ensureContacts(repo, user.id, [sender], { status: "replied", touch: false, now });
	writes.push(...senderRef.writes);
	const from = senderRef.contacts[0];
	if (!from) return ignored(user.id, { reason: "forward_without_sender", who: null });
	const key = subjectKey(subject);

	// (a) Their reply: stop following up.
	const open = from.isNew ? [] : await repo.openThreadsOf(user.id, from.id);
	if (open.length) {
		const ids = open.map((t) => t.id);
		writes.push(repo.cancelNudges(user.id, ids, FOLLOW_UP_KINDS, now));
		for (const t of open)
			writes.push(repo.updateThread(user.id, t.id, { state: "replied", lastInboundAt: now, updatedAt: now }));
		writes.push(repo.updateContact(user.id, from.id, { status: "replied", lastContactAt: now, updatedAt: now }));
		lines.push(`${displayName(from)} replied: follow-ups stopped`);
	}

	// (b) An introduction: reach out to each introduced person today.
	if (introduced.length) {
		const intro = await ensureContacts(repo, user.id, introduced, {
			status: "new",
			touch: false,
			referrerId: from.id,
			now,
		});
		writes.push(...intro.writes);
		const due = sameDayDue(now, user);
		for (const person of intro.contacts) {
			const threadId = newId();
			writes.push(
				repo.openThread({
					id: threadId,
					userId: user.id,
					contactId: person.id,
					kind: "intro",
					key,
					subject,
					now,
				}),
				repo.addNudge({
					userId: user.id,
					contactId: person.id,
					threadId,
					kind: "reach_out",
					due,
					note: `introduced by ${displayName(from)}`,
					now,
				}),
			);
		}
		lines.push(
			`introduction from ${displayName(from)}: reach out to ${intro.contacts.map(displayName).join(", ")} today`,
		);
	} else {
		// The other people on the mail are kept as contacts.
		const others = await ensureContacts(repo, user.id, participants, { status: "new", touch: false, now });
		writes.push(...others.writes);
	}
	if (!introduced.length && !open.length) {
		// (c) Reply to the sender.
		const threadId = newId();
		const due = sameDayDue(now, user);
		writes.push(
			repo.openThread({
				id: threadId,
				userId: user.id,
				contactId: from.id,
				kind: "outreach",
				key,
				subject,
				lastInboundAt: fwd.date ?? now,
				now,
			}),
			repo.addNudge({
				userId: user.id,
				contactId: from.id,
				threadId,
				kind: "reach_out",
				due,
				note: "reply",
				now,
			}),
		);
		lines.push(`reply to ${displayName(from)}: reminder today`);
	}

	if (ctx.mail.messageId) {
		writes.push(
			repo.insertMessage({
				id: newId(),
				userId: user.id,
				messageId: ctx.mail.messageId,
				direction: "inbound",
				fromAddress: sender.address,
				fromName: sender.name || null,
				toJson: JSON.stringify(fwd.to),
				ccJson: JSON.stringify(fwd.cc),
				subject: subject.slice(0, 300),
				snippet: snippetOf(fwd.body),
				sentAt: fwd.date,
				createdAt: now,
			}),
		);
	}
	const reason = introduced.length ? "introduction" : open.length ? "reply_seen" : "forward";
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
