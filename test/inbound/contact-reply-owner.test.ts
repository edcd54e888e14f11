/**
 * Whose contact a reply-all is: of the users it names, the one who tracks the
 * sender; and a reply-all to someone whose account is not confirmed yet never
 * makes the contact an account (nothing is mailed to a contact).
 */
import { describe, expect, it } from "vitest";
import { buildMail, DOMAIN, mailsTo, pendingOf, receive, send, signUp } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const later = new Date("2026-11-24T15:00:00Z");

describe("a contact's reply-all", () => {
	it("goes to the user who tracks the sender, not the first user it names", async () => {
		// Addresses sort pat < sam: the first verified recipient found by index is Pat.
		const pat = "pat-owner@example.com";
		const sam = "sam-owner@example.com";
		await signUp(pat, T);
		const samId = await signUp(sam, T);
		await send({ from: sam, to: "Ann Lee <ann@owner.example>", subject: "Coffee?" }, T);
		expect((await pendingOf(samId)).map((n) => n.email)).toEqual(["ann@owner.example"]);
		const r = await send(
			{
				from: "ann@owner.example",
				fromName: "Ann Lee",
				to: `${pat}, ${sam}`,
				cc: `track@${DOMAIN}`,
				subject: "Re: Coffee?",
			},
			later,
		);
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "reply_seen", userId: samId });
		expect(await pendingOf(samId)).toEqual([]);
	});

	it("to someone whose account is not confirmed yet: ignored, and the contact gets no mail", async () => {
		const quinn = "quinn-unconfirmed@example.com";
		// Quinn's first mail starts a pending account; Quinn never confirms it.
		await send({ from: quinn, to: "Ann Lee <ann@unconf.example>", cc: `track@${DOMAIN}`, subject: "Hello" }, T);
		const ann = "ann@unconf.example";
		const raw = buildMail({ from: ann, fromName: "Ann Lee", to: quinn, cc: `track@${DOMAIN}`, subject: "Re: Hello" });
		const r = await receive(raw, { to: `track@${DOMAIN}`, at: later, envelopeFrom: ann });
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "contact_mail_untracked" });
		expect(await mailsTo(ann)).toEqual([]);
	});

	it("a new user who BCCs us on mail to such a person still gets an account", async () => {
		const quinn = "quinn-pending2@example.com";
		await send({ from: quinn, rcpt: `help@${DOMAIN}`, subject: "hi" }, T);
		const newcomer = "newcomer-bcc@example.com";
		const r = await send({ from: newcomer, to: quinn, subject: "Intro call?" }, later);
		expect(r.outcome).toMatchObject({ outcome: "held", reason: "new_account" });
		expect((await mailsTo(newcomer)).length).toBe(1);
	});
});
