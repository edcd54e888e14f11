/** The words of the short mails we send back about inbound mail. Plain text, warm, specific. */

import { type MailText, SIGN_OFF as sign } from "../mail/outgoing-mail";
import { addressHelp } from "./address-grammar";

export type Draft = MailText;

export function nothingToTrackMail(p: { subject: string; why: string; mailDomain: string }): Draft {
	return {
		subject: `Nothing to track in "${p.subject.slice(0, 60) || "your email"}"`,
		text:
			[
				`We read your email but found nothing to follow up on: ${p.why}`,
				"",
				"What works:",
				addressHelp(p.mailDomain),
			].join("\n") + sign,
	};
}

export function bulkMail(p: { subject: string; count: number; limit: number }): Draft {
	return {
		subject: `Not tracked: "${p.subject.slice(0, 60)}" went to ${p.count} people`,
		text:
			[
				`Your email went to ${p.count} people. Past ${p.limit} recipients it looks like an announcement rather than networking, so we tracked no one.`,
				"",
				"To follow up with a few of them, BCC track@ on a note to each.",
			].join("\n") + sign,
	};
}

export function unknownAddressMail(p: { localPart: string; mailDomain: string }): Draft {
	return {
		subject: `${p.localPart}@${p.mailDomain} isn't one of our addresses`,
		text:
			[
				`We don't know ${p.localPart}@${p.mailDomain}, so nothing was tracked. These are the addresses:`,
				"",
				addressHelp(p.mailDomain),
			].join("\n") + sign,
	};
}

export function helpMail(p: { mailDomain: string }): Draft {
	return {
		subject: "How Followthrough works",
		text:
			[
				"Addresses:",
				addressHelp(p.mailDomain),
				"",
				"Reply to any of our emails with a command, one per line:",
				"done · sent · replied · met · stop · snooze · snooze 3d · snooze until monday · pause · resume · help",
				'In a digest, name the item: "1 done", "2 snooze 1w", "stop Ann", or several: "1 done, 3 snooze 2d".',
				'Settings: "timezone Berlin", "digest 7am", "instant" (one email per reminder) or "digest".',
			].join("\n") + sign,
	};
}
