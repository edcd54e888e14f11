import { describe, expect, it } from "vitest";
import { contactsOf, DOMAIN, inviteMime, pendingOf, send, userFactory } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("cal", T);
const pending = pendingOf;

const ics = (o: { method: string; user: string; start: string; end: string; sequence?: number }) =>
	[
		"BEGIN:VCALENDAR",
		"PRODID:-//Google Inc//Google Calendar 70.9054//EN",
		"VERSION:2.0",
		`METHOD:${o.method}`,
		"BEGIN:VEVENT",
		`DTSTART:${o.start}`,
		`DTEND:${o.end}`,
		"UID:evt-123@google.com",
		`SEQUENCE:${o.sequence ?? 0}`,
		`ORGANIZER;CN=Pat:mailto:${o.user}`,
		`ATTENDEE;CN=Ann Lee;PARTSTAT=NEEDS-ACTION:mailto:ann@acme.example`,
		`ATTENDEE;CN=Pat;PARTSTAT=ACCEPTED:mailto:${o.user}`,
		"SUMMARY:Coffee with Ann",
		"END:VEVENT",
		"END:VCALENDAR",
	].join("\r\n");

const invite = (user: string, method: string, start: string, end: string) => ({
	from: user,
	to: "Ann Lee <ann@acme.example>",
	subject: `Invitation: Coffee with Ann`,
	mime: inviteMime("Coffee with Ann", method, ics({ method, user, start, end })),
});

describe("calendar invites", () => {
	it("a REQUEST schedules a thank-you to each other attendee after the event ends", async () => {
		const { address, userId } = await newUser();
		// Tue 1 Dec 15:00–15:30 New York: after the 08:00 digest, so the note is for Wed's digest.
		const r = await send(invite(address, "REQUEST", "20261201T200000Z", "20261201T203000Z"), T);
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "meeting" });
		expect((await pending(userId)).map((d) => [d.email, d.kind, d.dueOn])).toEqual([
			["ann@acme.example", "thank_you", "2026-12-02"],
		]);
		expect((await contactsOf(userId)).map((c) => [c.email, c.status])).toEqual([["ann@acme.example", "met"]]);
	});

	it("an updated REQUEST moves the note; a CANCEL removes it", async () => {
		const { address, userId } = await newUser();
		await send(invite(address, "REQUEST", "20261201T200000Z", "20261201T203000Z"), T);
		await send(invite(address, "REQUEST", "20261203T200000Z", "20261203T203000Z"), T);
		expect((await pending(userId)).map((d) => d.dueOn)).toEqual(["2026-12-04"]);
		const r = await send(invite(address, "CANCEL", "20261203T200000Z", "20261203T203000Z"), T);
		expect(r.outcome.detail).toBe('"Coffee with Ann" cancelled: 1 thank-you note removed.');
		expect(await pending(userId)).toEqual([]);
	});

	it("met@ means the meeting happened: thank-you notes today", async () => {
		const { address, userId } = await newUser();
		const at = new Date("2026-11-24T12:00:00Z"); // 07:00 New York, before the digest
		await send(
			{
				from: address,
				to: "Ann Lee <ann@acme.example>, Bob <bob@stone.example>",
				rcpt: `met@${DOMAIN}`,
				subject: "Lunch",
			},
			at,
		);
		expect((await pending(userId)).map((d) => [d.email, d.kind, d.dueOn])).toEqual([
			["ann@acme.example", "thank_you", "2026-11-24"],
			["bob@stone.example", "thank_you", "2026-11-24"],
		]);
	});
});
