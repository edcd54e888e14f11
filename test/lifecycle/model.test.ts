/**
 * The lifecycle as a model, through the real handlers in workerd (email(), the
 * scheduled tick, reply commands) on a real local D1: generated sequences of a
 * user's weeks (outreach, a contact's reply-all, forwards, intros, meetings,
 * digests, and replies to them) and, after every step, the invariants of
 * DESIGN.md: at most one open nudge per contact, every mail ends in one outcome,
 * and nothing is ever mailed to a contact.
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { listDevMailbox } from "../../src/mail/dev-mailbox";
import { DOMAIN, db, mailsTo, send, signUp } from "../support/inbound";
import { tick } from "../support/outbox";

const START = new Date("2026-11-23T14:00:00Z"); // Mon 09:00 in New York
const PEOPLE = ["ann@acme.example", "ben@globex.example", "cy@initech.example"];
const REFERRER = "carol@diaz.example";
const NAMES: Record<string, string> = {
	"ann@acme.example": "Ann Lee",
	"ben@globex.example": "Ben Ortiz",
	"cy@initech.example": "Cy Park",
};

type Step =
	| { kind: "outreach"; who: number }
	| { kind: "reply_all"; who: number }
	| { kind: "forward_reply"; who: number }
	| { kind: "intro"; who: number }
	| { kind: "met"; who: number }
	| { kind: "days"; n: number }
	| { kind: "command"; text: string };

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({ kind: fc.constant("outreach" as const), who: fc.nat(2) }),
	fc.record({ kind: fc.constant("reply_all" as const), who: fc.nat(2) }),
	fc.record({ kind: fc.constant("forward_reply" as const), who: fc.nat(2) }),
	fc.record({ kind: fc.constant("intro" as const), who: fc.nat(2) }),
	fc.record({ kind: fc.constant("met" as const), who: fc.nat(2) }),
	fc.record({ kind: fc.constant("days" as const), n: fc.integer({ min: 1, max: 4 }) }),
	fc.record({
		kind: fc.constant("command" as const),
		text: fc.constantFrom("done", "1 done", "2 done", "done all", "snooze 2d", "1 snooze 4d", "stop", "met", "replied"),
	}),
);

const rfcDate = (d: Date) => d.toUTCString().replace("GMT", "+0000");

async function openPerContact(userId: string) {
	return db.all<{ contact_id: string; n: number }>(
		sql`select contact_id, count(*) as n from nudges where user_id = ${userId} and contact_id is not null
			and state in ('pending', 'sent', 'snoozed') group by contact_id having count(*) > 1`,
	);
}

describe("the lifecycle model, through the real handlers", () => {
	let run = 0;
	// One clock for the whole file: every run starts where the last one ended, as days do.
	let now = START;
	beforeAll(() => {
		run = 0;
		now = START;
	});

	it("keeps one open nudge per contact, one outcome per mail, and never mails a contact", async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
				const me = `model${++run}@example.com`;
				now = new Date(now.getTime() + 24 * 3600_000);
				const userId = await signUp(me, now);
				const sentIds = new Map<string, string>();
				const later = (ms: number) => {
					now = new Date(now.getTime() + ms);
					return now;
				};
				for (const s of steps) {
					let outcome: Awaited<ReturnType<typeof send>> | null = null;
					const person = "who" in s ? (PEOPLE[s.who] as string) : "";
					const name = NAMES[person] ?? "";
					switch (s.kind) {
						case "outreach": {
							const id = `${crypto.randomUUID()}@example.com`;
							sentIds.set(person, id);
							outcome = await send(
								{ from: me, to: `${name} <${person}>`, subject: `Hello ${name}`, messageId: id, date: rfcDate(now) },
								later(60_000),
							);
							break;
						}
						case "reply_all":
							outcome = await send(
								{
									from: person,
									fromName: name,
									to: me,
									cc: `track@${DOMAIN}`,
									subject: `Re: Hello ${name}`,
									inReplyTo: sentIds.get(person),
									date: rfcDate(now),
									body: "Happy to talk. Thursday?",
								},
								later(60_000),
							);
							break;
						case "forward_reply":
						case "intro": {
							const body =
								s.kind === "intro"
									? `---------- Forwarded message ---------\nFrom: Carol Diaz <${REFERRER}>\nDate: ${rfcDate(now)}\nSubject: Intro\nTo: ${me}, ${name} <${person}>\n\n${name.split(" ")[0]}, meet my friend. I'll let you two take it from here.`
									: `---------- Forwarded message ---------\nFrom: ${name} <${person}>\nDate: ${rfcDate(now)}\nSubject: Re: Hello\nTo: ${me}\n\nSounds good!`;
							outcome = await send({ from: me, subject: "Fwd: hello", body, to: `track@${DOMAIN}` }, later(60_000));
							break;
						}
						case "met":
							outcome = await send(
								{ from: me, to: `${name} <${person}>`, rcpt: `met@${DOMAIN}`, subject: "Slides", date: rfcDate(now) },
								later(60_000),
							);
							break;
						case "days":
							for (let i = 0; i < s.n; i++) await tick(later(24 * 3600_000));
							break;
						case "command": {
							const last = (await mailsTo(me)).filter((m) => m.replyTo?.startsWith("r+")).at(-1);
							if (last?.replyTo)
								outcome = await send(
									{ from: me, to: last.replyTo, rcpt: last.replyTo, subject: `Re: ${last.subject}`, body: s.text },
									later(60_000),
								);
							break;
						}
					}
					if (outcome) {
						expect(outcome.rejected).toBeNull();
						expect(outcome.outcome.reason).toBeTruthy();
					}
					expect(await openPerContact(userId)).toEqual([]);
				}
				const mailed = new Set((await listDevMailbox(db)).map((m) => m.to));
				for (const p of [...PEOPLE, REFERRER]) expect(mailed.has(p)).toBe(false);
			}),
			{ numRuns: 12, seed: 20261201 },
		);
	}, 240_000);
});
