/**
 * Is a forwarded email an introduction ("Ann, meet Bob")? Intro language in
 * English, French, German or Spanish, or people named in the body with their
 * address ("her email is bob@x.com"). Pure.
 */

import type { MailAddress } from "../mail/mail-address";
import { cleanDisplayName } from "../tracking/contact-name";

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

/** An address, with every part bounded: no run of the text is read more than a few dozen times. */
const ADDRESS = /[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}/i;
/** Words that say the address after them is someone to reach ("her email is", "Bob's email:"). */
const CUE =
	/\b(?:e-?mails?|address|adresse|correo|reach (?:him|her|them)|contact (?:him|her|them)|write to (?:him|her|them))\b/gi;
const PRONOUN_BEFORE = /\b(?:his|her|their|him|them)\b/i;

/** A person's name as written: one to three capitalised words ("Dana Whitfield", "Mary-Jane O'Neil"). */
const NAME_PART = String.raw`\p{Lu}[\p{L}-]{0,30}(?:['’]\p{Lu}[\p{L}-]{0,30})?`;
const NAME = String.raw`(?<![\p{L}'’-])(${NAME_PART}(?: ${NAME_PART}){0,2})`;
/** "Bob's email: …", "Dana Whitfield's address is …". */
const POSSESSIVE = new RegExp(
	`${NAME}['’]s (?:(?:work |personal )?e-?mail(?: address)?|address|contact(?: details| info)?)(?: is)?:? ?`,
	"gu",
);
/** "you can reach Dana Whitfield at …", "email Bob at …". */
const REACH = new RegExp(
	String.raw`\b(?:[Rr]each|[Cc]ontact|[Ee]-?mail|[Ww]rite to|[Pp]ing) ${NAME},? (?:at|on|via) ?:? ?`,
	"gu",
);
/**
 * Who the mail introduces: "meet Bob Smith", "introduce you to Dana", "introducing Bob",
 * "you should talk to Dana Whitfield", "get in touch with Bob", "je te présente Léa",
 * "te presento a Ana".
 */
const INTRODUCED = new RegExp(
	[
		String.raw`(?:\b[Mm]eet|\b[Ii]ntroduc(?:e|ing)(?: you)?(?: to)?|\b[Ss]ay (?:hi|hello) to`,
		String.raw`\b(?:[Tt]alk|[Ss]peak|[Cc]hat) (?:to|with)|\b(?:[Cc]onnect|[Gg]et in touch) with|\b[Rr]each out to`,
		String.raw`\b[Jj]e (?:te|vous) pr[ée]sente|\b[Tt]e presento(?: a)?) ${NAME}`,
	].join("|"),
	"gu",
);
const NOT_A_NAME = new Set(
	"The A An My Our Your His Her Their This That Everyone Everybody You We I Hi Hello Dear Team Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(
		" ",
	),
);

export function hasIntroLanguage(text: string): boolean {
	return INTRO_LANGUAGE.test(text);
}

/** The first address in `window`, if it starts within `gap` characters with no other "@" before it. */
function addressAt(window: string, gap: number): string | null {
	const line = window.split("\n", 1)[0] ?? "";
	const m = ADDRESS.exec(line);
	if (!m || m.index > gap || line.slice(0, m.index).includes("@")) return null;
	const address = m[0].toLowerCase().replace(/\.$/, "");
	return /\.[a-z]{2,}$/.test(address) ? address : null;
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The one introduced person whose name is in the address ("bob@…", "dwhitfield@…"), if exactly one. */
function nameInAddress(address: string, names: string[]): string | null {
	const local = fold(address.split("@")[0] ?? "");
	const hits = names.filter((n) =>
		fold(n)
			.split(/[\s'’-]+/)
			.some((part) => part.length >= 3 && local.includes(part)),
	);
	return hits.length === 1 ? (hits[0] ?? null) : null;
}

/**
 * Addresses the body names as someone to reach, e.g. "her email is bob@x.com", with
 * the person's name when the text gives it ("Bob's email: …", "reach Dana Whitfield at …",
 * or "Meet Bob Smith… his email is bob@x.com").
 */
const namedInForwards = new WeakMap<object, MailAddress[]>();

/**
 * The people named in a forward's note and body, read once per forward: the read-ahead
 * (read-ahead.ts) and the forward kind both ask, and each read scans up to 200 KB.
 */
export function namedInForward(fwd: { note: string; body: string }): readonly MailAddress[] {
	let named = namedInForwards.get(fwd);
	if (!named) {
		named = namedAddresses(`${fwd.note}\n${fwd.body}`);
		namedInForwards.set(fwd, named);
	}
	return named;
}

export function namedAddresses(text: string): MailAddress[] {
	const body = text.slice(0, 200_000);
	const found = new Map<string, MailAddress>();
	const add = (address: string | null, raw: string | null) => {
		if (!address) return;
		const name = cleanDisplayName(raw);
		const known = found.get(address);
		if (!known) found.set(address, { address, name: name ?? "" });
		else if (!known.name && name) known.name = name;
	};
	const named = (name: string | undefined) => (name && !NOT_A_NAME.has(name.split(" ")[0] ?? "") ? name : null);
	for (const m of body.matchAll(POSSESSIVE)) {
		add(addressAt(body.slice(m.index + m[0].length, m.index + m[0].length + 400), 2), named(m[1]));
	}
	for (const m of body.matchAll(REACH)) {
		add(addressAt(body.slice(m.index + m[0].length, m.index + m[0].length + 400), 2), named(m[1]));
	}
	const introduced = [...new Set([...body.matchAll(INTRODUCED)].flatMap((m) => named(m[1]) ?? []))];
	for (const m of body.matchAll(CUE)) {
		const end = m.index + m[0].length;
		const address = addressAt(body.slice(end, end + 400), 40);
		if (!address || found.get(address)?.name) {
			add(address, null);
			continue;
		}
		const pronoun = PRONOUN_BEFORE.test(body.slice(Math.max(0, m.index - 12), end));
		const [only] = introduced;
		add(address, nameInAddress(address, introduced) ?? (pronoun && introduced.length === 1 && only ? only : null));
	}
	return [...found.values()];
}
