// Issue 11: introductions (DESIGN.md, the lifecycle's "introduction" and "outreach"
// rows) and a forwarded mail's own Date.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
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
	reply,
	signUp,
	tickAt,
} from "./lib/story.mjs";
import { mailbox, mark, waitForMail } from "./lib/worker.mjs";

const SCENARIO = { timeout: 90_000 };
const subjects = (mails) => mails.map((m) => `"${m.subject}"`).join(", ") || "nothing";
const titles = (items) => items.map((i) => i.title);

/** Carol's introduction of `other` to `user`, sent at `when` (user's zone). */
const intro = (user, carol, other, when) => ({
	from: carol,
	to: [user, other],
	subject: `Intro: ${user.name.split(" ")[0]} <> ${other.name.split(" ")[0]}`,
	date: local(user, when),
	offset: user.offset,
	body: `${user.name.split(" ")[0]}, meet ${other.name}: ${other.name.split(" ")[0]} runs hiring for the platform team. ${other.name.split(" ")[0]}, ${user.name.split(" ")[0]} is the engineer I mentioned.\n\nI'll let you two take it from here!\n${carol.name.split(" ")[0]}`,
});

/** The user forwards the intro at 09:30; the 09:45 tick brings "Reach out to X today". */
async function introduced(user, carol, other) {
	await at(user, "2026-11-23 09:30");
	const since = await mark();
	await forward(user, intro(user, carol, other, "2026-11-23 08:40"), { note: "Tracking this one." });
	await tickAt(user, "2026-11-23 09:45");
	return waitForMail(user.address, (m) => itemsNaming([m], other.name).some((i) => /reach out/i.test(i.title)), {
		since,
		what: `"Reach out to ${other.name} today" the same morning`,
	});
}

describe("issue 11 · introductions", () => {
	it(
		"3a. 'done' on a reach-out ends its reminders (no 'reminder 3 of 3'), and 'let Carol know' comes the same day",
		SCENARIO,
		async () => {
			const tag = "s03a";
			const dee = newUser(tag);
			const carol = person("Carol Diaz", "diaz", tag);
			const sana = person("Sana Mir", "mir", tag);
			await signUp(dee, "2026-11-23 08:30");
			const reachOut = await introduced(dee, carol, sana);

			await at(dee, "2026-11-23 10:00");
			const since = await mark();
			await reply(dee, reachOut, "done");
			await waitForMail(dee.address, (m) => m.text.includes("Sana Mir"), { since, what: "a one-line confirmation" });
			for (const time of ["10:15", "12:15", "17:15"]) await tickAt(dee, `2026-11-23 ${time}`);
			const sameDay = await mailbox(dee.address, since);
			assert.ok(
				itemsNaming(sameDay, "Carol Diaz").some((i) => /let Carol Diaz know/i.test(i.title)),
				`Dee reached out to Sana: the same day brings "Let Carol Diaz know"; Dee got ${subjects(sameDay)}`,
			);

			await everyDay(dee, "2026-11-24", "2026-11-27", ["08:05", "12:05"]);
			const after = await mailbox(dee.address, since);
			assert.deepEqual(
				titles(itemsNaming(after, "Sana Mir").filter((i) => /reach out/i.test(i.title))),
				[],
				"the reach-out is done: no more reminders to reach out to Sana",
			);
			await assertNeverMailed(carol, sana);
		},
	);

	it("3b. 'met' on an intro's reach-out stops the reach-outs (a thank-you note comes instead)", SCENARIO, async () => {
		const tag = "s03b";
		const dee = newUser(tag);
		const carol = person("Carol Diaz", "diaz", tag);
		const omar = person("Omar Haddad", "haddad", tag);
		await signUp(dee, "2026-11-23 08:30");
		const reachOut = await introduced(dee, carol, omar);

		await at(dee, "2026-11-23 16:00");
		const since = await mark();
		await reply(dee, reachOut, "met");
		await everyDay(dee, "2026-11-24", "2026-11-27", ["08:05", "12:05"]);
		const after = await mailbox(dee.address, since);
		const aboutOmar = itemsNaming(after, "Omar Haddad");
		assert.deepEqual(titles(aboutOmar.filter((i) => /reach out/i.test(i.title))), [], "they met: no more reach-outs");
		assert.ok(
			aboutOmar.some((i) => /thank-you/i.test(i.title)),
			`after "met", a thank-you note to Omar is suggested; Dee got ${subjects(after)}`,
		);
		await assertNeverMailed(carol, omar);
	});

	it(
		"5. the referrer in Cc of the outreach gets no follow-up ladder of her own, and the loop counts as closed",
		SCENARIO,
		async () => {
			const tag = "s05";
			const dee = newUser(tag);
			const carol = person("Carol Diaz", "diaz", tag);
			const bob = person("Bob Stone", "stone", tag);
			await signUp(dee, "2026-11-23 08:30");
			await introduced(dee, carol, bob);

			await at(dee, "2026-11-23 11:00");
			const since = await mark();
			await outreach(dee, {
				to: [bob],
				cc: [carol],
				subject: "Re: Intro: Dee <> Bob",
				body: "Thanks Carol!\n\nBob, great to meet you. Would you have 20 minutes next week to tell me about the platform team?\n\nDee",
			});
			await everyDay(dee, "2026-11-23", "2026-12-11", ["12:05"]);
			const mails = await mailbox(dee.address, since);
			assert.deepEqual(
				titles(itemsNaming(mails, "Carol Diaz")),
				[],
				"Carol was in Cc of the outreach: no follow-up, no 'last try' and no 'let Carol know' about her",
			);
			assert.ok(
				itemsNaming(mails, "Bob Stone").some((i) => /no reply/.test(i.text)),
				`Bob did not answer and is followed up; Dee got ${subjects(mails)}`,
			);
			await assertNeverMailed(carol, bob);
		},
	);

	it(
		"6. (Europe/Berlin) a sent mail of 24 Nov forwarded on 1 Dec is followed up at once ('7 days'); an intro of 20 Nov is '11 days ago', never 'today'",
		SCENARIO,
		async () => {
			const tag = "s06";
			const jana = newUser(tag, "Jana Keller", "Europe/Berlin");
			const lena = person("Lena Vogel", "vogel", tag, "+01:00");
			const marta = person("Marta Klein", "klein", tag, "+01:00");
			const jonas = person("Jonas Weber", "weber", tag, "+01:00");
			await signUp(jana, "2026-12-01 09:00");

			await at(jana, "2026-12-01 10:00");
			let since = await mark();
			await forward(
				jana,
				{
					from: jana,
					to: [lena],
					subject: "Portfolio review",
					date: local(jana, "2026-11-24 14:00"),
					offset: jana.offset,
					body: "Hi Lena,\n\nWould you have time to look at my portfolio before the studio's deadline?\n\nJana",
				},
				{ note: "Sent this last week, no answer yet." },
			);
			await tickAt(jana, "2026-12-01 10:15");
			const followUp = await waitForMail(jana.address, (m) => itemsNaming([m], "Lena Vogel").length > 0, {
				since,
				what: "a follow-up for Lena Vogel at once (it was due on Fri 27 Nov)",
			});
			const [lenaItem] = itemsNaming([followUp], "Lena Vogel");
			assert.match(lenaItem.text, /7 days, no reply/, "the mail is 7 days old");

			await at(jana, "2026-12-01 10:20");
			since = await mark();
			await forward(jana, intro(jana, marta, jonas, "2026-11-20 16:05"), { note: "Sorry, found this late!" });
			await tickAt(jana, "2026-12-01 10:35");
			const reachOut = await waitForMail(jana.address, (m) => itemsNaming([m], "Jonas Weber").length > 0, {
				since,
				what: "a reach-out to Jonas Weber the same day",
			});
			const [first] = itemsNaming([reachOut], "Jonas Weber");
			assert.match(first.text, /11 days ago|20 Nov/, "Marta introduced them on Fri 20 Nov");
			assert.doesNotMatch(first.text, /introduced you (today|yesterday)/);

			since = await mark();
			await tickAt(jana, "2026-12-02 08:05");
			const [next] = itemsNaming(await mailbox(jana.address, since), "Jonas Weber");
			assert.ok(next, "no outreach to Jonas yet: Wednesday's digest reminds again");
			assert.match(next.text, /12 days ago|20 Nov/, "the age still counts from the intro's own Date");
			assert.doesNotMatch(next.text, /introduced you (today|yesterday)/);
			await assertNeverMailed(lena, marta, jonas);
		},
	);
});
