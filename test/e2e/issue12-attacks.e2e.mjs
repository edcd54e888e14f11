// Issue 12, "Done when": each attack, sent through the local runtime as written in
// the issue, is refused or handled in under 1 s and changes nothing it must not.
// These run on real time (the dev clock reset), each on a Worker that is idle again.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { signIn } from "./lib/dashboard.mjs";
import { rawMail } from "./lib/mail.mjs";
import { newUser, now, ours, outreach, person, realTime, reply, signUp, trySend } from "./lib/story.mjs";
import { allMail, DOMAIN, deliver, mailbox, mark, settle, waitForMail, waitUntilIdle } from "./lib/worker.mjs";

const SCENARIO = { timeout: 120_000 };
/** An attack's request gives up here; the Worker is then left to finish before the next one. */
const ATTACK_TIMEOUT_MS = 10_000;
const LIMIT_MS = 1_000;

function quick(result, what) {
	assert.notEqual(result.status, 0, `${what}: no answer within ${ATTACK_TIMEOUT_MS / 1000} s`);
	assert.ok(result.ms < LIMIT_MS, `${what}: answered in ${Math.round(result.ms)} ms, the limit is ${LIMIT_MS} ms`);
}

async function assertNeverMailedHere(since, contact) {
	await settle();
	const sent = (await allMail()).slice(since).filter((m) => m.to.includes(contact.address));
	assert.deepEqual(
		sent.map((m) => m.subject),
		[],
		`${contact.name} is a contact and never gets mail`,
	);
}

async function assertNoNewMail(since, why) {
	await settle();
	const sent = (await allMail()).slice(since).map((m) => `"${m.subject}" to ${m.to}`);
	assert.deepEqual(sent, [], why);
}

/** Someone who shows no name (and is no user of ours). */
const stranger = (first, org, tag) => ({ ...person(first, org, tag, "+00:00"), name: "" });
const failingAuth = (address) => {
	const d = address.slice(address.indexOf("@") + 1);
	return `ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=none; dmarc=fail header.from=${d}; spf=none smtp.mailfrom=${address}`;
};

/** A calendar whose VTIMEZONE repeats every minute since 2020. */
function minutelyInvite(organizer) {
	return [
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Eve//Attack//EN",
		"METHOD:REQUEST",
		"BEGIN:VTIMEZONE",
		"TZID:Evil/Minutely",
		"BEGIN:STANDARD",
		"DTSTART:20200101T000000",
		"RRULE:FREQ=MINUTELY",
		"TZOFFSETFROM:+0000",
		"TZOFFSETTO:+0100",
		"TZNAME:EVL",
		"END:STANDARD",
		"END:VTIMEZONE",
		"BEGIN:VEVENT",
		"UID:minutely-1@evil.example",
		"DTSTAMP:20261201T100000Z",
		"DTSTART;TZID=Evil/Minutely:20261203T100000",
		"DTEND;TZID=Evil/Minutely:20261203T110000",
		"SUMMARY:Coffee",
		`ORGANIZER:mailto:${organizer}`,
		`ATTENDEE:mailto:someone@${DOMAIN}`,
		"END:VEVENT",
		"END:VCALENDAR",
	].join("\r\n");
}

describe("issue 12 · attacks", () => {
	before(async () => {
		await waitUntilIdle();
		await realTime();
	});

	it(
		"an unauthenticated invite whose VTIMEZONE has RRULE:FREQ=MINUTELY is refused at once, with no mail sent",
		SCENARIO,
		async () => {
			await waitUntilIdle();
			const eve = stranger("Eve", "evil", "a1");
			const raw = rawMail({
				from: eve,
				to: [ours("track")],
				subject: "Invitation: Coffee",
				date: now(),
				offset: eve.offset,
				auth: failingAuth(eve.address),
				headers: { "Content-Type": 'multipart/mixed; boundary="b1"' },
				body: [
					"--b1",
					"Content-Type: text/plain; charset=utf-8",
					"",
					"You are invited.",
					"--b1",
					'Content-Type: text/calendar; charset=utf-8; method=REQUEST; name="invite.ics"',
					"",
					minutelyInvite(eve.address),
					"--b1--",
				].join("\n"),
			});
			const since = await mark();
			const r = await deliver(raw, { from: eve.address, to: `track@${DOMAIN}` }, ATTACK_TIMEOUT_MS);
			quick(r, "the MINUTELY invite");
			assert.equal(r.status, 400, `an unauthenticated mail is refused with a reason: ${r.status} ${r.text}`);
			await assertNoNewMail(since, "an unauthenticated sender gets nothing, and no account");
		},
	);

	it(
		"dmarc=pass smuggled in a quoted MAIL FROM local part does not authenticate a From whose DMARC failed: refused, no account",
		SCENARIO,
		async () => {
			await waitUntilIdle();
			const victim = person("Bank CEO", "bank", "a2", "+00:00");
			const victimDomain = victim.address.slice(victim.address.indexOf("@") + 1);
			const envelopeFrom = '"a)b;dmarc=pass;c(d"@evil-a2.example';
			const raw = rawMail({
				from: victim,
				to: [person("Mallory", "evil", "a2")],
				subject: "Wire transfer",
				date: now(),
				offset: victim.offset,
				auth: `ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=none; dmarc=fail header.from=${victimDomain}; spf=pass (mx.cloudflare.net: domain of ${envelopeFrom} designates 192.0.2.1 as permitted sender) smtp.mailfrom=${envelopeFrom}`,
				body: "Please track this.",
			});
			const since = await mark();
			const r = await deliver(raw, { from: envelopeFrom, to: `track@${DOMAIN}` }, ATTACK_TIMEOUT_MS);
			quick(r, "the smuggled dmarc=pass");
			assert.equal(r.status, 400, `DMARC failed for ${victimDomain}: refused (${r.status} ${r.text})`);
			await assertNoNewMail(since, `no verification mail to ${victim.address}: no account was created`);
		},
	);

	it(
		"a reply of 1,500 header-like lines to a reply token is handled in under 1 s, and mails no one but its owner",
		SCENARIO,
		async () => {
			await waitUntilIdle();
			const dee = newUser("a3");
			await signUp(dee, null);
			const [ourMail] = (await mailbox(dee.address)).filter((m) => /^r\+/.test(m.replyTo ?? "")).slice(-1);
			const headerish = ["From: Ann Lee <ann@acme.example>", "Sent: Monday, November 23, 2026 9:00 AM"];
			headerish.push("To: Dee Park <dee@a3.example>", "Subject: Re: Coffee next week?");
			const body = Array.from({ length: 1500 }, (_, i) => headerish[i % 4]).join("\n");
			const raw = rawMail({
				from: dee,
				to: [{ name: "", address: ourMail.replyTo }],
				subject: `Re: ${ourMail.subject}`,
				date: now(),
				offset: dee.offset,
				body,
			});
			const since = await mark();
			const r = await deliver(raw, { from: dee.address, to: ourMail.replyTo }, ATTACK_TIMEOUT_MS);
			quick(r, "the 1,500-line reply");
			await settle();
			const others = (await allMail()).slice(since).filter((m) => m.to !== dee.address);
			assert.deepEqual(
				others.map((m) => m.to),
				[],
				"only the owner may hear back",
			);
		},
	);

	it(
		"an HTML-only mail of 300,000 unclosed '<' (and one 4× as long) is handled in under 1 s, and mails no contact",
		SCENARIO,
		async () => {
			await waitUntilIdle();
			const dee = newUser("a4");
			const zed = person("Zed Quinn", "quinn", "a4");
			await signUp(dee, null);
			const since = await mark();
			for (const length of [300_000, 1_200_000]) {
				await waitUntilIdle();
				const raw = rawMail({
					from: dee,
					to: [zed],
					subject: `Hello (${length})`,
					date: now(),
					offset: dee.offset,
					contentType: "text/html; charset=utf-8",
					body: "<".repeat(length),
				});
				const r = await deliver(raw, { from: dee.address, to: `track@${DOMAIN}` }, ATTACK_TIMEOUT_MS);
				quick(r, `the HTML of ${length.toLocaleString("en")} '<'`);
			}
			await assertNeverMailedHere(since, zed);
		},
	);

	it(
		'a verification reply replayed twice: the held mail is released once, and "You\'re all set" is sent once',
		SCENARIO,
		async () => {
			await waitUntilIdle();
			const dee = newUser("a5");
			const ann = person("Ann Lee", "acme", "a5");
			let since = await mark();
			await outreach(dee, { to: [ann], subject: "Coffee next week?", body: "Hi Ann,\n\nCoffee next week?\n\nDee" });
			const verify = await waitForMail(dee.address, (m) => /^r\+/.test(m.replyTo ?? ""), {
				since,
				what: "the verification mail",
			});
			since = await mark();
			await reply(dee, verify, "Yes, that's me.");
			await waitForMail(dee.address, (m) => /all set/i.test(m.subject), { since, what: `"You're all set"` });
			for (const text of ["Yes, that's me.", "yes"])
				quick(await reply(dee, verify, text, { check: false }), "a replay");
			await settle();
			const allSet = (await mailbox(dee.address, since)).filter((m) => /all set/i.test(m.subject));
			assert.equal(allSet.length, 1, `"You're all set" once, got ${allSet.length}`);

			const beforeStatus = await mark();
			await outreach(dee, { via: "status", to: [ours("status")], subject: "status", body: "" });
			const status = await waitForMail(dee.address, () => true, { since: beforeStatus, what: "the status@ answer" });
			const annLines = status.text.split("\n").filter((l) => l.includes("Ann Lee"));
			assert.equal(annLines.length, 1, `the held outreach was processed once: ${JSON.stringify(annLines)}`);
		},
	);

	it(
		"'Add an address' of a stranger's address, then the stranger's 'Who are you?': nothing confirmed, their mail never filed under the asker",
		SCENARIO,
		async () => {
			await waitUntilIdle();
			const alex = newUser("a6", "Alex Asker");
			const sam = stranger("Sam", "stranger", "a6");
			const pat = person("Pat Quinn", "quinn", "a6");
			await signUp(alex, null);
			const session = await signIn(alex);
			const since = await mark();
			const asked = await session.post("/app/settings/addresses", { address: sam.address });
			quick({ status: asked.res?.status ?? 0, ms: asked.ms }, "Add an address");
			const request = await waitForMail(sam.address, (m) => /^r\+/.test(m.replyTo ?? ""), {
				since,
				what: "the request for an explicit yes",
			});
			quick(
				await reply(sam, request, "Who are you? I never signed up for this.", { check: false }),
				"the stranger's answer",
			);
			const beforeOwn = await mark();
			const ownMail = await trySend(sam, "track", {
				to: [pat],
				subject: "Lunch on Friday?",
				body: "Hi Pat,\n\nLunch on Friday?\n\nSam",
			});
			quick(ownMail.delivered, "the stranger's own mail");
			await waitForMail(sam.address, (m) => /^r\+/.test(m.replyTo ?? ""), {
				since: beforeOwn,
				what: "a verification of the stranger's own (they are not Alex's)",
			});

			const beforeStatus = await mark();
			await outreach(alex, { via: "status", to: [ours("status")], subject: "status", body: "" });
			const status = await waitForMail(alex.address, () => true, { since: beforeStatus, what: "the status@ answer" });
			assert.doesNotMatch(status.text, /Pat Quinn/, "the stranger's contact is not Alex's");
			const settings = await session.get("/app/settings");
			assert.ok(!settings.body.includes(`<li>${sam.address}</li>`), "the stranger's address is not listed as Alex's");
		},
	);
});
