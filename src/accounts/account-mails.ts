/** The words of the mails about an account: confirm your address, and you're all set. Plain text, warm, specific. */
import { type MailText, SIGN_OFF as sign } from "../mail/outgoing-mail";
import { formatMinutes } from "../time/local-time";

export function verificationMail(p: {
	mailDomain: string;
	heldSubject: string;
	timezone: string;
	offsetLabel: string | null;
	digestMinutes: number;
}): MailText {
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

export function verifiedMail(p: { timezone: string; digestMinutes: number; released: string[] }): MailText {
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
