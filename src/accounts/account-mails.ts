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
				"Already use Followthrough from another address? Then don't confirm here: sign in with that one and add",
				"this address under Settings, Your addresses. What you sent from here is then filed there.",
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

/** To an address someone asked to add to their account: only an explicit yes from it adds it. */
export function addAddressRequestMail(p: { address: string; link: string; days: number }): MailText {
	return {
		subject: "Is this your address? Reply yes to add it",
		text:
			[
				"Hi,",
				"",
				`Someone with a Followthrough account asked to add ${p.address} to it.`,
				`If that was you, reply to this email with "yes", or open this link and press the button:`,
				p.link,
				"",
				"Mail you send from this address then counts for that account.",
				"",
				`If it wasn't you, ignore this email: nothing is added, and the request lapses in ${p.days} days.`,
			].join("\n") + sign,
	};
}

/** After the explicit yes: the address is added, and any mail it sent while it waited is processed. */
export function addressAddedMail(p: { address: string; released: string[] }): MailText {
	const lines = p.released.length
		? ["", "What you sent from it while we waited:", ...p.released.map((r) => `- ${r}`)]
		: [];
	return {
		subject: `Added: ${p.address} is now one of your addresses`,
		text:
			[
				`Done: mail you send from ${p.address} now counts for your Followthrough account.`,
				"You can also sign in with it.",
				...lines,
			].join("\n") + sign,
	};
}

/** Any answer but a yes to an add-address request. */
export function notConfirmedMail(p: { address: string }): MailText {
	return {
		subject: "Nothing was confirmed",
		text:
			[
				`Your reply didn't say yes, so ${p.address} was not added to anyone's account. Nothing changed.`,
				"",
				'If it is your address and you do want to add it, reply "yes" to the request.',
			].join("\n") + sign,
	};
}

/** A yes from an address that already has a confirmed account of its own. */
export function ownAccountMail(p: { address: string }): MailText {
	return {
		subject: "Not added: this address has its own account",
		text:
			[
				`${p.address} already has its own Followthrough account, so it was not added to another one. Nothing changed.`,
				"",
				"To move it, delete that account first (Settings, Delete your account), then ask again.",
			].join("\n") + sign,
	};
}

/** A reply to a verification mail already used. */
export function alreadyConfirmedMail(): MailText {
	return {
		subject: "Already confirmed",
		text:
			[
				"This address is already confirmed, so that reply changed nothing.",
				"Mail you sent before was processed once, when you confirmed.",
			].join("\n") + sign,
	};
}

/** To the account, once per address: a command reply from an address that is not one of theirs. */
export function strayReplyMail(p: { address: string; what: string }): MailText {
	return {
		subject: `A reply from ${p.address} changed nothing`,
		text:
			[
				`We got a reply from ${p.address} to ${p.what}; it changed nothing. Add that address in Settings if it is yours.`,
				"",
				"We tell you this once per address.",
			].join("\n") + sign,
	};
}
