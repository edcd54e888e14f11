/**
 * What the lines of a reply can look like, in the languages mail clients write:
 * where quoted history starts ("On … wrote:", "-----Original Message-----"),
 * quoted header blocks ("From:", "Sent:"), device signatures ("Sent from my
 * iPhone") and rules ("-----"). Plain data for line-kind.ts.
 *
 * The phrase coverage follows discourse/email_reply_trimmer's test corpus (MIT),
 * which ../shared/corpus/reply carries and test/conformance checks.
 */
import { ATTRIBUTION_VERBS } from "../attribution";

/** Words an attribution opens with ("On", "Le", "Am", …) and the verbs that end it. */
const LEADS = "On|At|In message|Le|Am|Op|Il|Dnia|Dňa|Em|El|Den|søn\\.|在";
const ENDS = `${ATTRIBUTION_VERBS}|says|said|nous a dit|geschrieben|schrieben Sie|het volgende geschreven|ha scritto|napisał\\(a\\)|写道`;
/** A verb is a whole word even when it ends in a non-ASCII letter ("escribió"). */
const AFTER_VERB = "(?=[\\s.:>)\\-]|$)";

/**
 * Attributions a client may wrap over several lines; line-kind.ts joins those
 * lines back into one before it classifies them.
 */
export const WRAPPABLE_ATTRIBUTIONS: readonly RegExp[] = [
	// On Tue, 2011-03-01 at 18:02, Ann wrote: / Le 4 janv. 2016, Ann <a@x> a écrit :
	new RegExp(`^[\\s<>*-]*(?:${LEADS})\\s.*?(?:${ENDS})${AFTER_VERB}[\\s.:>*-]*$`, "i"),
	// Am 18.09.2013 um 16:24 schrieb Ann <a@x>: / Den 15. jun. 2016 kl. 20.42 skrev Ann <a@x>:
	/^[\s>]*(?:Op|Am|Den|søn\.)\s.+\s(?:schreef|schrieb|skrev)\s[^:]+:/i,
	// суббота, 14 марта 2015 г. пользователь Ann написал: / 23 mar 2017 21:25 "Ann" <a@x> napisał(a):
	/\d{4}.{1,80}?(?:написал|написала|napisał\(a\)|пише)\S*:\s*$/i,
	// Ann <a@x> schrieb am Fr., 28. Apr. 2017 um 11:53 Uhr: / Ann wrote on Mon, …:
	/^.+\s(?:wrote|schrieb)\s+(?:on|am)\s.+:\s*$/i,
	// 2013/7/20 Ann via Forum <a@x> / вт, 5 янв. 2016 г. в 23:39, Ann <a@x>:
	/\d{4}.{1,80}\s?<[^@<>]+@[^@<>.]+\.[^@<>]+>:?\s*$/,
];

/** One attribution line, after wrapped attributions were joined. */
export const ATTRIBUTION_LINES: readonly RegExp[] = [
	...WRAPPABLE_ATTRIBUTIONS,
	// 2016-03-03 17:21 GMT+01:00 Ann Lee
	/^[\s>]*20\d\d-\d\d-\d\d \d\d?:\d\d GMT[+-]\d\d:\d\d [\p{L}\p{N}_ ]+$/u,
	// Ann via Forum wrote:
	/^.+ via .+ (?:wrote|schrieb):?\s*$/,
	// Ann <a@x> wrote: / Gavin (g@x.com) wrote:
	/^.+[\w.+-]+@[\w.-]+\.\w{2,}.+wrote:?\s*$/,
	// Posted by ann on 01/21/2016
	/^[\s>]*Posted by .+ on \d{2}\/\d{2}\/\d{4}\s*$/i,
];

/** Separators clients put above a forwarded or original message. */
export const FORWARD_SEPARATORS: readonly RegExp[] = [
	/^[\s>]*Begin forwarded message:/i,
	/^[\s>]*Début du message transféré\s?:/i,
	/^[\s>*]*-{2,}\s*(?:(?:Forwarded|Original|Reply) Message|Message transféré|Ursprüngliche Nachricht|Mensaje original|原始邮件)\s*-{2,}/i,
];

/** Header names that carry a date, then ones that carry text, by language. */
const DATE_HEADERS = "Sendt|Sent|Date|Le|Gesendet|Enviada em|Enviado|Fecha|Data|Datum|Skickat|发送时间";
const TEXT_HEADERS = [
	"From|To|Cc|Reply-To|Subject",
	"Fra|Til|Emne",
	"De|Expéditeur|À|Destinataire|Répondre à|Objet",
	"Von|An|Betreff",
	"Para|Assunto|Asunto",
	"Da|Risposta|A|Oggetto",
	"Van|Beantwoorden - Aan|Aan|Onderwerp",
	"Från|Till|Ämne",
	"发件人|收件人|主题",
].join("|");

/** A header line of a quoted message ("*From:* Ann", "Sent: Monday, 3 May 2021"). */
export const HEADER_LINES: readonly RegExp[] = [
	new RegExp(`^[\\s*]*(?:${DATE_HEADERS})[\\s*]*:.*\\d`),
	new RegExp(`^[\\s*]*(?:${TEXT_HEADERS})[\\s*]*:.*[\\p{L}\\p{N}_]`, "iu"),
];

/** "Sent from my iPhone" and its relatives, which say nothing. */
export const DEVICE_SIGNATURES: readonly RegExp[] = [
	/^\s*從我的 iPhone 傳送/,
	/^\s*[\p{L}\p{N}_]+ from mobile/iu,
	/^\s*[(<]*Sent (?:from|via|with|by) .+/i,
	/^\s*From my .{1,20}/i,
	/^\s*Get Outlook for /i,
	/^\s*Envoyé depuis (?:mon|Yahoo Mail)/i,
	/^\s*Von meinem .+ gesendet/i,
	/^\s*Diese Nachricht wurde von .+ gesendet/i,
	/^\s*Inviato da /i,
	/^\s*Sendt fra min /i,
	/^\s*Enviado do meu /i,
	/^\s*Enviado desde mi /i,
	/^\s*Verzonden met /i,
	/^\s*Verstuurd vanaf mijn /i,
	/^\s*från min /i,
];

/** A line made only of rule characters: everything below it is a signature or history. */
export const RULE_LINE = /^[ \t]*[-_,=+~#*ᐧ—]+[ \t]*$/;

/** Fenced code is the sender's text, whatever its lines look like. */
export const FENCE_OPEN = /^```/;
export const FENCE_CLOSE = /^ {0,3}```\s*$/;
