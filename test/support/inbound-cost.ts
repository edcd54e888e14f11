/**
 * One mail of every kind the pipeline handles, set up so that each does its real
 * work (accounts verified, contacts known, a digest to reply to): for counting
 * what an inbound email costs in D1 (test/inbound/inbound-cost.test.ts, the bench).
 */
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import type { InboundOutcome } from "../../src/inbound/inbound-outcome";
import { buildMail, DOMAIN, db, type Msg, receive, replyTo, send, signUp } from "./inbound";
import { type D1Cost, type MeteredD1, meteredD1, splitAtCommit } from "./metered-d1";
import { tick } from "./outbox";

export interface Metered {
	outcome: InboundOutcome;
	/** Up to and including the commit. */
	processing: D1Cost;
	/** Delivering the mail it queued, releasing held mail. */
	afterCommit: D1Cost;
	unmetered: number;
}

/** Delivers a mail through the email() edge with a metered D1 binding. */
export function meteredInbound(meter: MeteredD1 = meteredD1(env.DB)) {
	const bindings = { ...env, DB: meter.db } as unknown as Record<string, unknown>;
	return async (m: Msg & { rcpt?: string }, at: Date): Promise<Metered> => {
		meter.reset();
		const r = await receive(buildMail(m), { to: m.rcpt ?? `track@${DOMAIN}`, at, envelopeFrom: m.from, bindings });
		return { outcome: r.outcome, ...splitAtCommit(meter.trips()), unmetered: meter.cost().unmetered };
	};
}

export interface InboundCostCase {
	label: string;
	/** The outcome reason this mail gets: proves the case exercises its kind. */
	reason: string;
	mail: Msg & { rcpt?: string };
	at: Date;
}

const forwardBody = (from: string, to: string, subject: string, body: string, note = "") =>
	[
		note,
		"",
		"---------- Forwarded message ---------",
		`From: ${from}`,
		"Date: Mon, Nov 23, 2026 at 8:02 AM",
		`Subject: ${subject}`,
		`To: ${to}`,
		"",
		body,
	].join("\n");

export { replyTo };

/**
 * Gives `userId` `n` contacts (and an open follow-up, due in a month, for a tenth
 * of them), in a few statements: INSERT…SELECT over a recursive counter.
 */
export async function seedContacts(userId: string, n: number, at: Date, prefix = "seed") {
	const t = at.getTime();
	await db.run(sql`insert into contacts (id, user_id, email, name, status, created_at, updated_at)
		with recursive k(i) as (select 1 union all select i + 1 from k where i < ${n})
		select ${prefix} || '-' || ${userId} || '-' || i, ${userId}, ${prefix} || i || '@seed.example', 'Seed ' || i, 'awaiting_reply', ${t}, ${t} from k`);
	await db.run(sql`insert into threads (id, user_id, contact_id, kind, state, subject_key, subject, attempts, created_at, updated_at)
		select 't-' || id, user_id, id, 'outreach', 'open', 'hello', 'Hello', 0, ${t}, ${t} from contacts
		where user_id = ${userId} and id like ${`${prefix}-%`}`);
	await db.run(sql`insert into nudges (id, user_id, contact_id, thread_id, kind, state, due_at, attempt, created_at, updated_at)
		select 'n-' || id, user_id, id, 't-' || id, 'follow_up', 'pending', ${t + 30 * 86_400_000}, 0, ${t}, ${t} from contacts
		where user_id = ${userId} and id like ${`${prefix}-%`} and cast(substr(email, ${prefix.length + 1}, 10) as integer) % 10 = 0`);
}

/**
 * The cases, for a fresh user `address` (signed up here): every kind, in an order
 * where each finds what it needs (the contact the reply-all comes from, the digest
 * the command answers).
 */
export async function inboundCostCases(at: Date, address = `cost-${crypto.randomUUID().slice(0, 8)}@example.com`) {
	await signUp(address, at);
	const later = (min: number) => new Date(at.getTime() + min * 60_000);
	const tag = address.split("@")[0] ?? "x";
	const ann = `ann-${tag}@acme.example`;
	// Ann is tracked before the cases run, so "existing contact" and her replies have a thread.
	await send({ from: address, to: `Ann Lee <${ann}>`, subject: "Coffee?" }, at);
	const cases: InboundCostCase[] = [
		{
			label: "outreach, new contact",
			reason: "outreach",
			mail: { from: address, to: `Bo Park <bo-${tag}@park.example>`, subject: "Intro call?" },
			at: later(1),
		},
		{
			label: "outreach, existing contact",
			reason: "outreach",
			mail: { from: address, to: `Ann Lee <${ann}>`, subject: "Following the talk" },
			at: later(2),
		},
		{
			label: "outreach, three people",
			reason: "outreach",
			mail: {
				from: address,
				to: `Cy <cy-${tag}@c.example>, Di <di-${tag}@d.example>`,
				cc: `Ann Lee <${ann}>`,
				subject: "Panel",
			},
			at: later(3),
		},
		{
			label: "forward, someone wrote",
			reason: "forward",
			mail: {
				from: address,
				subject: "Fwd: Question",
				body: forwardBody(
					`Eve Stone <eve-${tag}@stone.example>`,
					`Pat <${address}>`,
					"Question",
					"Hi Pat, a question.",
				),
			},
			at: later(4),
		},
		{
			label: "forward, introduction",
			reason: "introduction",
			mail: {
				from: address,
				subject: "Fwd: Intro",
				body: forwardBody(
					`Carol Diaz <carol-${tag}@diaz.example>`,
					`Pat <${address}>, Bob Stone <bob-${tag}@stone.example>`,
					"Intro: Pat <> Bob",
					"Bob, meet Pat. Pat, Bob leads analytics at Stone. I'll let you two take it from here.",
				),
			},
			at: later(5),
		},
		{
			label: "contact reply-all",
			reason: "reply_seen",
			mail: { from: ann, to: address, cc: `track@${DOMAIN}`, subject: "Re: Coffee?", body: "Sure!" },
			at: later(6),
		},
		{
			label: "remind@",
			reason: "reminder",
			mail: { from: address, rcpt: `remind@${DOMAIN}`, to: `remind@${DOMAIN}`, subject: "Renew passport" },
			at: later(7),
		},
		{
			label: "met@",
			reason: "met",
			mail: { from: address, rcpt: `met@${DOMAIN}`, to: `Gus <gus-${tag}@g.example>`, subject: "Great meeting" },
			at: later(8),
		},
		{
			label: "status@",
			reason: "status",
			mail: { from: address, rcpt: `status@${DOMAIN}`, to: `status@${DOMAIN}`, subject: "status" },
			at: later(9),
		},
		{
			label: "help@",
			reason: "help",
			mail: { from: address, rcpt: `help@${DOMAIN}`, to: `help@${DOMAIN}`, subject: "help" },
			at: later(10),
		},
		{
			label: "unknown address",
			reason: "unknown_address",
			mail: { from: address, rcpt: `nosuch@${DOMAIN}`, to: `nosuch@${DOMAIN}`, subject: "hi" },
			at: later(11),
		},
		{
			label: "new sender",
			reason: "new_account",
			mail: { from: `new-${tag}@example.org`, to: `Hal <hal-${tag}@h.example>`, subject: "Hello" },
			at: later(12),
		},
		{
			label: "unconfirmed sender",
			reason: "awaiting_verification",
			mail: { from: `new-${tag}@example.org`, to: `Ivy <ivy-${tag}@i.example>`, subject: "Hello again" },
			at: later(13),
		},
	];
	return {
		cases,
		/** A reply command to the digest a tick sends (run after the cases above, at `at` + 3 days). */
		async replyCommand(): Promise<InboundCostCase> {
			const digestAt = new Date(at.getTime() + 3 * 86_400_000);
			await tick(digestAt);
			return {
				label: "reply command (1 done)",
				reason: "commands",
				mail: await replyTo(address, "1 done"),
				at: new Date(digestAt.getTime() + 3_600_000),
			};
		},
	};
}
