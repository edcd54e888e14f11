/**
 * Drives the inbound pipeline as Email Routing would, at a fixed "now": the same
 * edge code email() runs, with the clock injected. Reads back what was stored.
 */
import { env } from "cloudflare:workers";
import { and, asc, eq } from "drizzle-orm";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { contacts, inboundLog, nudges, threads, userAddresses, users } from "../../src/db/schema";
import { handleEmailEvent } from "../../src/inbound/email-event";
import type { InboundOutcome } from "../../src/inbound/inbound-outcome";
import { listDevMailbox } from "../../src/mail/dev-mailbox";
import { db } from "./outbox";

export const DOMAIN = "followthrough.test";
export { db };

export const authFor = (address: string) => {
	const domain = address.split("@")[1] ?? "example.com";
	return `ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=pass header.d=${domain}; dmarc=pass header.from=${domain}; spf=pass smtp.mailfrom=${address}`;
};

export interface Msg {
	from: string;
	fromName?: string;
	to?: string;
	cc?: string;
	subject?: string;
	body?: string;
	date?: string;
	messageId?: string;
	inReplyTo?: string;
	extraHeaders?: string[];
	/** Full MIME body with its own Content-Type header (replaces the text body). */
	mime?: { contentType: string; body: string };
	auth?: boolean;
}

export function buildMail(m: Msg): string {
	const lines = [
		...(m.auth === false ? [] : [authFor(m.from)]),
		...(m.extraHeaders ?? []),
		`From: ${m.fromName ? `${m.fromName} <${m.from}>` : m.from}`,
		...(m.to ? [`To: ${m.to}`] : []),
		...(m.cc ? [`Cc: ${m.cc}`] : []),
		`Subject: ${m.subject ?? "Coffee next week?"}`,
		`Date: ${m.date ?? "Mon, 23 Nov 2026 09:15:00 -0500"}`,
		`Message-ID: <${m.messageId ?? crypto.randomUUID()}@mail.example>`,
		...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
		"MIME-Version: 1.0",
	];
	if (m.mime) lines.push(`Content-Type: ${m.mime.contentType}`, "", m.mime.body);
	else lines.push("Content-Type: text/plain; charset=utf-8", "", m.body ?? "Hi, would you have 20 minutes next week?");
	return `${lines.join("\r\n")}\r\n`;
}

export interface Received {
	outcome: InboundOutcome;
	rejected: string | null;
}

/** Delivers raw mail to `to` at `at`, through the email() edge. */
export async function receive(
	raw: string | Uint8Array,
	o: { to: string; at: Date; envelopeFrom?: string; bindings?: Record<string, unknown> },
): Promise<Received> {
	const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
	let rejected: string | null = null;
	const message = {
		from: o.envelopeFrom ?? "sender@mail.example",
		to: o.to,
		raw: new Blob([bytes]).stream(),
		rawSize: bytes.byteLength,
		setReject(reason: string) {
			rejected = reason;
		},
	};
	const services = buildServices(requireConfig(o.bindings ?? env), fixedClock(o.at));
	const outcome = await handleEmailEvent(message, services);
	return { outcome, rejected };
}

export const send = (m: Msg & { rcpt?: string }, at: Date) =>
	receive(buildMail(m), { to: m.rcpt ?? `track@${DOMAIN}`, at, envelopeFrom: m.from });

export async function mailsTo(address: string) {
	return (await listDevMailbox(db)).filter((m) => m.to === address);
}

/** The r+<token>@ address of the newest mail we sent to `address`. */
export async function replyAddressOf(address: string): Promise<string> {
	const mails = await mailsTo(address);
	const last = mails[mails.length - 1];
	if (!last?.replyTo) throw new Error(`no mail with a Reply-To was sent to ${address}`);
	return last.replyTo;
}

/** A verified account, made the way a user makes one: first mail, then a reply to the verification mail. */
export async function signUp(address: string, at: Date, first?: Msg): Promise<string> {
	await send(first ?? { from: address, rcpt: `help@${DOMAIN}`, subject: "hello" }, at);
	const verifyAt = new Date(at.getTime() + 60_000);
	const rcpt = await replyAddressOf(address);
	const r = await send({ from: address, to: rcpt, rcpt, subject: "Re: Confirm", body: "yes" }, verifyAt);
	if (r.outcome.reason !== "verified") throw new Error(`verification failed: ${JSON.stringify(r.outcome)}`);
	return r.outcome.userId ?? "";
}

export async function userIdOf(address: string): Promise<string | null> {
	const rows = await db.select().from(userAddresses).where(eq(userAddresses.address, address));
	return rows[0]?.userId ?? null;
}

export const userRow = async (userId: string) => (await db.select().from(users).where(eq(users.id, userId)))[0];
export const contactsOf = (userId: string) =>
	db.select().from(contacts).where(eq(contacts.userId, userId)).orderBy(asc(contacts.email));
export const threadsOf = (userId: string) => db.select().from(threads).where(eq(threads.userId, userId));
export const nudgesOf = (userId: string, state?: "pending" | "cancelled") =>
	db
		.select({ nudge: nudges, email: contacts.email })
		.from(nudges)
		.leftJoin(contacts, eq(contacts.id, nudges.contactId))
		.where(state ? and(eq(nudges.userId, userId), eq(nudges.state, state)) : eq(nudges.userId, userId))
		.orderBy(asc(contacts.email));
export const logOf = () => db.select().from(inboundLog).orderBy(asc(inboundLog.createdAt));

/**
 * Fresh verified users for a test file: `await newUser()` gives an address, its
 * user id, and how many mails it had already received (the sign-up ones).
 */
export function userFactory(prefix: string, at: Date) {
	let n = 0;
	return async () => {
		const address = `${prefix}${++n}@example.com`;
		const userId = await signUp(address, at);
		return { address, userId, baseline: (await mailsTo(address)).length };
	};
}

/** A user's pending nudges, flattened with the contact's address. */
export const pendingOf = async (userId: string) =>
	(await nudgesOf(userId, "pending")).map((r) => ({ email: r.email, ...r.nudge }));

/** The user forwards to track@ Carol Diaz's introduction of Bob Stone (the intro the lifecycle tests share). */
export const carolIntroducesBob = (address: string): Msg & { rcpt?: string } => ({
	from: address,
	to: `track@${DOMAIN}`,
	subject: "Fwd: Intro",
	body: [
		"---------- Forwarded message ---------",
		"From: Carol Diaz <carol@diaz.example>",
		"Subject: Intro",
		`To: ${address}, Bob Stone <bob@stone.example>`,
		"",
		"Bob, meet Pat: introducing you two.",
	].join("\n"),
});

/** A calendar invite as clients send it: a text part, then the text/calendar part with its method. */
export const inviteMime = (text: string, method: string, ics: string): NonNullable<Msg["mime"]> => ({
	contentType: "multipart/alternative; boundary=b",
	body: [
		"--b",
		"Content-Type: text/plain",
		"",
		text,
		"--b",
		`Content-Type: text/calendar; charset=UTF-8; method=${method}`,
		"",
		ics,
		"--b--",
	].join("\r\n"),
});

/** A reply to the newest mail we sent `address` (with `about` in its subject), as a mail client sends it. */
export async function replyTo(address: string, body: string, about = ""): Promise<Msg & { rcpt: string }> {
	const last = (await mailsTo(address)).filter((m) => m.subject.includes(about)).at(-1);
	const rcpt = last?.replyTo ?? "";
	return { from: address, to: rcpt, rcpt, subject: `Re: ${last?.subject}`, body };
}
