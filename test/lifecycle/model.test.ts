/**
 * The lifecycle as a model (fast-check `commands`), through the real handlers in
 * workerd (email(), the scheduled tick, reply commands) on a real local D1: random
 * sequences of a user's weeks over several threads. After every step, DESIGN.md's
 * invariants: at most one open nudge per contact; no follow-up after a reply, stop or
 * bounce; no mail to anyone but a user; a ladder of at most 4 rungs; no date in the
 * future of "now"; and the same mail delivered twice changes nothing the second time.
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listDevMailbox } from "../../src/mail/dev-mailbox";
import { DOMAIN, db, type Msg, mailsTo, send, signUp } from "../support/inbound";
import { tick } from "../support/outbox";

const START = new Date("2026-11-23T14:00:00Z"); // Mon 09:00 in New York
const PEOPLE = [
	{ name: "Ann Lee", address: "ann@acme.example" },
	{ name: "Ben Ortiz", address: "ben@globex.example" },
	{ name: "Cy Park", address: "cy@initech.example" },
] as const;
const REFERRER = { name: "Carol Diaz", address: "carol@diaz.example" };
const DAY = 24 * 3600_000;
const rfcDate = (d: Date) => d.toUTCString().replace("GMT", "+0000");

/** What the model knows: who has answered (or was stopped) since we last wrote to them. */
interface Model {
	ended: Set<string>;
}
/** The real world of one run: the user, the clock, and the last mail sent in. */
interface Real {
	me: string;
	userId: string;
	now: Date;
	sentIds: Map<string, string>;
	last: { msg: Msg & { rcpt?: string }; at: Date } | null;
	mailsSeen: number;
}

const later = (r: Real, ms: number) => {
	r.now = new Date(r.now.getTime() + ms);
	return r.now;
};

async function deliver(r: Real, msg: Msg & { rcpt?: string }) {
	const at = later(r, 60_000);
	const messageId = msg.messageId ?? crypto.randomUUID();
	const full = { ...msg, messageId };
	r.last = { msg: full, at };
	const got = await send(full, at);
	expect(got.rejected).toBeNull();
	expect(got.outcome.reason).toBeTruthy();
	return got;
}

const person = (i: number) => PEOPLE[i] ?? PEOPLE[0];

class Outreach implements fc.AsyncCommand<Model, Real> {
	constructor(readonly who: number) {}
	check = () => true;
	async run(m: Model, r: Real) {
		const p = person(this.who);
		const id = `${crypto.randomUUID()}@example.com`;
		r.sentIds.set(p.address, id);
		await deliver(r, {
			from: r.me,
			to: `${p.name} <${p.address}>`,
			subject: `Hello ${p.name}`,
			messageId: id,
			date: rfcDate(r.now),
		});
		m.ended.delete(p.name);
	}
	toString = () => `outreach(${person(this.who).name})`;
}

class ReplyAll implements fc.AsyncCommand<Model, Real> {
	constructor(readonly who: number) {}
	check = () => true;
	async run(m: Model, r: Real) {
		const p = person(this.who);
		await deliver(r, {
			from: p.address,
			fromName: p.name,
			to: r.me,
			cc: `track@${DOMAIN}`,
			subject: `Re: Hello ${p.name}`,
			inReplyTo: r.sentIds.get(p.address),
			date: rfcDate(r.now),
			body: "Happy to talk. Thursday?",
		});
		m.ended.add(p.name);
	}
	toString = () => `replyAll(${person(this.who).name})`;
}

class ForwardReply implements fc.AsyncCommand<Model, Real> {
	constructor(readonly who: number) {}
	check = () => true;
	async run(m: Model, r: Real) {
		const p = person(this.who);
		const body = `---------- Forwarded message ---------\nFrom: ${p.name} <${p.address}>\nDate: ${rfcDate(r.now)}\nSubject: Re: Hello\nTo: ${r.me}\n\nSounds good!`;
		await deliver(r, { from: r.me, subject: "Fwd: Re: Hello", body, to: `track@${DOMAIN}` });
		m.ended.add(p.name);
	}
	toString = () => `forwardReply(${person(this.who).name})`;
}

class Intro implements fc.AsyncCommand<Model, Real> {
	constructor(readonly who: number) {}
	check = () => true;
	async run(m: Model, r: Real) {
		const p = person(this.who);
		const body = `---------- Forwarded message ---------\nFrom: ${REFERRER.name} <${REFERRER.address}>\nDate: ${rfcDate(r.now)}\nSubject: Intro\nTo: ${r.me}, ${p.name} <${p.address}>\n\n${p.name.split(" ")[0]}, meet my friend. I'll let you two take it from here.`;
		await deliver(r, { from: r.me, subject: "Fwd: Intro", body, to: `track@${DOMAIN}` });
		m.ended.delete(p.name);
	}
	toString = () => `intro(${person(this.who).name})`;
}

class Bounce implements fc.AsyncCommand<Model, Real> {
	constructor(readonly who: number) {}
	check = () => true;
	async run(m: Model, r: Real) {
		const p = person(this.who);
		const body = `---------- Forwarded message ---------\nFrom: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nDate: ${rfcDate(r.now)}\nSubject: Delivery Status Notification (Failure)\nTo: ${r.me}\n\n** Address not found **\n\nYour message wasn't delivered to ${p.address} because the address couldn't be found.\n\n550 5.1.1 The email account that you tried to reach does not exist.`;
		await deliver(r, {
			from: r.me,
			subject: "Fwd: Delivery Status Notification (Failure)",
			body,
			to: `track@${DOMAIN}`,
		});
		m.ended.add(p.name);
	}
	toString = () => `bounce(${person(this.who).name})`;
}

class Met implements fc.AsyncCommand<Model, Real> {
	constructor(readonly who: number) {}
	check = () => true;
	async run(m: Model, r: Real) {
		const p = person(this.who);
		await deliver(r, {
			from: r.me,
			to: `${p.name} <${p.address}>`,
			rcpt: `met@${DOMAIN}`,
			subject: "Slides",
			date: rfcDate(r.now),
		});
		m.ended.delete(p.name);
	}
	toString = () => `met(${person(this.who).name})`;
}

class Days implements fc.AsyncCommand<Model, Real> {
	constructor(readonly n: number) {}
	check = () => true;
	async run(_m: Model, r: Real) {
		for (let i = 0; i < this.n; i++) await tick(later(r, DAY));
	}
	toString = () => `days(${this.n})`;
}

class Command implements fc.AsyncCommand<Model, Real> {
	constructor(readonly text: string) {}
	check = () => true;
	async run(m: Model, r: Real) {
		const last = (await mailsTo(r.me)).filter((x) => x.replyTo?.startsWith("r+")).at(-1);
		if (!last?.replyTo) return;
		await deliver(r, {
			from: r.me,
			to: last.replyTo,
			rcpt: last.replyTo,
			subject: `Re: ${last.subject}`,
			body: this.text,
		});
		// "done" on a reach-out is outreach: a new ladder may start for anyone in that mail.
		if (/done/.test(this.text)) m.ended.clear();
	}
	toString = () => `command(${this.text})`;
}

/** The last mail, delivered again: a duplicate changes nothing. */
class SameAgain implements fc.AsyncCommand<Model, Real> {
	check = () => true;
	async run(_m: Model, r: Real) {
		if (!r.last) return;
		const before = await snapshot(r.userId);
		const mailed = (await listDevMailbox(db)).length;
		const got = await send(r.last.msg, new Date(r.last.at.getTime() + 1_000));
		expect(got.rejected).toBeNull();
		// Nothing changes and no one is mailed again (a mail that changed something is a "duplicate").
		expect(await snapshot(r.userId)).toEqual(before);
		expect((await listDevMailbox(db)).length).toBe(mailed);
	}
	toString = () => "sameAgain";
}

const snapshot = (userId: string) =>
	db.all(sql`select id, state, due_at, wake_at, kind, attempt from nudges where user_id = ${userId} order by id`);

const commands = [
	fc.nat(2).map((i) => new Outreach(i)),
	fc.nat(2).map((i) => new ReplyAll(i)),
	fc.nat(2).map((i) => new ForwardReply(i)),
	fc.nat(2).map((i) => new Intro(i)),
	fc.nat(2).map((i) => new Bounce(i)),
	fc.nat(2).map((i) => new Met(i)),
	fc.integer({ min: 1, max: 4 }).map((n) => new Days(n)),
	fc
		.constantFrom("done", "1 done", "2 done", "done all", "snooze 2d", "1 snooze 4d", "stop", "met", "replied")
		.map((t) => new Command(t)),
	fc.constant(new SameAgain()),
];

/** DESIGN.md's invariants, checked after every step. */
async function invariants(m: Model, r: Real) {
	const doubled = await db.all(
		sql`select contact_id from nudges where user_id = ${r.userId} and contact_id is not null
			and state in ('pending', 'sent', 'snoozed') group by contact_id having count(*) > 1`,
	);
	expect(doubled).toEqual([]);
	const ladder = await db.get<{ rungs: number | null; reminders: number | null }>(
		sql`select (select max(attempt) from nudges where user_id = ${r.userId} and kind in ('follow_up', 'last_try')) as rungs,
			(select max(attempt) from nudges where user_id = ${r.userId} and kind = 'reach_out') as reminders`,
	);
	expect(ladder?.rungs ?? 0).toBeLessThanOrEqual(4);
	expect(ladder?.reminders ?? 0).toBeLessThanOrEqual(2);
	const t = r.now.getTime();
	const future = await db.all(
		sql`select id from nudges where user_id = ${r.userId} and (sent_at > ${t} or created_at > ${t} or closed_at > ${t})
		union all select id from contacts where user_id = ${r.userId}
			and (introduced_at > ${t} or met_at > ${t} or last_contact_at > ${t} or created_at > ${t})`,
	);
	expect(future).toEqual([]);
	const mails = await mailsTo(r.me);
	for (const mail of mails.slice(r.mailsSeen))
		for (const name of m.ended)
			expect(mail.text, `after ${name} answered or was stopped: "${mail.subject}"`).not.toMatch(
				new RegExp(`(Follow up with|Last try with) ${name}\\b`),
			);
	r.mailsSeen = mails.length;
}

describe("the lifecycle model, through the real handlers", () => {
	let run = 0;
	// One clock for the file: each run starts a day after the last one ended, as weeks do.
	let clock = START;

	it("holds DESIGN.md's invariants after every step of random weeks", async () => {
		await fc.assert(
			fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (cmds) => {
				const me = `model${++run}@example.com`;
				clock = new Date(clock.getTime() + DAY);
				const userId = await signUp(me, clock);
				const real: Real = { me, userId, now: clock, sentIds: new Map(), last: null, mailsSeen: 0 };
				const model: Model = { ended: new Set() };
				await fc.asyncModelRun(
					() => ({ model, real }),
					[...cmds].map((c) => ({
						check: (mm: Model) => c.check(mm),
						run: async (mm: Model, rr: Real) => {
							await c.run(mm, rr);
							await invariants(mm, rr);
						},
						toString: () => c.toString(),
					})),
				);
				clock = real.now;
				// No mail ever went to anyone but a user of ours.
				for (const mail of await listDevMailbox(db)) expect(mail.to).toMatch(/^model\d+@example\.com$/);
			}),
			{ numRuns: 15, seed: 20261201 },
		);
	}, 300_000);
});
