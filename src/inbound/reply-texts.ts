/** The words of the short mails we send back about inbound mail. Plain text, warm, specific. */
import { formatMinutes } from "../time/local-time";
import { addressHelp } from "./address-grammar";

export interface Draft {
	subject: string;
	text: string;
}

const sign = "\n\n— Followthrough";

export function verificationMail(p: {
	mailDomain: string;
	heldSubject: string;
	timezone: string;
	offsetLabel: string | null;
	digestMinutes: number;
}): Draft {
	const guessed = p.offsetLabel ? ` (your email's clock said ${p.offsetLabel})` : "";
	return {
		subject: "Confirm your address to start Followthrough",
		text:
			[
				"Hi,",
				"",
				`Thanks for writing to ${p.mailDomain}. Reply to this email (any text will do) to confirm it's you.`,
				`Your email "${p.heldSubject}" is held until then, and processed as soon as you confirm.`,
				"",
				"Your settings:",
				`- Timezone: ${p.timezone}${guessed}`,
				`- Daily digest: ${formatMinutes(p.digestMinutes)}, Monday to Friday`,
				"",
				'To change them, put a line like "timezone Europe/Berlin" or "digest 7am" in your reply.',
				"",
				"If you didn't write to us, ignore this email: nothing happens, and what we received is deleted in 7 days.",
			].join("\n") + sign,
	};
}

export function verifiedMail(p: { timezone: string; digestMinutes: number; released: string[] }): Draft {
	const lines = p.released.length
		? ["What you sent while we waited:", ...p.released.map((r) => `- ${r}`)]
		: ["Nothing was waiting: BCC track@ on your next outreach and we'll take it from there."];
	return {
		subject: "You're all set",
		text:
			[
				"Confirmed. We'll follow up for you from now on.",
				"",
				`Timezone ${p.timezone}, daily digest at ${formatMinutes(p.digestMinutes)} on business days.`,
				"",
				...lines,
			].join("\n") + sign,
	};
}

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
				'In a digest, name the item: "1 done", "2 snooze 1w", "stop Ann".',
			].join("\n") + sign,
	};
}
