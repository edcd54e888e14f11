/**
 * Issue 15, "Contact names", in the user's words, through the email handler and the
 * digest the cron handler sends: a later "ANN LEE" renames nobody, "Lee, Bob" reads
 * "Bob Lee", and "His email is bob@…" in an intro takes the name from the text.
 */
import { describe, expect, it } from "vitest";
import { contactsOf, DOMAIN, mailsTo, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";
import { call } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z"); // Mon 09:15 in New York
const at = (iso: string) => new Date(iso);
const newUser = userFactory("names", T);
const THU_0800_NY = at("2026-11-26T13:00:00Z");

async function digestText(address: string, baseline: number, when = THU_0800_NY) {
	await tick(when);
	const mails = (await mailsTo(address)).slice(baseline);
	return { subject: mails[0]?.subject ?? "", text: mails[0]?.text ?? "" };
}

describe("contact names through the real handlers", () => {
	it.each([
		// [what the user sent, in order (To: headers), the name the digest and status@ show]
		[["Ann Lee <ann@acme.example>", "ANN LEE <ann@acme.example>"], "Ann Lee"],
		[["ann@acme.example", "ANN LEE <ann@acme.example>"], "Ann Lee"],
		[["ANN LEE <ann@acme.example>"], "Ann Lee"],
		[['"Lee, Bob" <ann@acme.example>'], "Bob Lee"],
		[['"LEE, BOB" <ann@acme.example>'], "Bob Lee"],
		[['"Smith, Bob, Jr." <ann@acme.example>'], "Smith, Bob, Jr."],
	])("outreach to %j: shown as %j", async (tos, shown) => {
		const { address, baseline } = await newUser();
		for (const [i, to] of tos.entries()) {
			await send({ from: address, to, subject: i ? "Re: Coffee?" : "Coffee?" }, new Date(T.getTime() + i * 60_000));
		}
		await send({ from: address, rcpt: `status@${DOMAIN}`, subject: "status" }, new Date(T.getTime() + 10 * 60_000));
		const status = (await mailsTo(address)).at(-1);
		expect(status?.text).toContain(`1. follow up: ${shown}, Thu 26 Nov`);
		const digest = await digestText(address, baseline + 1);
		expect(digest.subject).toBe(`Follow up with ${shown}`);
		expect(digest.text).toContain(`Follow up with ${shown}`);
	});

	it('the Done link of a digest item for "Lee, Bob" asks about Bob Lee', async () => {
		const { address, baseline } = await newUser();
		await send({ from: address, to: '"Lee, Bob" <bob@lee.example>', subject: "Coffee?" }, T);
		const digest = await digestText(address, baseline);
		const done = digest.text.match(/Done: (\S+)/)?.[1] ?? "";
		expect(await (await call(done)).text()).toContain("Mark Bob Lee as done?");
	});

	it("a later mail to ANN LEE keeps the stored name as it was written", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
		await send({ from: address, to: "ANN LEE <ann@acme.example>", subject: "Re: Coffee?" }, at("2026-11-24T14:15:00Z"));
		expect((await contactsOf(userId)).map((c) => c.name)).toEqual(["Ann Lee"]);
	});

	it.each([
		[
			"Ann, meet Bob Smith… he runs design at Acme and would love to chat. His email is bob@x.example.",
			"bob@x.example",
			"Bob Smith",
		],
		[
			"Pat, you should talk to Dana Whitfield. Her email is dana@dw.example and she's expecting you.",
			"dana@dw.example",
			"Dana Whitfield",
		],
		["Bob's email: bob@x.example. Pat, meet Bob!", "bob@x.example", "Bob"],
	])("an intro saying %j: reach out to the named person, not the address", async (body, email, name) => {
		const { address, userId, baseline } = await newUser();
		const forward = [
			"---------- Forwarded message ---------",
			"From: Carol Diaz <carol@diaz.example>",
			"Subject: Someone you should know",
			`To: ${address}`,
			"",
			body,
		].join("\n");
		await send(
			{ from: address, to: `track@${DOMAIN}`, subject: "Fwd: Someone you should know", body: forward },
			at("2026-11-23T11:00:00Z"),
		);
		const contact = (await contactsOf(userId)).find((c) => c.email === email);
		expect(contact?.name).toBe(name);
		const digest = await digestText(address, baseline, at("2026-11-23T13:00:00Z"));
		expect(digest.text).toContain(`1. Reach out to ${name} today`);
		expect(digest.text).not.toContain(`Reach out to ${email}`);
	});
});
