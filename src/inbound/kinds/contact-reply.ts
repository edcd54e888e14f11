/**
 * A contact answered the user with us in Cc (reply-all on a BCC'd outreach that
 * CC'd track@, or a reply naming one of our tracked Message-IDs). It is the
 * contact's `reply` (DESIGN.md lifecycle): their follow-ups stop. The contact is
 * never a new account and never gets mail from us. Mail from an unknown sender
 * that is no user's contact's goes on to the new-sender kind.
 */
import { eq } from "drizzle-orm";
import { createAccountsRepo } from "../../accounts/accounts-repo";
import { users } from "../../db/schema";
import { applyThreadChanges } from "../../lifecycle/thread-store";
import { createTrackingRepo } from "../../tracking/tracking-repo";
import { type ContactMailLookup, ownerOf, unconfirmedRecipient } from "../contact-read-ahead";
import { accepted, type Effects, type InboundContext, ignored } from "../inbound-context";
import { referencedIds } from "../mail-headers";
import type { ParsedMail } from "../parse-message";
import { snippetOf } from "../snippet";
import type { InboundKind } from "./inbound-kind";
import { newSender } from "./new-sender";

/** Addresses and Message-IDs looked at, at most. */
const MAX_LOOKUPS = 40;

type ContactMail = ContactMailLookup;

/** What to look the sender up by, if this mail is a contact's: the Message-IDs it answers, the others it went to. */
export function contactMailIn(address: string, mail: ParsedMail, mailDomain: string): ContactMail | null {
	const ours = `@${mailDomain}`;
	const refs = referencedIds(mail).slice(0, MAX_LOOKUPS);
	const recipients = [...new Set([...mail.to, ...mail.cc].map((p) => p.address))]
		.filter((a) => a && !a.endsWith(ours) && a !== address)
		.slice(0, MAX_LOOKUPS);
	const copiesUs = [...mail.to, ...mail.cc].some((p) => p.address.endsWith(ours));
	return refs.length || recipients.length ? { address, refs, recipients, copiesUs } : null;
}

/** Which user this is a contact's mail to (contact-read-ahead.ts), for a mail too large to read ahead. */
async function whoseContact(
	ctx: InboundContext,
	m: ContactMail,
): Promise<{ userId: string | null; toUnconfirmed: boolean }> {
	const { db } = ctx.services;
	const ownerQ = db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.id, ownerOf(m)))
		.limit(1);
	const unconfirmed = unconfirmedRecipient(db, m);
	const [owner, pending] = unconfirmed ? await db.batch([ownerQ, unconfirmed]) : [await ownerQ, []];
	const userId = owner[0]?.id ?? null;
	return { userId, toUnconfirmed: userId === null && pending.length > 0 };
}

async function processContactMail(ctx: InboundContext, m: ContactMail): Promise<Effects> {
	// Read ahead with the sender lookup for this very mail (contact-read-ahead.ts), else read here.
	const ahead = ctx.contactMail?.address === m.address ? ctx.contactMail : null;
	const owner = ahead
		? { userId: ahead.user?.id ?? null, toUnconfirmed: ahead.toUnconfirmed }
		: await whoseContact(ctx, m);
	const { userId } = owner;
	// A reply-all to someone whose account is not confirmed yet is still a contact's mail: never an account.
	if (!userId && owner.toUnconfirmed) return ignored(null, { reason: "contact_mail_untracked" });
	if (!userId) return newSender.process(ctx, { address: m.address });
	const { db } = ctx.services;
	const known = ahead?.known ?? undefined;
	const repo = createTrackingRepo(db, known);
	const [user, contact] = await Promise.all([
		ahead ? ahead.user : createAccountsRepo(db).findById(userId),
		repo.contactsByEmail(userId, [m.address]).then((found) => found.get(m.address)),
	]);
	if (!user || !contact) return ignored(userId, { reason: "contact_mail_untracked" });
	const at = ctx.mail.date && ctx.mail.date.getTime() <= ctx.now.getTime() ? ctx.mail.date : ctx.now;
	const { writes, applied } = await applyThreadChanges(
		db,
		{ id: user.id, clock: user },
		[{ contactId: contact.id, event: { type: "reply", at } }],
		ctx.now,
		new Map(),
		known,
	);
	writes.push(repo.markReplied(userId, contact.id, at, ctx.now));
	if (ctx.mail.messageId)
		writes.push(
			repo.insertMessage({
				id: crypto.randomUUID(),
				userId,
				messageId: ctx.mail.messageId,
				direction: "inbound",
				fromAddress: m.address,
				fromName: ctx.mail.from?.name || null,
				subject: ctx.mail.subject.slice(0, 300),
				snippet: snippetOf(ctx.mail.text),
				sentAt: at,
				createdAt: ctx.now,
			}),
		);
	const name = applied[0]?.thread.name ?? m.address;
	return accepted(
		userId,
		{ reason: "reply_seen", lines: [`${name} replied (you were in copy): follow-ups stopped`] },
		writes,
	);
}

export const contactReply: InboundKind<ContactMail> = {
	name: "contact_reply",
	match: ({ sender, mail, mailDomain }) =>
		sender.account === null ? contactMailIn(sender.address, mail, mailDomain) : null,
	process: processContactMail,
};
