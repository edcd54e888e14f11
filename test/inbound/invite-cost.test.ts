/**
 * A calendar invite costs what other tracked mail does: its attendees and its
 * meeting's thread are read ahead with the sender lookup (read-ahead.ts), so a
 * REQUEST, its update and its CANCEL each take one read and one commit, even when
 * the people it invites are not on the mail's To/Cc (the calendar-event.eml case
 * of the corpus took 4).
 */
import { describe, expect, it } from "vitest";
import { DOMAIN, inviteMime, pendingOf, signUp } from "../support/inbound";
import { meteredInbound } from "../support/inbound-cost";

const T = new Date("2026-11-23T14:15:00Z");
const metered = meteredInbound();

const invite = (user: string, method: string, start: string, end: string, rcpt = `track@${DOMAIN}`) => ({
	from: user,
	to: `Pat <${user}>`,
	rcpt,
	subject: "Invitation: Planning",
	mime: inviteMime(
		"Planning",
		method,
		[
			"BEGIN:VCALENDAR",
			"VERSION:2.0",
			`METHOD:${method}`,
			"BEGIN:VEVENT",
			`DTSTART:${start}`,
			`DTEND:${end}`,
			"UID:plan-77@calendar.example",
			`ORGANIZER;CN=Pat:mailto:${user}`,
			"ATTENDEE;CN=Ann Lee:mailto:ann@acme.example",
			"ATTENDEE;CN=Bob Stone:mailto:bob@stone.example",
			"SUMMARY:Planning",
			"END:VEVENT",
			"END:VCALENDAR",
		].join("\r\n"),
	),
});

describe("round trips per calendar invite", () => {
	it("a REQUEST naming people who are not on the mail, its update and its CANCEL: one read and one commit each", async () => {
		const user = "invite-cost@example.com";
		const userId = await signUp(user, T);
		const first = await metered(invite(user, "REQUEST", "20261201T200000Z", "20261201T203000Z"), T);
		expect(first.outcome).toMatchObject({ outcome: "accepted", reason: "meeting" });
		const moved = await metered(invite(user, "REQUEST", "20261203T200000Z", "20261203T203000Z"), T);
		expect(moved.outcome).toMatchObject({ outcome: "accepted", reason: "meeting" });
		expect((await pendingOf(userId)).map((d) => [d.email, d.kind, d.dueOn])).toEqual([
			["ann@acme.example", "thank_you", "2026-12-04"],
			["bob@stone.example", "thank_you", "2026-12-04"],
		]);
		const cancelled = await metered(invite(user, "CANCEL", "20261203T200000Z", "20261203T203000Z"), T);
		expect(cancelled.outcome.detail).toBe('"Planning" cancelled: 2 thank-you notes removed.');
		expect([first, moved, cancelled].map((r) => r.processing.roundTrips)).toEqual([2, 2, 2]);
		expect([first, moved, cancelled].map((r) => r.unmetered)).toEqual([0, 0, 0]);
	});

	it("an invite sent to remind@ is read ahead too", async () => {
		const user = "invite-remind@example.com";
		await signUp(user, T);
		const r = await metered(invite(user, "REQUEST", "20261201T200000Z", "20261201T203000Z", `remind@${DOMAIN}`), T);
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "meeting" });
		expect(r.processing.roundTrips).toBe(2);
	});
});
