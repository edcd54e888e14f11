// Issue 11: people without an address, notification senders, and bounces
// (DESIGN.md, "People" and the lifecycle's "bounce" row).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { outlookForward } from "./lib/mail.mjs";
import {
	assertNeverMailed,
	at,
	everyDay,
	forward,
	itemsNaming,
	local,
	newUser,
	outreach,
	person,
	signUp,
	tickAt,
} from "./lib/story.mjs";
import { mailbox, mark } from "./lib/worker.mjs";

const SCENARIO = { timeout: 90_000 };
const subjects = (mails) => mails.map((m) => `"${m.subject}"`).join(", ") || "nothing";
const REMINDER = /(reply to|follow up with|reach out to|get back to|check in with|thank-you note to|last try with)/i;

describe("issue 11 · people", () => {
	it(
		"7a. a forward whose sender shows a name and no address (Outlook: 'From: Dana Whitfield') is tracked and reminded by name",
		SCENARIO,
		async () => {
			const tag = "s07a";
			const dee = newUser(tag);
			await signUp(dee, "2026-11-23 09:00");
			await at(dee, "2026-11-23 10:00");
			const since = await mark();
			const original = {
				from: { name: "Dana Whitfield", address: "" },
				to: [{ name: dee.name, address: "" }],
				subject: "Following up on the design role",
				date: local(dee, "2026-11-23 08:12"),
				offset: dee.offset,
				body: "Hi Dee,\n\nGreat talking yesterday. Could you send me two or three samples of your work by Friday?\n\nBest,\nDana",
			};
			await forward(dee, original, { block: outlookForward(original), note: "Need to answer this one." });
			await tickAt(dee, "2026-11-23 10:15");
			await everyDay(dee, "2026-11-24", "2026-11-27");
			const mails = await mailbox(dee.address, since);
			assert.ok(
				itemsNaming(mails, "Dana Whitfield").some((i) => REMINDER.test(i.title)),
				`a reminder names Dana Whitfield; Dee got ${subjects(mails)}`,
			);
		},
	);

	it(
		"7b. a forwarded LinkedIn notification 'Ann Lee sent you a message' reminds about Ann Lee, never about a contact called LinkedIn",
		SCENARIO,
		async () => {
			const tag = "s07b";
			const dee = newUser(tag);
			const linkedin = { name: "LinkedIn", address: "messages-noreply@linkedin.com" };
			await signUp(dee, "2026-11-23 09:00");
			await at(dee, "2026-11-23 10:00");
			const since = await mark();
			await forward(dee, {
				from: linkedin,
				to: [dee],
				subject: "Ann Lee sent you a message",
				date: local(dee, "2026-11-23 07:58"),
				offset: dee.offset,
				body: [
					"Ann Lee sent you a message",
					"",
					"Ann Lee",
					"Engineering Manager at Acme",
					"",
					'"Hi Dee, thanks for applying. Are you free for a call this week?"',
					"",
					"Reply: https://www.linkedin.com/messaging/thread/2-MTIzNDU2Nzg5/",
					"",
					"This email was intended for Dee Park. Unsubscribe: https://www.linkedin.com/e/v2?e=unsub",
				].join("\n"),
			});
			await tickAt(dee, "2026-11-23 10:15");
			await everyDay(dee, "2026-11-24", "2026-11-27");
			const mails = await mailbox(dee.address, since);
			assert.ok(
				itemsNaming(mails, "Ann Lee").some((i) => REMINDER.test(i.title)),
				`a reminder names Ann Lee; Dee got ${subjects(mails)}`,
			);
			const aboutLinkedIn = mails
				.flatMap((m) => m.text.split("\n"))
				.filter((l) => new RegExp(`${REMINDER.source} LinkedIn`, "i").test(l));
			assert.deepEqual(aboutLinkedIn, [], "a notification sender is never a contact");
			await assertNeverMailed(linkedin);
		},
	);

	it(
		"8. a forwarded bounce stops the follow-ups to that address, and the user is told once, naming it",
		SCENARIO,
		async () => {
			const tag = "s08";
			const dee = newUser(tag);
			const ravi = person("Ravi Patel", "oldco", tag);
			const nina = person("Nina Costa", "costa", tag);
			const daemon = { name: "Mail Delivery Subsystem", address: "mailer-daemon@googlemail.com" };
			await signUp(dee, "2026-11-23 09:00");
			await at(dee, "2026-11-23 10:00");
			await outreach(dee, {
				to: [ravi],
				subject: "Catching up",
				body: "Hi Ravi,\n\nIt's been a while! Are you still at OldCo? I'd love to hear what you're working on.\n\nDee",
			});
			await outreach(dee, {
				to: [nina],
				subject: "Your talk on data contracts",
				body: "Hi Nina,\n\nYour talk was great. Could I ask you two questions about how your team adopted them?\n\nDee",
			});

			await at(dee, "2026-11-23 11:00");
			const since = await mark();
			await forward(
				dee,
				{
					from: daemon,
					to: [dee],
					subject: "Delivery Status Notification (Failure)",
					date: local(dee, "2026-11-23 10:01"),
					offset: dee.offset,
					body: [
						"** Address not found **",
						"",
						`Your message wasn't delivered to ${ravi.address} because the address couldn't be found, or is unable to receive mail.`,
						"",
						"The response from the remote server was:",
						"550 5.1.1 The email account that you tried to reach does not exist.",
					].join("\n"),
				},
				{ note: "Looks like this one bounced." },
			);
			await tickAt(dee, "2026-11-23 11:15");
			await everyDay(dee, "2026-11-24", "2026-12-04");
			const mails = await mailbox(dee.address, since);
			const told = mails.filter((m) => `${m.subject}\n${m.text}`.includes(ravi.address));
			assert.equal(told.length, 1, `Dee is told once about ${ravi.address}; mails naming it: ${subjects(told)}`);
			assert.deepEqual(
				itemsNaming(mails, "Ravi Patel")
					.filter((i) => /follow up|no reply|last try/i.test(i.text))
					.map((i) => i.title),
				[],
				"the address bounced: no follow-ups to Ravi",
			);
			assert.ok(
				itemsNaming(mails, "Nina Costa").some((i) => /no reply/.test(i.text)),
				`Nina did not answer and is followed up; Dee got ${subjects(mails)}`,
			);
			await assertNeverMailed(ravi, nina, daemon);
		},
	);
});
