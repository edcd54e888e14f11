/**
 * Issue 11's people without an address and bounces, through email(): a forward that
 * shows a name only, a networking site's notification, and a forwarded bounce.
 */
import { describe, expect, it } from "vitest";
import { contactsOf, DOMAIN, mailsTo, nudgesOf, send, userFactory } from "../support/inbound";

const T = new Date("2026-11-23T15:00:00Z"); // Mon 10:00 in New York
const newUser = userFactory("fwdpeople", T);
const forwardOf = (from: string, subject: string, body: string, note = "") =>
	[
		note,
		"",
		"---------- Forwarded message ---------",
		`From: ${from}`,
		"Date: Mon, Nov 23, 2026 at 7:58 AM",
		`Subject: ${subject}`,
		"To: me",
		"",
		body,
	].join("\n");

describe("people without an address", () => {
	it("a forward whose sender shows a name and no address tracks that person by name", async () => {
		const { address, userId } = await newUser();
		const body = forwardOf("Dana Whitfield", "Coffee?", "Happy to meet next week. Dana");
		const r = await send({ from: address, subject: "Fwd: Coffee?", body, to: `track@${DOMAIN}` }, T);
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "forward" });
		expect((await contactsOf(userId)).map((c) => [c.name, c.email])).toEqual([
			["Dana Whitfield", "name:dana whitfield"],
		]);
		expect((await nudgesOf(userId)).map((n) => [n.nudge.kind, n.nudge.note])).toEqual([["reach_out", "reply"]]);
	});

	it.each([
		["LinkedIn <messages-noreply@linkedin.com>", "Ann Lee sent you a message", "Ann Lee"],
		["Ann Lee via LinkedIn <inmail-hit-reply@linkedin.com>", "New message from Ann Lee", "Ann Lee"],
	])("a forwarded notification from %s is about the person, never the site", async (from, subject, who) => {
		const { address, userId } = await newUser();
		const body = forwardOf(from, subject, `${who} sent you a message\n\n"Are you free for a call this week?"`);
		await send({ from: address, subject: `Fwd: ${subject}`, body, to: `track@${DOMAIN}` }, T);
		const people = await contactsOf(userId);
		expect(people.map((c) => c.name)).toEqual([who]);
		expect(people.some((c) => c.email.endsWith("linkedin.com"))).toBe(false);
	});
});

describe("the forwarding user in a forwarded To line", () => {
	it.each([
		["me, Bob Stone <bob@stone.example>", "Bob Stone"],
		["moi, Bob Stone <bob@stone.example>", "Bob Stone"],
		["Stone, Bob <bob@stone.example>", "Bob Stone"],
	])("an intro to %s tracks %s, never 'me' or a glued name", async (toLine, name) => {
		const { address, userId } = await newUser();
		const body = [
			"---------- Forwarded message ---------",
			"From: Carol Diaz <carol@diaz.example>",
			"Date: Mon, Nov 23, 2026 at 7:58 AM",
			"Subject: Intro",
			`To: ${toLine}`,
			"",
			"Bob, meet Pat: introducing you two.",
		].join("\n");
		await send({ from: address, subject: "Fwd: Intro", body, to: `intro@${DOMAIN}` }, T);
		const bob = (await contactsOf(userId)).find((c) => c.email === "bob@stone.example");
		expect(bob?.name).toBe(name);
		expect((await contactsOf(userId)).some((c) => /^(me|moi)$/i.test(c.name ?? ""))).toBe(false);
	});
});

describe("a forwarded bounce", () => {
	it("stops the follow-ups to that address, and tells the user once, naming it", async () => {
		const { address, userId, baseline } = await newUser();
		await send({ from: address, to: "Ravi Patel <ravi@oldco.example>", subject: "Catching up" }, T);
		await send({ from: address, to: "Nina Costa <nina@costa.example>", subject: "Your talk" }, T);
		const body = forwardOf(
			"Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
			"Delivery Status Notification (Failure)",
			"** Address not found **\n\nYour message wasn't delivered to ravi@oldco.example because the address couldn't be found, or is unable to receive mail.\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist.",
			"Looks like this one bounced.",
		);
		const r = await send(
			{ from: address, subject: "Fwd: Delivery Status Notification (Failure)", body, to: `track@${DOMAIN}` },
			T,
		);
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "bounce" });
		const byEmail = new Map((await contactsOf(userId)).map((c) => [c.email, c.status]));
		expect(byEmail.get("ravi@oldco.example")).toBe("closed");
		expect(byEmail.get("nina@costa.example")).toBe("awaiting_reply");
		expect(byEmail.has("mailer-daemon@googlemail.com")).toBe(false);
		const open = (await nudgesOf(userId)).filter((n) => ["pending", "sent", "snoozed"].includes(n.nudge.state));
		expect(open.map((n) => n.email)).toEqual(["nina@costa.example"]);
		const told = (await mailsTo(address))
			.slice(baseline)
			.filter((m) => `${m.subject}\n${m.text}`.includes("ravi@oldco.example"));
		expect(told).toHaveLength(1);
		// The same bounce forwarded again changes nothing and tells no one again.
		await send(
			{ from: address, subject: "Fwd: Delivery Status Notification (Failure)", body, to: `track@${DOMAIN}` },
			T,
		);
		const again = (await mailsTo(address))
			.slice(baseline)
			.filter((m) => `${m.subject}\n${m.text}`.includes("ravi@oldco.example"));
		expect(again).toHaveLength(1);
	});
});
