/**
 * Replies to our digests as people write them, written by us (issue 15): a command
 * or a few, with greetings, thanks, names, signatures and device lines around them,
 * in English, German, French and Spanish, top-posted over each client's quote,
 * bottom-posted under it, and HTML-only. Each case carries the commands it must give.
 *
 * Expected commands are written compactly as `action@target`:
 * action: done | replied | met | stop | pause | resume | help | got_job |
 *   snooze:3 (days) | snooze:monday (a date phrase) | tz:Europe/Berlin | digest:420 | mode:instant;
 * target: implicit | 1,3 (item numbers) | name:ann lee | all.
 */

export type Lang = "en" | "de" | "fr" | "es";
export type Layout =
	| "bare"
	| "gmail"
	| "outlook"
	| "apple"
	| "bottom"
	| "html-gmail"
	| "html-outlook"
	| "interleaved-signature";

export interface ReplyCase {
	id: string;
	lang: Lang;
	layout: Layout;
	/** The whole reply as the client sends it: text, or HTML when the layout starts with "html". */
	body: string;
	/** The commands it must give, in order. */
	expect: string[];
	/** The kinds of issue it must report (a typo, a bad setting); none by default. */
	issues?: string[];
}

/** What a person types as their command, and what it must read as. */
const COMMANDS: [string, string[]][] = [
	["1 done", ["done@1"]],
	["2 done", ["done@2"]],
	["Done!", ["done@implicit"]],
	["done 1 3", ["done@1,3"]],
	["1 and 3 done", ["done@1,3"]],
	["#2 done", ["done@2"]],
	["2 snooze 3d", ["snooze:3@2"]],
	["snooze 1 week", ["snooze:7@implicit"]],
	["Snooze 2 weeks please", ["snooze:14@implicit"]],
	["snooze 3 days please", ["snooze:3@implicit"]],
	["snooze until monday", ["snooze:monday@implicit"]],
	["3 snooze until Friday", ["snooze:friday@3"]],
	["later", ["snooze:1@implicit"]],
	["next week", ["snooze:next monday@implicit"]],
	["1 done, 3 snooze 2d", ["done@1", "snooze:2@3"]],
	["1 done; 2 stop", ["done@1", "stop@2"]],
	["2 done and 1 replied", ["done@2", "replied@1"]],
	["1 done\n2 snooze 1w\n3 stop", ["done@1", "snooze:7@2", "stop@3"]],
	["stop Ann", ["stop@name:ann"]],
	["stop Ben Ortiz", ["stop@name:ben ortiz"]],
	["snooze Ann 3d", ["snooze:3@name:ann"]],
	["1 replied", ["replied@1"]],
	["They replied", ["replied@implicit"]],
	["met", ["met@implicit"]],
	["2 met", ["met@2"]],
	["3 stop", ["stop@3"]],
	["move on", ["stop@implicit"]],
	["pause", ["pause@implicit"]],
	["resume", ["resume@implicit"]],
	["timezone Berlin", ["tz:Europe/Berlin@implicit"]],
	["timezone EST", ["tz:America/New_York@implicit"]],
	["Timezone: Europe/Paris", ["tz:Europe/Paris@implicit"]],
	["digest 7am", ["digest:420@implicit"]],
	["digest at 18:30", ["digest:1110@implicit"]],
	["I got the job!", ["got_job@implicit"]],
	["help", ["help@implicit"]],
	["1 Done.", ["done@1"]],
	["OK done, thanks", ["done@implicit"]],
	["all done", ["done@all"]],
	["snooze until Dec 15", ["snooze:dec 15@implicit"]],
];

/** Greetings and sign-offs per language: [greeting, sign-off]; either may be empty. */
const FRAMES: Record<Lang, [string, string][]> = {
	en: [
		["", "Thanks!\nRobin"],
		["Hi,", "Thanks,\nRobin Ortiz"],
		["Hey there!", "Best,\nSam"],
		["Hello Followthrough,", "Cheers,\nAlex"],
		["Morning!", "Kind regards,\nPriya Rahman\nSenior Analyst | Contoso\n+1 (555) 123-4567"],
		["", "Sent from my iPhone"],
		["Hi team,", "--\nJordan Blake\nProduct Manager, Fabrikam\njordan@blake.example"],
		["", "Thank you so much\nKenji"],
	],
	de: [
		["Hallo,", "Danke!\nJonas"],
		["", "Viele Grüße\nJonas Weber"],
		["Guten Morgen,", "Beste Grüße,\nLena"],
		["Hi,", "LG\nMax"],
		["Hallo zusammen,", "Mit freundlichen Grüßen\nDr. Anna Schmidt\nTel. +49 30 1234567"],
		["", "Von meinem iPhone gesendet"],
		["Moin,", "Gruß\nTim"],
		["", "Danke dir!\nSophie"],
	],
	fr: [
		["Bonjour,", "Merci !\nCamille"],
		["", "Cordialement,\nJulien Martin"],
		["Salut,", "Bonne journée,\nLéa"],
		["Bonjour à tous,", "Bien à vous,\nClaire Dubois\nResponsable RH"],
		["", "Envoyé de mon iPhone"],
		["Coucou,", "Bises\nManon"],
		["Bonsoir,", "Merci beaucoup\nHugo"],
		["", "Bien cordialement\nNicolas Petit\n06 12 34 56 78"],
	],
	es: [
		["Hola,", "¡Gracias!\nLucía"],
		["", "Saludos,\nMateo García"],
		["Buenos días,", "Un abrazo,\nCarmen"],
		["Hola a todos,", "Atentamente,\nJavier López\nDirector Comercial"],
		["", "Enviado desde mi iPhone"],
		["Buenas,", "Un saludo\nPablo"],
		["Hola equipo,", "Muchas gracias\nSofía"],
		["", "Saludos cordiales\nDiego Fernández"],
	],
};

const FROM = "Followthrough <hello@followthrough.test>";
const DIGEST = [
	"Good morning. 3 things to follow up on today:",
	"1. Follow up with Ann Lee",
	"2. Follow up with Ben Ortiz",
	"3. Reach out to Carla Diaz",
];
const quoted = (lines: string[]) => lines.map((l) => `> ${l}`).join("\n");

/** The line a client writes above a quote, per language. */
const ATTRIBUTION: Record<Lang, string> = {
	en: `On Thu, Nov 26, 2026 at 8:00 AM ${FROM} wrote:`,
	de: `Am Do., 26. Nov. 2026 um 08:00 Uhr schrieb ${FROM}:`,
	fr: `Le jeu. 26 nov. 2026 à 08:00, ${FROM} a écrit :`,
	es: `El jue, 26 nov 2026 a las 8:00, ${FROM} escribió:`,
};

/** Outlook's header block, per language. */
const OUTLOOK: Record<Lang, string> = {
	en: `From: ${FROM}\nSent: Thursday, November 26, 2026 8:00 AM\nTo: Robin Ortiz <robin@ortiz.example>\nSubject: 3 things to follow up on`,
	de: `Von: ${FROM}\nGesendet: Donnerstag, 26. November 2026 08:00\nAn: Jonas Weber <jonas@weber.example>\nBetreff: 3 things to follow up on`,
	fr: `De : ${FROM}\nEnvoyé : jeudi 26 novembre 2026 08:00\nÀ : Camille <camille@martin.example>\nObjet : 3 things to follow up on`,
	es: `De: ${FROM}\nEnviado: jueves, 26 de noviembre de 2026 8:00\nPara: Lucía <lucia@garcia.example>\nAsunto: 3 things to follow up on`,
};

const APPLE: Record<Lang, string> = {
	en: `On 26 Nov 2026, at 08:00, ${FROM} wrote:`,
	de: `Am 26.11.2026 um 08:00 schrieb ${FROM}:`,
	fr: `Le 26 nov. 2026 à 08:00, ${FROM} a écrit :`,
	es: `El 26 nov 2026, a las 8:00, ${FROM} escribió:`,
};

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const htmlLines = (text: string) =>
	text
		.split("\n")
		.map((l) => (l === "" ? "<div><br></div>" : `<div>${escapeHtml(l)}</div>`))
		.join("");

function wrap(layout: Layout, lang: Lang, text: string): string {
	switch (layout) {
		case "bare":
			return text;
		case "gmail":
			return `${text}\n\n${ATTRIBUTION[lang]}\n\n${quoted(DIGEST)}\n`;
		case "outlook":
			return `${text}\n\n________________________________\n${OUTLOOK[lang]}\n\n${DIGEST.join("\n")}\n`;
		case "apple":
			return `${text}\n\n> ${APPLE[lang]}\n> \n${quoted(DIGEST)}\n`;
		case "bottom":
			return `${ATTRIBUTION[lang]}\n${quoted(DIGEST)}\n\n${text}\n`;
		case "interleaved-signature":
			return `${text}\n\n${ATTRIBUTION[lang]}\n${quoted(DIGEST)}\n> \n> — Followthrough\n`;
		case "html-gmail":
			return `<div dir="ltr">${htmlLines(text)}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">${escapeHtml(ATTRIBUTION[lang])}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">${DIGEST.map(escapeHtml).join("<br>")}</blockquote></div>`;
		case "html-outlook":
			return `<html><body><div style="font-family:Calibri">${htmlLines(text)}</div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr">${OUTLOOK[
				lang
			]
				.split("\n")
				.map((l) => {
					const [k, ...v] = l.split(":");
					return `<b>${escapeHtml(k ?? "")}:</b>${escapeHtml(v.join(":"))}<br>`;
				})
				.join("")}</div><div>${DIGEST.map(escapeHtml).join("<br>")}</div></body></html>`;
	}
}

const LAYOUTS: Layout[] = [
	"gmail",
	"outlook",
	"apple",
	"bottom",
	"html-gmail",
	"html-outlook",
	"bare",
	"interleaved-signature",
];
const LANGS: Lang[] = ["en", "de", "fr", "es"];

/** Each command in every language, twice, each time with another frame and layout: 40 × 4 × 2 cases. */
function framed(): ReplyCase[] {
	const out: ReplyCase[] = [];
	COMMANDS.forEach(([command, expect], i) => {
		LANGS.forEach((lang, j) => {
			for (const k of [0, 1]) {
				const [greeting, signOff] = FRAMES[lang][(i + j * 3 + k * 5) % FRAMES[lang].length] ?? ["", ""];
				const layout = LAYOUTS[(i * 2 + j + k * 3) % LAYOUTS.length] ?? "bare";
				const text = [greeting, command, signOff].filter(Boolean).join("\n\n");
				out.push({ id: `${lang}-${i + 1}${"ab"[k]}-${layout}`, lang, layout, body: wrap(layout, lang, text), expect });
			}
		});
	});
	return out;
}

/** Replies written whole, as people dash them off: sentences around a command, a typo, a bad setting. */
const WHOLE: Omit<ReplyCase, "id">[] = [
	{
		lang: "en",
		layout: "gmail",
		body: wrap("gmail", "en", "Hi!\n\n1 done - we had coffee yesterday actually.\n\nThanks,\nRobin"),
		expect: ["done@1"],
	},
	{
		lang: "en",
		layout: "gmail",
		body: wrap("gmail", "en", "Thanks for the reminder!\n\n2 snooze 1w\n\nRobin"),
		expect: ["snooze:7@2"],
	},
	{ lang: "en", layout: "bare", body: "1 done\n\nThanks!\nRobin\n\nSent from my iPhone", expect: ["done@1"] },
	{ lang: "en", layout: "bare", body: "done\n\nSent from my iPhone", expect: ["done@implicit"] },
	{
		lang: "en",
		layout: "gmail",
		body: wrap("gmail", "en", "1 done\n2 snoze 2d\n\nThanks,\nRobin"),
		expect: ["done@1"],
		issues: ["mistyped"],
	},
	{ lang: "en", layout: "bare", body: "timezone Mars/Olympus", expect: [], issues: ["timezone"] },
	{ lang: "en", layout: "bare", body: "digest 25pm", expect: [], issues: ["clock"] },
	{ lang: "en", layout: "bare", body: "timezone IST", expect: [], issues: ["timezone"] },
	{
		lang: "en",
		layout: "outlook",
		body: wrap("outlook", "en", "Hi,\n\nAll good with Ann, we talked on Tuesday.\n1 replied\n\nBest,\nSam"),
		expect: ["replied@1"],
	},
	{ lang: "en", layout: "bottom", body: wrap("bottom", "en", "3 done\n\nCheers"), expect: ["done@3"] },
	{
		lang: "en",
		layout: "gmail",
		body: wrap("gmail", "en", "Hey, 1 done, 3 snooze 2d. Thanks!"),
		expect: ["done@1", "snooze:2@3"],
	},
	{ lang: "en", layout: "bare", body: "Thanks, will do!", expect: [], issues: ["unknown"] },
	{
		lang: "en",
		layout: "html-gmail",
		body: wrap("html-gmail", "en", "Please snooze 2 weeks\n\nThank you!"),
		expect: ["snooze:14@implicit"],
	},
	{ lang: "en", layout: "apple", body: wrap("apple", "en", "Met her!\n\nSent from my iPad"), expect: ["met@implicit"] },
	{
		lang: "de",
		layout: "gmail",
		body: wrap("gmail", "de", "Hallo,\n\n1 done. Wir haben gestern telefoniert.\n\nViele Grüße\nJonas"),
		expect: ["done@1"],
	},
	{
		lang: "de",
		layout: "outlook",
		body: wrap(
			"outlook",
			"de",
			"Hi,\n2 snooze until monday\nDanke und viele Grüße\nLena Hoffmann\nHoffmann Consulting GmbH\nTel.: +49 89 123456",
		),
		expect: ["snooze:monday@2"],
	},
	{ lang: "de", layout: "bare", body: "stop Ann\n\nLG", expect: ["stop@name:ann"] },
	{
		lang: "fr",
		layout: "gmail",
		body: wrap("gmail", "fr", "Bonjour,\n\n1 done\n3 stop\n\nMerci et bonne journée,\nCamille"),
		expect: ["done@1", "stop@3"],
	},
	{
		lang: "fr",
		layout: "html-outlook",
		body: wrap("html-outlook", "fr", "Bonjour,\n\nsnooze 3d\n\nCordialement,\nJulien Martin\nChargé de recrutement"),
		expect: ["snooze:3@implicit"],
	},
	{
		lang: "es",
		layout: "gmail",
		body: wrap("gmail", "es", "Hola,\n\n2 replied\n\n¡Muchas gracias!\nLucía"),
		expect: ["replied@2"],
	},
	{
		lang: "es",
		layout: "apple",
		body: wrap("apple", "es", "1 done, 2 done\n\nEnviado desde mi iPhone"),
		expect: ["done@1", "done@2"],
	},
	{
		lang: "es",
		layout: "bottom",
		body: wrap("bottom", "es", "Hola,\nsnooze until Friday\nSaludos,\nMateo"),
		expect: ["snooze:friday@implicit"],
	},
];

export const REPLIES: ReplyCase[] = [
	...framed(),
	...WHOLE.map((c, i) => ({ ...c, id: `whole-${i + 1}-${c.lang}-${c.layout}` })),
];
