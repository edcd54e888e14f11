// A scenario's cast and calendar: users in a timezone, the people they write to,
// and what a user does (sign up, BCC track@, forward, reply to our mail) on the
// dev clock. Every scenario makes its own users, so scenarios never share state.
import assert from "node:assert/strict";
import { gmailForward, newMessageId, quoted, rawMail } from "./mail.mjs";
import { allMail, call, DOMAIN, deliver, mark, resetClock, setClock, settle, tick, waitForMail } from "./worker.mjs";

/** Offsets in force from Mon 23 Nov to Fri 11 Dec 2026 (no DST change inside). */
export const ZONES = {
	"America/New_York": "-05:00",
	"Asia/Tokyo": "+09:00",
	"Europe/Berlin": "+01:00",
};

const slug = (name) => name.toLowerCase().replace(/[^a-z]+/g, ".");
/** Unique to this run, so a rerun against the same Worker (FOLLOWTHROUGH_URL) meets no one it met before. */
const RUN = Date.now().toString(36);

/** A user of ours: `tag` makes the address unique to one scenario. */
export function newUser(tag, name = "Dee Park", zone = "America/New_York") {
	const offset = ZONES[zone];
	assert.ok(offset, `no offset for ${zone}`);
	return { name, address: `${slug(name.split(" ")[0])}@${tag}-${RUN}.example`, zone, offset, tag };
}

/** Someone the user writes to, at an organisation of their own (`offset` for the mail they send). */
export function person(name, org, tag, offset = "-05:00") {
	return { name, address: `${slug(name)}@${org}-${tag}-${RUN}.example`, offset };
}

/** An address of ours: `ours("track+1d")` → track+1d@followthrough.test. */
export const ours = (local) => ({ name: "", address: `${local}@${DOMAIN}` });

/** "2026-11-23 09:15" in the user's zone → epoch ms. */
export function local(user, when) {
	const [day, time = "00:00"] = when.split(" ");
	const ms = Date.parse(`${day}T${time}:00${user.offset}`);
	assert.ok(Number.isFinite(ms), `bad story time ${when}`);
	return ms;
}

let lastSet = { story: Date.now(), real: Date.now() };
/** The story's now: the dev clock as last set, run on since. */
export const now = () => lastSet.story + (Date.now() - lastSet.real);

/** Moves the Worker's clock to `when` in the user's zone. */
export async function at(user, when) {
	const ms = local(user, when);
	await setClock(ms);
	lastSet = { story: ms, real: Date.now() };
	return ms;
}

/**
 * Back to real time (DELETE /dev/clock). A Worker without a dev clock (GET /dev/clock
 * answers 404) already runs on real time: nothing to do.
 */
export async function realTime() {
	if ((await call("/dev/clock")).res?.status !== 404) await resetClock();
	lastSet = { story: Date.now(), real: Date.now() };
}

/** The cron at `when` (user's zone), as the every-15-minutes trigger would run it then. */
export async function tickAt(user, when) {
	await at(user, when);
	await tick();
}

/** Lives through every calendar day from `first` to `last` (inclusive), a cron tick at each of `times`. */
export async function everyDay(user, first, last, times = ["08:05"]) {
	const day = new Date(`${first}T00:00:00Z`);
	const end = new Date(`${last}T00:00:00Z`);
	for (; day <= end; day.setUTCDate(day.getUTCDate() + 1)) {
		for (const time of times) await tickAt(user, `${day.toISOString().slice(0, 10)} ${time}`);
	}
}

/**
 * `sender` (a user or a contact) mails one of our addresses (`local_`: the envelope's
 * local part), dated now. `{ messageId, date, ...fields, delivered: {status, text, ms} }`;
 * a refusal is returned, not thrown (see `send` for mail that must be taken).
 */
export async function trySend(sender, local_, fields) {
	const date = fields.date ?? now();
	const messageId = fields.messageId ?? newMessageId(sender.address);
	const raw = rawMail({ from: sender, offset: sender.offset, ...fields, date, messageId });
	const delivered = await deliver(raw, { from: sender.address, to: `${local_}@${DOMAIN}` });
	return { ...fields, messageId, date, delivered };
}

/** As `trySend`, and the Worker must take the mail. */
export async function send(sender, local_, fields) {
	const sent = await trySend(sender, local_, fields);
	const { status, text } = sent.delivered;
	assert.ok(status >= 200 && status < 300, `mail to ${local_}@${DOMAIN} was refused (${status}): ${text}`);
	return sent;
}

/** Mail to people with our address in BCC (`via` is its local part: track, applied, thanks, track+1d…). */
export function outreach(user, { to, cc = [], subject, body, via = "track", ...rest }) {
	return send(user, via, { to, cc, subject, body, ...rest });
}

/** The user forwards an original message to track@ (or `via`) from Gmail. */
export function forward(user, original, { via = "track", note = "", block = gmailForward(original) } = {}) {
	return send(user, via, {
		to: [ours(via)],
		subject: `Fwd: ${original.subject}`,
		body: note ? `${note}\n\n${block}` : block,
	});
}

const parseFrom = (from) => {
	const m = /^(.*?)\s*<([^>]+)>$/.exec(from);
	return m ? { name: m[1].replace(/^"|"$/g, ""), address: m[2] } : { name: "", address: from };
};

/**
 * `user` answers one of our mails: to its Reply-To, with our mail quoted below, as a
 * client does. `{status, text, ms}`; the Worker must take it unless `check` is false.
 */
export async function reply(user, ours_, text, { check = true } = {}) {
	assert.ok(ours_.replyTo, `our mail "${ours_.subject}" has no Reply-To to answer`);
	const original = { from: parseFrom(ours_.from), date: Date.parse(ours_.createdAt), offset: user.offset };
	const date = now();
	const raw = rawMail({
		from: user,
		to: [{ name: "", address: ours_.replyTo }],
		subject: /^re:/i.test(ours_.subject) ? ours_.subject : `Re: ${ours_.subject}`,
		date,
		offset: user.offset,
		inReplyTo: ours_.headers?.["message-id"],
		references: ours_.headers?.["message-id"],
		body: quoted(text, { ...original, body: ours_.text }),
	});
	const r = await deliver(raw, { from: user.address, to: ours_.replyTo });
	if (check) assert.ok(r.status >= 200 && r.status < 300, `the reply was refused (${r.status}): ${r.text}`);
	return r;
}

/**
 * A new user's first mail (to help@), then a reply to the verification mail, stating
 * the timezone. `when` moves the dev clock first; null leaves the clock as it is.
 */
export async function signUp(user, when = "2026-11-23 09:00") {
	if (when !== null) await at(user, when);
	const since = await mark();
	await send(user, "help", { to: [ours("help")], subject: "Hello", body: "Hi, how does this work?" });
	const verify = await waitForMail(user.address, (m) => /^r\+/.test(m.replyTo ?? ""), {
		since,
		what: "the verification mail",
	});
	const confirmed = await mark();
	await reply(user, verify, `Yes, that's me.\ntimezone ${user.zone}`);
	await waitForMail(user.address, () => true, { since: confirmed, what: "the confirmation" });
	return verify;
}

/**
 * A mail's items: the numbered entries of a digest ("1. Follow up with Ann Lee" and
 * its indented lines), or the whole mail when it is not numbered. Our answers to the
 * user's own mail ("Re: …", e.g. "Snoozed Sam Park until …") are not reminders: none.
 */
export function items(mail) {
	if (/^re:/i.test(mail.subject ?? "")) return [];
	const out = [];
	let current = null;
	for (const line of String(mail.text ?? "").split("\n")) {
		if (/^\d{1,3}\. \S/.test(line)) {
			current = { title: line, text: line };
			out.push(current);
		} else if (current && /^\s+\S/.test(line)) current.text += `\n${line}`;
		else current = null;
	}
	return out.length ? out : [{ title: mail.subject, text: `${mail.subject}\n${mail.text ?? ""}` }];
}

/** Items, over several mails, whose first line names `name`. */
export const itemsNaming = (mails, name) => mails.flatMap(items).filter((i) => i.title.includes(name));

/** Asserts that no mail, in the whole run, went to any of these people. */
export async function assertNeverMailed(...people) {
	await settle();
	const mail = await allMail();
	for (const p of people) {
		const to = mail.filter((m) => String(m.to).toLowerCase().includes(p.address.toLowerCase()));
		assert.deepEqual(
			to.map((m) => m.subject),
			[],
			`${p.name || p.address} is a contact and must never get mail from us`,
		);
	}
}
