// Issue 11: thank-yous, the résumé ladder's numbering, and business days for snoozes
// (DESIGN.md, the lifecycle's "met" and "snooze" rows, and "Time").
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { at, everyDay, itemsNaming, newUser, outreach, person, reply, signUp, tickAt } from "./lib/story.mjs";
import { mailbox, mark, waitForMail } from "./lib/worker.mjs";

const SCENARIO = { timeout: 90_000 };
const subjects = (mails) => mails.map((m) => `"${m.subject}"`).join(", ") || "nothing";

describe("issue 11 · ladders", () => {
	it(
		"9. the thank-you itself BCC'd to thanks@ asks for no 'send a thank-you note' (met@ on another mail still does)",
		SCENARIO,
		async () => {
			const tag = "s09";
			const dee = newUser(tag);
			const elena = person("Elena Cruz", "cruz", tag);
			const hugo = person("Hugo Brandt", "brandt", tag);
			await signUp(dee, "2026-11-23 09:00");
			await at(dee, "2026-11-24 17:30");
			const since = await mark();
			await outreach(dee, {
				via: "thanks",
				to: [elena],
				subject: "Thank you for today",
				body: "Hi Elena,\n\nThank you for taking the time to meet with me today. Your advice on moving into platform work was really helpful, and I've started on the reading you suggested.\n\nBest,\nDee",
			});
			await outreach(dee, {
				via: "met",
				to: [hugo],
				subject: "Slides from tonight",
				body: "Hi Hugo,\n\nHere are the slides I mentioned at the meetup: https://slides.example/dee-talk\n\nDee",
			});
			await everyDay(dee, "2026-11-25", "2026-12-04");
			const mails = await mailbox(dee.address, since);
			assert.deepEqual(
				itemsNaming(mails, "Elena Cruz")
					.filter((i) => /thank/i.test(i.title))
					.map((i) => i.title),
				[],
				"the mail to Elena was the thank-you note",
			);
			assert.ok(
				itemsNaming(mails, "Hugo Brandt").some((i) => /thank-you/i.test(i.title)),
				`met@ on a mail that is not a thank-you still suggests one to Hugo; Dee got ${subjects(mails)}`,
			);
		},
	);

	it(
		"10. the résumé ladder (applied@) never says '2nd follow-up' without a 1st, nor counts more follow-ups than were sent",
		SCENARIO,
		async () => {
			const tag = "s10";
			const dee = newUser(tag);
			const maya = person("Maya Chen", "northwind", tag);
			await signUp(dee, "2026-11-23 09:00");
			await at(dee, "2026-11-23 10:00");
			await outreach(dee, {
				via: "applied",
				to: [maya],
				subject: "Application: Senior Data Engineer",
				body: "Hi Maya,\n\nI've applied for the Senior Data Engineer role (ref. DE-114) through your careers page. I'd love to tell you more about my pipeline work.\n\nDee",
			});
			const since = await mark();
			await everyDay(dee, "2026-11-24", "2026-12-11");
			const ladder = itemsNaming(await mailbox(dee.address, since), "Maya Chen");
			assert.ok(ladder.length >= 2, `the résumé ladder goes on for two rungs by Fri 11 Dec (got ${ladder.length})`);
			assert.match(ladder[0].title, /résumé/, "the first rung asks to confirm Maya received the résumé");
			const said = new Set();
			ladder.forEach((item, before) => {
				for (const [, n] of item.text.matchAll(/(\d+)(?:st|nd|rd|th) follow-up/g)) {
					assert.ok(
						Number(n) === 1 || said.has(Number(n) - 1),
						`"${item.title}" says follow-up ${n} with no follow-up ${Number(n) - 1} before: ${item.text.split("\n")[1]?.trim()}`,
					);
					said.add(Number(n));
				}
				for (const [, n] of item.text.matchAll(/(\d+) follow-ups/g))
					assert.ok(Number(n) <= before, `"${item.title}" counts ${n} follow-ups after ${before} reminders`);
			});
		},
	);

	it(
		"12. 'snooze 4d' on a Tuesday: nothing is mailed on the weekend, and the item is back on Monday",
		SCENARIO,
		async () => {
			const tag = "s12";
			const dee = newUser(tag);
			const sam = person("Sam Park", "park", tag);
			await signUp(dee, "2026-11-23 09:00");
			await at(dee, "2026-11-23 10:00");
			await outreach(dee, {
				via: "track+1d",
				to: [sam],
				subject: "Following up on our call",
				body: "Hi Sam,\n\nThanks for the call. As promised, here is the write-up of the migration I mentioned.\n\nDee",
			});
			let since = await mark();
			await tickAt(dee, "2026-11-24 08:05");
			const tuesday = await waitForMail(dee.address, (m) => itemsNaming([m], "Sam Park").length > 0, {
				since,
				what: "Tuesday's digest with Sam Park (track+1d@)",
			});

			await at(dee, "2026-11-24 09:00");
			since = await mark();
			await reply(dee, tuesday, "snooze 4d");
			const confirmed = await waitForMail(dee.address, () => true, { since, what: "the snooze confirmation" });
			assert.doesNotMatch(confirmed.text, /\b(Sat|Sun)/, "a snooze lands on a business day");
			await everyDay(dee, "2026-11-25", "2026-11-27");
			const weekday = await mailbox(dee.address, since);
			assert.deepEqual(
				itemsNaming(weekday, "Sam Park").map((i) => i.title),
				[],
				"nothing from Sam's thread before the snooze ends",
			);

			since = await mark();
			await everyDay(dee, "2026-11-28", "2026-11-29", ["08:05", "12:05", "18:05"]);
			const weekend = await mailbox(dee.address, since);
			assert.deepEqual(
				weekend.map((m) => m.subject),
				[],
				"the digest promises Monday to Friday: no mail on Sat 28 or Sun 29 Nov",
			);
			await tickAt(dee, "2026-11-30 08:05");
			const monday = await mailbox(dee.address, since);
			assert.ok(
				itemsNaming(monday, "Sam Park").length > 0,
				`Sam's item is back on Monday; Dee got ${subjects(monday)}`,
			);
		},
	);
});
