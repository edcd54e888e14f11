// Issue 11: replies seen without inbox access (DESIGN.md, the lifecycle's "reply" row).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newMessageId, quoted } from "./lib/mail.mjs";
import {
	assertNeverMailed,
	at,
	everyDay,
	itemsNaming,
	local,
	newUser,
	ours,
	outreach,
	person,
	signUp,
	trySend,
} from "./lib/story.mjs";
import { mailbox, mark } from "./lib/worker.mjs";

const SCENARIO = { timeout: 90_000 };
const FOLLOW_UP = /follow up|no reply|last try/i;
const subjects = (mails) => mails.map((m) => `"${m.subject}"`).join(", ") || "nothing";

describe("issue 11 · replies", () => {
	it(
		"1. a reply-all from the contact with track@ in Cc: the contact gets no mail, and no 'no reply' follow-up for them over two weeks",
		SCENARIO,
		async () => {
			const tag = "s01";
			const dee = newUser(tag);
			const ann = person("Ann Lee", "acme", tag);
			const ben = person("Ben Ortiz", "globex", tag);
			await signUp(dee, "2026-11-23 09:00");
			await at(dee, "2026-11-23 10:00");
			const coffee = await outreach(dee, {
				to: [ann],
				subject: "Coffee next week?",
				body: "Hi Ann,\n\nCarol said you lead the data team at Acme. Could we have a 20-minute coffee next week?\n\nThanks,\nDee",
			});
			await outreach(dee, {
				to: [ben],
				subject: "Platform team at Globex",
				body: "Hi Ben,\n\nI enjoyed your talk last week. Would you have 15 minutes to tell me about the platform team?\n\nDee",
			});
			const since = await mark();

			await at(dee, "2026-11-24 11:30");
			await trySend(ann, "track", {
				to: [dee],
				cc: [ours("track")],
				subject: "Re: Coffee next week?",
				inReplyTo: coffee.messageId,
				references: coffee.messageId,
				body: quoted("Happy to! Thursday at 10 works for me.\n\nAnn", { from: dee, ...coffee, offset: dee.offset }),
			});
			await assertNeverMailed(ann);

			await everyDay(dee, "2026-11-25", "2026-12-08");
			const mails = await mailbox(dee.address, since);
			const aboutAnn = itemsNaming(mails, "Ann Lee").filter((i) => FOLLOW_UP.test(i.text));
			assert.deepEqual(
				aboutAnn.map((i) => i.title),
				[],
				"Ann answered (reply-all, track@ in Cc): no follow-up for her",
			);
			assert.ok(
				itemsNaming(mails, "Ben Ortiz").some((i) => /3 days, no reply/.test(i.text)),
				`Ben did not answer and is followed up ("3 days, no reply"); Dee got ${subjects(mails)}`,
			);
			await assertNeverMailed(ann, ben);
		},
	);

	it(
		"2. (Asia/Tokyo) the user BCCs their own answer quoting 'On …, Yuki Tanaka <…> wrote:': it counts as Yuki's reply",
		SCENARIO,
		async () => {
			const tag = "s02";
			const mika = newUser(tag, "Mika Ito", "Asia/Tokyo");
			const yuki = person("Yuki Tanaka", "sakura", tag, "+09:00");
			const kenji = person("Kenji Mori", "fuji", tag, "+09:00");
			await signUp(mika, "2026-11-23 09:00");
			await at(mika, "2026-11-23 10:00");
			const ask = await outreach(mika, {
				to: [yuki],
				subject: "Design roles at Sakura",
				body: "Hello Yuki,\n\nKaori suggested I write to you about the design team at Sakura. Could we talk for 20 minutes?\n\nMika",
			});
			await outreach(mika, {
				to: [kenji],
				subject: "Hello from Mika",
				body: "Hello Kenji,\n\nWe met at the Design Matters meetup. Could I ask you about Fuji's research team?\n\nMika",
			});
			// Yuki answers Mika directly on Tuesday evening: we never see that mail.
			const yukisAnswer = {
				from: yuki,
				messageId: newMessageId(yuki.address),
				date: local(mika, "2026-11-24 18:12"),
				offset: "+09:00",
				body: "Hi Mika,\n\nThanks for reaching out. Happy to talk. Does Friday at 10 work?\n\nYuki",
			};
			await at(mika, "2026-11-25 09:30");
			const since = await mark();
			await outreach(mika, {
				to: [yuki],
				subject: "Re: Design roles at Sakura",
				inReplyTo: yukisAnswer.messageId,
				references: `${ask.messageId} ${yukisAnswer.messageId}`,
				body: quoted("Friday at 10 works, thank you! I'll call you then.\n\nMika", yukisAnswer),
			});

			await everyDay(mika, "2026-11-26", "2026-12-09");
			const mails = await mailbox(mika.address, since);
			assert.deepEqual(
				itemsNaming(mails, "Yuki Tanaka")
					.filter((i) => FOLLOW_UP.test(i.text))
					.map((i) => i.title),
				[],
				"Yuki answered (Mika's BCC'd answer quotes her): no follow-up for her",
			);
			assert.ok(
				itemsNaming(mails, "Kenji Mori").some((i) => /no reply/.test(i.text)),
				`Kenji did not answer and is followed up; Mika got ${subjects(mails)}`,
			);
			await assertNeverMailed(yuki, kenji);
		},
	);
});
