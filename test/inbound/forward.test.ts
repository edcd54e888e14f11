import { describe, expect, it } from "vitest";
import { contactsOf, DOMAIN, pendingOf, send, threadsOf, userFactory } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z"); // Mon 09:15 in New York
const newUser = userFactory("fwd", T);
const pending = pendingOf;

const gmailForward = (o: { from: string; to: string; cc?: string; subject: string; body: string; note?: string }) =>
	[
		o.note ?? "",
		"",
		"---------- Forwarded message ---------",
		`From: ${o.from}`,
		"Date: Mon, Nov 23, 2026 at 8:02 AM",
		`Subject: ${o.subject}`,
		`To: ${o.to}`,
		...(o.cc ? [`Cc: ${o.cc}`] : []),
		"",
		o.body,
	].join("\n");

describe("forwarded introductions", () => {
	it("makes the introduced person a contact, referred by the sender, to reach out to today", async () => {
		const { address, userId } = await newUser();
		const body = gmailForward({
			from: "Carol Diaz <carol@diaz.example>",
			to: `Pat <${address}>, Bob Stone <bob@stone.example>`,
			subject: "Intro: Pat <> Bob",
			body: "Bob, meet Pat, who is looking at data roles. Pat, Bob leads analytics at Stone. I'll let you two take it from here.",
		});
		const at = new Date("2026-11-23T18:00:00Z"); // 13:00 in New York: today's digest is past
		const r = await send({ from: address, to: `track@${DOMAIN}`, subject: "Fwd: Intro: Pat <> Bob", body }, at);
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "introduction" });
		expect(r.outcome.detail).toBe("Introduction from Carol Diaz: reach out to Bob Stone today.");
		const people = await contactsOf(userId);
		const carol = people.find((c) => c.email === "carol@diaz.example");
		const bob = people.find((c) => c.email === "bob@stone.example");
		expect(bob).toMatchObject({ name: "Bob Stone", referrerId: carol?.id, status: "new" });
		const [reach] = await pending(userId);
		// Same local day; the 08:00 digest has passed, so it goes at the next tick.
		expect(reach).toMatchObject({
			email: "bob@stone.example",
			kind: "reach_out",
			dueOn: "2026-11-23",
			dueAt: at,
			// "introduced by Carol Diaz" comes from the referrer, not from a note.
			note: null,
		});
	});

	it("before the digest hour, the reach-out goes in today's digest", async () => {
		const { address, userId } = await newUser();
		const body = gmailForward({
			from: "Carol Diaz <carol@diaz.example>",
			to: "Bob Stone <bob@stone.example>",
			cc: address,
			subject: "Introduction",
			body: "Happy to introduce you two.",
		});
		await send(
			{ from: address, subject: "Fwd: Introduction", body, to: `track@${DOMAIN}` },
			new Date("2026-11-24T11:00:00Z"),
		);
		expect((await pending(userId))[0]).toMatchObject({ dueOn: "2026-11-24", dueAt: new Date("2026-11-24T13:00:00Z") });
	});

	it.each([
		["French", "Je vous présente Bob, qui dirige l'équipe data."],
		["German", "Ich möchte euch gerne einander vorstellen."],
		["Spanish", "Te presento a Bob, que lleva el equipo de datos."],
		["looping in", "Looping in Bob, who knows everyone in analytics."],
	])("recognises intro language in %s", async (_lang, sentence) => {
		const { address, userId } = await newUser();
		const body = gmailForward({
			from: "Carol <carol@diaz.example>",
			to: `${address}, Bob <bob@stone.example>`,
			subject: "Bob",
			body: sentence,
		});
		await send({ from: address, subject: "Fwd: Bob", body, to: `track@${DOMAIN}` }, T);
		expect((await pending(userId)).map((d) => [d.email, d.kind])).toEqual([["bob@stone.example", "reach_out"]]);
	});

	it("finds people named with their address in the body", async () => {
		const { address, userId } = await newUser();
		const body = gmailForward({
			from: "Carol <carol@diaz.example>",
			to: address,
			subject: "Someone you should know",
			body: "You should talk to Dana. Her email is dana@dana.example and she's expecting you.",
		});
		await send({ from: address, subject: "Fwd: Someone you should know", body, to: `track@${DOMAIN}` }, T);
		expect((await pending(userId)).map((d) => [d.email, d.kind])).toEqual([["dana@dana.example", "reach_out"]]);
	});

	it("intro@ skips detection", async () => {
		const { address, userId } = await newUser();
		const body = gmailForward({
			from: "Carol <carol@diaz.example>",
			to: `${address}, Bob <bob@stone.example>`,
			subject: "Hi",
			body: "See below.",
		});
		await send({ from: address, subject: "Fwd: Hi", body, rcpt: `intro@${DOMAIN}`, to: `intro@${DOMAIN}` }, T);
		expect((await pending(userId)).map((d) => [d.email, d.kind, d.note])).toEqual([
			["bob@stone.example", "reach_out", null],
		]);
	});
});

describe("other forwards", () => {
	it("(a) a forwarded reply from someone with an open thread stops the follow-ups", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
		const body = gmailForward({
			from: "Ann Lee <ann@acme.example>",
			to: address,
			subject: "Re: Coffee?",
			body: "Sure! Tuesday?",
		});
		const r = await send(
			{ from: address, subject: "Fwd: Re: Coffee?", body, to: `track@${DOMAIN}` },
			new Date("2026-11-24T15:00:00Z"),
		);
		expect(r.outcome).toMatchObject({ reason: "reply_seen", detail: "Ann Lee replied: follow-ups stopped." });
		expect(await pending(userId)).toEqual([]);
		expect((await threadsOf(userId)).map((t) => t.state)).toEqual(["replied"]);
		expect((await contactsOf(userId)).map((c) => c.status)).toEqual(["replied"]);
	});

	it("(c) otherwise the sender becomes a contact to reply to, and the others are kept as contacts", async () => {
		const { address, userId } = await newUser();
		const body = gmailForward({
			from: "Recruiter Rae <rae@hire.example>",
			to: address,
			cc: "Sam <sam@hire.example>",
			subject: "Role at Hire",
			body: "Are you open to a chat?",
		});
		const r = await send({ from: address, subject: "Fwd: Role at Hire", body, to: `track@${DOMAIN}` }, T);
		expect(r.outcome).toMatchObject({ reason: "forward", detail: "Reply to Recruiter Rae: reminder today." });
		expect((await pending(userId)).map((d) => [d.email, d.kind, d.note])).toEqual([
			["rae@hire.example", "reach_out", "reply"],
		]);
		expect((await contactsOf(userId)).map((c) => c.email)).toEqual(["rae@hire.example", "sam@hire.example"]);
	});

	it("a forward of the user's own sent mail is outreach", async () => {
		const { address, userId } = await newUser();
		const body = gmailForward({
			from: `Pat <${address}>`,
			to: "Ann Lee <ann@acme.example>",
			subject: "Coffee?",
			body: "Hi Ann",
		});
		const r = await send({ from: address, subject: "Fwd: Coffee?", body, to: `track@${DOMAIN}` }, T);
		expect(r.outcome.reason).toBe("outreach");
		expect((await pending(userId)).map((d) => [d.email, d.kind])).toEqual([["ann@acme.example", "follow_up"]]);
	});

	it("reads a forward sent as an attached message/rfc822", async () => {
		const { address, userId } = await newUser();
		const inner = [
			"From: Rae <rae@hire.example>",
			`To: ${address}`,
			"Subject: Role at Hire",
			"Date: Mon, 23 Nov 2026 08:00:00 -0500",
			"",
			"Open to a chat?",
		].join("\r\n");
		const body = [
			"--b",
			"Content-Type: text/plain",
			"",
			"FYI",
			"--b",
			"Content-Type: message/rfc822",
			"Content-Disposition: attachment",
			"",
			inner,
			"--b--",
		].join("\r\n");
		await send(
			{
				from: address,
				subject: "Fwd: Role at Hire",
				mime: { contentType: "multipart/mixed; boundary=b", body },
				to: `track@${DOMAIN}`,
			},
			T,
		);
		expect((await pending(userId)).map((d) => [d.email, d.kind])).toEqual([["rae@hire.example", "reach_out"]]);
	});
});
