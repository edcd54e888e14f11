/**
 * readBounce on bounces as users meet them, written by us: Gmail's, Outlook's and a
 * German one forwarded to us as text, a report with two recipients, and mail that
 * only talks about a bounce. The corpus is in test/conformance/bounce-corpus.test.ts.
 */
import { describe, expect, it } from "vitest";
import { readBounce } from "../../src/inbound/bounce-report";
import { REPLIES } from "../commands/reply-corpus/replies";

const h = (pairs: Record<string, string>) => Object.entries(pairs).map(([key, value]) => ({ key, value }));
const user = h({ from: "Robin Ortiz <robin@ortiz.example>", to: "track@followthrough.test", subject: "Fwd: bounce" });

const GMAIL_FORWARD = `FYI

---------- Forwarded message ---------
From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
Date: Mon, 23 Nov 2026 at 15:20
Subject: Delivery Status Notification (Failure)
To: <robin@ortiz.example>


Address not found

Your message wasn't delivered to ann@acme.example because the address couldn't be found, or is unable to receive mail.

The response from the remote server was:
550 5.1.1 The email account that you tried to reach does not exist.

---------- Forwarded message ----------
From: Robin Ortiz <robin@ortiz.example>
To: Ann Lee <ann@acme.example>
Subject: Coffee next week?
`;

const OUTLOOK_FORWARD = `
________________________________
From: Microsoft Outlook <postmaster@outlook.com>
Sent: Monday, November 23, 2026 3:20 PM
To: robin@ortiz.example
Subject: Undeliverable: Coffee next week?

Your message to ben@ortiz-partners.example couldn't be delivered.
ben wasn't found at ortiz-partners.example.

Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
`;

const GERMAN_FORWARD = `Hallo,

-------- Weitergeleitete Nachricht --------
Betreff: Undelivered Mail Returned to Sender
Datum: Mon, 23 Nov 2026 15:20:00 +0100
Von: Mail Delivery System <MAILER-DAEMON@mx.posteo.example>
An: robin@ortiz.example

This is the mail system at host mx.posteo.example.

<carla@diaz.example>: host mx.diaz.example[192.0.2.1] said: 552 5.2.2 Mailbox full
`;

const REPORT = `Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; ann@acme.example
Action: failed
Status: 5.1.1

Final-Recipient: rfc822; ben@ortiz.example
Action: delivered
Status: 2.0.0

Final-Recipient: rfc822; carla@diaz.example
Action: failed
Status: 4.4.7
`;

describe("readBounce", () => {
	it.each([
		["Gmail's bounce forwarded as text", GMAIL_FORWARD, ["ann@acme.example"], true],
		["Outlook's bounce forwarded as text", OUTLOOK_FORWARD, ["ben@ortiz-partners.example"], true],
		["a German forward of a Postfix bounce", GERMAN_FORWARD, ["carla@diaz.example"], true],
	])("%s", (_name, text, failed, permanent) => {
		expect(readBounce({ headers: user, text })).toEqual({ failed, permanent });
	});

	it("a delivery-status report names only the failed recipients; one 5.x.x makes it final", () => {
		const headers = h({
			from: "MAILER-DAEMON@mx.example.net",
			to: "robin@ortiz.example",
			"content-type": 'multipart/report; report-type=delivery-status; boundary="b"',
		});
		const attachments = [{ mimeType: "message/delivery-status", content: new TextEncoder().encode(REPORT) }];
		expect(readBounce({ headers, text: "Delivery failed.", attachments })).toEqual({
			failed: ["ann@acme.example", "carla@diaz.example"],
			permanent: true,
		});
	});

	it("a report of delays only is not a bounce", () => {
		const report = "Final-Recipient: rfc822; ann@acme.example\nAction: delayed\nStatus: 4.4.7\n";
		const headers = h({ from: "MAILER-DAEMON@mx.example.net", "content-type": "multipart/report" });
		expect(
			readBounce({ headers, text: "", attachments: [{ mimeType: "message/delivery-status", content: report }] }),
		).toBeNull();
	});

	it("X-Failed-Recipients names them when the words do not", () => {
		const headers = h({
			from: "Mail Delivery System <Mailer-Daemon@mx.example.net>",
			"x-failed-recipients": "ann@acme.example",
		});
		expect(readBounce({ headers, text: "Something went wrong." })).toEqual({
			failed: ["ann@acme.example"],
			permanent: true,
		});
	});

	it.each([
		["a person writing about a bounce", "Hi, my mail to ann@acme.example bounced, can you check the address?\n\nRobin"],
		[
			"a forward of a normal thread",
			"---------- Forwarded message ---------\nFrom: Ann Lee <ann@acme.example>\nSubject: Re: Coffee\n\nSure, Tuesday works.\nann@acme.example",
		],
		["an out-of-office", "I am out of the office until 30 November.\nFor urgent matters write to desk@acme.example."],
		["a reply that quotes a bounce subject", "Re: Undeliverable: Coffee?\n\nann@acme.example is the right address."],
	])("%s is not a bounce", (_name, text) => {
		expect(readBounce({ headers: user, text })).toBeNull();
	});

	it("none of the 342 replies of the reply corpus reads as a bounce", () => {
		const read = REPLIES.filter((c) => readBounce({ headers: user, text: c.body }) !== null).map((c) => c.id);
		expect(REPLIES.length).toBeGreaterThanOrEqual(300);
		expect(read).toEqual([]);
	});

	it("reads a huge text in linear time", () => {
		const text = `From: MAILER-DAEMON@x.example\nSubject: failure notice\n\n${"<a@b.example(".repeat(20_000)}`;
		const start = performance.now();
		readBounce({ headers: user, text });
		expect(performance.now() - start).toBeLessThan(500);
	});
});
