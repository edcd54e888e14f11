/**
 * Is a forwarded email an introduction ("Ann, meet Bob")? Intro language in
 * English, French, German or Spanish, or people named in the body with their
 * address ("her email is bob@x.com"). Pure.
 */
import type { MailAddress } from "../mail/mail-address";

const INTRO_LANGUAGE = new RegExp(
	[
		// English
		"\\bintroduc(e|es|ed|ing|tion|tions)\\b",
		"\\b(meet|meets)\\b",
		"\\bconnect(ing)? (you|the two of you|you two|you both)\\b",
		"\\bloop(ing)? (you )?in\\b",
		"\\bput(ting)? you (two |both )?in touch\\b",
		"\\bshould (talk|chat|connect)\\b",
		"\\bcc'?ing\\b",
		// French
		"\\bpr[ée]sent(e|er|ation|é|ée)\\b",
		"\\bmettre en (contact|relation)\\b",
		"\\bvous mets en (contact|relation|copie)\\b",
		"\\bfaire connaissance\\b",
		// German
		"\\bvorstell(en|e|ung)\\b",
		"\\bbekannt ?machen\\b",
		"\\bkennen ?lernen\\b",
		"\\bin kontakt bringen\\b",
		"\\bverbinden\\b",
		// Spanish
		"\\bpresent(o|arte|aros|arles|ación)\\b",
		"\\bponer(te|os)? en contacto\\b",
		"\\bconocer(se|os)?\\b",
	].join("|"),
	"i",
);

const NAMED_ADDRESS =
	/\b(?:e-?mail|address|adresse|correo|reach (?:him|her|them)|contact (?:him|her|them)|write to (?:him|her|them))\b[^\n@]{0,40}?([a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,})/gi;

export function hasIntroLanguage(text: string): boolean {
	return INTRO_LANGUAGE.test(text);
}

/** Addresses the body names as someone to reach, e.g. "her email is bob@x.com". */
export function namedAddresses(text: string): MailAddress[] {
	const found = new Map<string, MailAddress>();
	for (const m of text.matchAll(NAMED_ADDRESS)) {
		const address = (m[1] ?? "").toLowerCase().replace(/\.$/, "");
		if (address && !found.has(address)) found.set(address, { address, name: "" });
	}
	return [...found.values()];
}
