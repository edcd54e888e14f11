// Raw RFC 5322 mail as a real client sends it through Email Routing: Cloudflare's
// authentication header on top, a Message-ID and a Date with the sender's offset.
// Also the forward blocks and quoted replies of common clients (Gmail, Outlook).
import { randomUUID } from "node:crypto";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = [
	"January",
	"February",
	"March",
	"April",
	"May",
	"June",
	"July",
	"August",
	"September",
	"October",
	"November",
	"December",
];
const pad = (n) => String(n).padStart(2, "0");

/** "-05:00" → -300 */
export function offsetMinutes(offset) {
	const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
	if (!m) throw new Error(`bad offset ${offset}`);
	return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The wall-clock fields at `ms` in a zone with this fixed offset ("-05:00"). */
function wall(ms, offset) {
	const d = new Date(ms + offsetMinutes(offset) * 60_000);
	return {
		y: d.getUTCFullYear(),
		mo: d.getUTCMonth(),
		d: d.getUTCDate(),
		wd: d.getUTCDay(),
		h: d.getUTCHours(),
		mi: d.getUTCMinutes(),
		s: d.getUTCSeconds(),
	};
}

/** "Mon, 23 Nov 2026 09:15:00 -0500" */
export function rfc5322Date(ms, offset) {
	const w = wall(ms, offset);
	return `${DAYS[w.wd]}, ${w.d} ${MONTHS[w.mo]} ${w.y} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)} ${offset.replace(":", "")}`;
}

const twelve = (w) => `${w.h % 12 || 12}:${pad(w.mi)} ${w.h < 12 ? "AM" : "PM"}`;
/** Gmail's forward and attribution date: "Mon, Nov 23, 2026 at 9:15 AM" (local, no offset). */
export const gmailDate = (ms, offset) => {
	const w = wall(ms, offset);
	return `${DAYS[w.wd]}, ${MONTHS[w.mo]} ${w.d}, ${w.y} at ${twelve(w)}`;
};
/** Outlook's "Sent:" date: "Monday, November 23, 2026 9:15 AM". */
export const outlookDate = (ms, offset) => {
	const w = wall(ms, offset);
	return `${LONG_DAYS[w.wd]}, ${LONG_MONTHS[w.mo]} ${w.d}, ${w.y} ${twelve(w)}`;
};

/** `{name, address}` → "Ann Lee <ann@x>" (or the bare address, or the bare name). */
export function formatAddress(p) {
	if (!p.address) return p.name;
	return p.name ? `${p.name} <${p.address}>` : p.address;
}

const domainOf = (address) => address.slice(address.lastIndexOf("@") + 1);

/** What Email Routing stamps on mail whose sender's domain passed DKIM, DMARC and SPF. */
export function passingAuth(address) {
	const d = domainOf(address);
	return `ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=pass header.d=${d}; dmarc=pass header.from=${d}; spf=pass smtp.mailfrom=${address}`;
}

export const newMessageId = (address) => `<${randomUUID()}@${domainOf(address)}>`;

/**
 * One raw message (CRLF). `from`, `to`, `cc`: people `{name, address}`. `auth`:
 * omitted → a passing Cloudflare header for the From domain; a string → that header
 * line instead; null → none. `body` is plain text unless `contentType` says otherwise;
 * `rawBody` (with its own MIME headers in `headers`) is used as it is.
 */
export function rawMail({
	from,
	to = [],
	cc = [],
	subject,
	date,
	offset,
	messageId = newMessageId(from.address),
	inReplyTo,
	references,
	body = "",
	contentType = "text/plain; charset=utf-8",
	headers = {},
	auth,
}) {
	const lines = [];
	if (auth === undefined) lines.push(passingAuth(from.address));
	else if (auth !== null) lines.push(auth);
	lines.push(`From: ${formatAddress(from)}`);
	if (to.length) lines.push(`To: ${to.map(formatAddress).join(", ")}`);
	if (cc.length) lines.push(`Cc: ${cc.map(formatAddress).join(", ")}`);
	lines.push(`Subject: ${subject}`, `Date: ${rfc5322Date(date, offset)}`, `Message-ID: ${messageId}`);
	if (inReplyTo) lines.push(`In-Reply-To: ${inReplyTo}`);
	if (references) lines.push(`References: ${references}`);
	lines.push("MIME-Version: 1.0");
	if (!("Content-Type" in headers)) lines.push(`Content-Type: ${contentType}`);
	for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
	return `${lines.join("\r\n")}\r\n\r\n${body.replace(/\r?\n/g, "\r\n")}\r\n`;
}

/** Gmail's inline forward block of an original message. */
export function gmailForward({ from, to = [], cc = [], subject, date, offset, body }) {
	return [
		"---------- Forwarded message ---------",
		`From: ${formatAddress(from)}`,
		`Date: ${gmailDate(date, offset)}`,
		`Subject: ${subject}`,
		`To: ${to.map(formatAddress).join(", ")}`,
		...(cc.length ? [`Cc: ${cc.map(formatAddress).join(", ")}`] : []),
		"",
		"",
		body,
	].join("\n");
}

/** Outlook's forward block: names only when the sender is in the address book. */
export function outlookForward({ from, to = [], subject, date, offset, body }) {
	return [
		"________________________________",
		`From: ${formatAddress(from)}`,
		`Sent: ${outlookDate(date, offset)}`,
		`To: ${to.map(formatAddress).join("; ")}`,
		`Subject: ${subject}`,
		"",
		body,
	].join("\n");
}

/** New text, then Gmail's "On …, Ann Lee <ann@x> wrote:" and the quoted original. */
export function quoted(text, { from, date, offset, body }) {
	const quote = body
		.split("\n")
		.map((l) => (l ? `> ${l}` : ">"))
		.join("\n");
	return `${text}\n\nOn ${gmailDate(date, offset)} ${formatAddress(from)} wrote:\n${quote}`;
}
