/**
 * A forward of machine mail (DESIGN.md lifecycle, "bounce", and "People"):
 * a bounce stops the threads of the addresses that failed, and the user is told
 * once, naming them; a networking site's notification ("Ann Lee sent you a
 * message") is about the person, tracked by name, never about the site.
 */
import { applyThreadChanges } from "../lifecycle/thread-store";
import type { MailAddress } from "../mail/mail-address";
import { SIGN_OFF } from "../mail/outgoing-mail";
import { displayName, nameOnly } from "../tracking/ensure-contacts";
import { createTrackingRepo } from "../tracking/tracking-repo";
import { readBounce } from "./bounce-report";
import type { ForwardedOriginal } from "./forwarded-message";
import { type Account, accepted, type Effects, type InboundContext, ignored } from "./inbound-context";
import { isNotificationSender, readNotification } from "./notification-mail";
import { answer } from "./reply-mail";

/** The forwarded mail read as a bounce: the addresses that failed, or null. */
export function forwardedBounce(fwd: ForwardedOriginal) {
	const headers = [
		...(fwd.from ? [{ key: "from", value: `${fwd.from.name} <${fwd.from.address}>` }] : []),
		{ key: "subject", value: fwd.subject },
	];
	return readBounce({ headers, text: `${fwd.subject}\n${fwd.body}` });
}

/** The bounce stops each failed address's thread; the user hears once which address failed. */
export async function trackBounce(ctx: InboundContext, account: Account, failed: readonly string[]): Promise<Effects> {
	const { user } = account;
	const { db } = ctx.services;
	const found = await createTrackingRepo(db, ctx.known).contactsByEmail(user.id, failed);
	const all = [...found.values()];
	if (!all.length) return ignored(user.id, { reason: "bounce_untracked", addresses: failed.slice(0, 5) });
	const { writes, applied } = await applyThreadChanges(
		db,
		{ id: user.id, clock: user },
		all.map((c) => ({ contactId: c.id, event: { type: "bounce" } })),
		ctx.now,
		new Map(),
		ctx.known,
	);
	// Told once: an address already stopped (the same bounce forwarded again) is not news.
	const stopped = new Set(applied.filter((a) => a.transition.result === "applied").map((a) => a.contactId));
	if (!stopped.size) return ignored(user.id, { reason: "bounce_untracked", addresses: failed.slice(0, 5) });
	const contacts = all.filter((c) => stopped.has(c.id));
	const named = contacts.map((c) => (c.name ? `${displayName(c)} <${c.email}>` : c.email));
	const lines = contacts.map((c) => `${c.email} bounced: no more follow-ups to ${displayName(c)}`);
	return answer(ctx, account, accepted(user.id, { reason: "bounce", lines }, writes), {
		subject: `Bounced: ${named.length === 1 ? named[0] : `${named.length} addresses`}`,
		text:
			[
				`Your mail to ${named.join(", ")} came back: the address does not work.`,
				"We stopped the follow-ups there. If you find a new address, BCC us on your next mail to it.",
			].join("\n") + SIGN_OFF,
	});
}

/**
 * The person a forwarded notification is about, by name; `undefined` when the
 * sender is a person; null for machine mail about no one.
 */
export function notificationPerson(fwd: ForwardedOriginal): MailAddress | null | undefined {
	const from = fwd.from;
	if (!from?.address) return undefined;
	const note = readNotification({ from, subject: fwd.subject });
	if (note) return nameOnly(note.personName);
	return isNotificationSender(from.address) ? null : undefined;
}
