/**
 * track@ (and 3d@, monday@…) and applied@: the user wrote to people and BCC'd us.
 * Each recipient becomes a contact on a thread with a follow-up due (track-outreach.ts);
 * mail to no one else, to more than MAX_RECIPIENTS, or with a date in the past is
 * answered with why nothing was tracked.
 */
import type { MailAddress } from "../../mail/mail-address";
import { type DueTime, resolveDelay } from "../../time/resolve-delay";
import { isRoleAddress } from "../../tracking/role-address";
import { type Account, ignored } from "../inbound-context";
import { answer, nothingToTrack } from "../reply-mail";
import { bulkMail } from "../reply-texts";
import { hasResumeAttachment } from "../resume-attachment";
import { trackOutreach } from "../track-outreach";
import { confirmedAccount, type InboundKind, type MatchInput } from "./inbound-kind";

/** More recipients than this is an announcement, not networking. */
export const MAX_RECIPIENTS = 20;

/** The people written to: To and Cc, once each, without the user, us and role addresses. */
function recipients(input: MatchInput, account: Account): MailAddress[] {
	const own = new Set(account.addresses);
	const ours = `@${input.mailDomain}`;
	const seen = new Set<string>();
	return [...input.mail.to, ...input.mail.cc].filter((p) => {
		if (own.has(p.address) || p.address.endsWith(ours) || isRoleAddress(p.address) || seen.has(p.address)) return false;
		seen.add(p.address);
		return true;
	});
}

interface Outreach {
	account: Account;
	people: MailAddress[];
	/** From the address (3d@, monday@…); null for the default cadence. */
	firstDue: DueTime | null;
	/** To/Cc addresses left out as machines (no-reply, notifications, role addresses). */
	machineRecipients: string[];
	/** The address named a date that has passed. */
	dateInThePast: boolean;
	application: boolean;
}

export const outreach: InboundKind<Outreach> = {
	name: "outreach",
	match: (input) => {
		const { route, now, mail } = input;
		const account = confirmedAccount(input);
		if (!account || (route.kind !== "track" && route.kind !== "applied")) return null;
		const firstDue = route.delay ? resolveDelay(route.delay, now, account.user) : null;
		return {
			account,
			people: recipients(input, account),
			machineRecipients: [...mail.to, ...mail.cc]
				.map((p) => p.address)
				.filter((a) => isRoleAddress(a) && !a.endsWith(`@${input.mailDomain}`)),
			firstDue,
			dateInThePast: route.delay !== null && firstDue === null,
			application: route.kind === "applied" || hasResumeAttachment(mail.attachments),
		};
	},
	process: async (ctx, o) => {
		const { account, people } = o;
		const { mail } = ctx;
		if (people.length === 0) {
			// Say what it went to: only us, or only addresses no one reads (no-reply, notifications).
			const machines = o.machineRecipients.slice(0, 3);
			return nothingToTrack(
				ctx,
				account,
				machines.length
					? `it went only to ${machines.join(", ")}, an address no one answers from. We follow up with people, never with no-reply addresses.`
					: "it went only to us. BCC us on a mail to someone, or forward a mail with its sender.",
			);
		}
		if (people.length > MAX_RECIPIENTS) {
			return answer(
				ctx,
				account,
				ignored(account.user.id, { reason: "bulk", count: people.length, limit: MAX_RECIPIENTS }),
				bulkMail({ subject: mail.subject, count: people.length, limit: MAX_RECIPIENTS }),
			);
		}
		if (o.dateInThePast) return nothingToTrack(ctx, account, "the follow-up date in the address is in the past.");
		return trackOutreach(ctx, account, {
			people,
			subject: mail.subject,
			sentAt: mail.date && mail.date.getTime() <= ctx.now.getTime() ? mail.date : ctx.now,
			messageId: mail.messageId,
			inReplyTo: mail.inReplyTo,
			references: mail.references,
			text: mail.text,
			kind: o.application ? "application" : "outreach",
			firstDue: o.firstDue,
		});
	},
};
