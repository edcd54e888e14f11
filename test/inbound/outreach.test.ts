import { describe, expect, it } from "vitest";
import { contactsOf, DOMAIN, mailsTo, nudgesOf, pendingOf, send, threadsOf, userFactory } from "../support/inbound";

// Mon 23 Nov 2026, 09:15 in New York (the sign-up mail's -0500 offset sets the zone).
const T = new Date("2026-11-23T14:15:00Z");
const at = (iso: string) => new Date(iso);
const newUser = userFactory("user", T);
const pending = pendingOf;

describe("outreach BCC'd to track@", () => {
	it("tracks every To/Cc recipient but us, the user and role addresses", async () => {
		const { address, userId } = await newUser();
		const r = await send(
			{
				from: address,
				to: `Ann Lee <ann@acme.example>, Bob Stone <BOB@globex.example>, no-reply@acme.example`,
				cc: `${address}, track@${DOMAIN}`,
				subject: "Coffee next week?",
			},
			at("2026-11-23T15:00:00Z"),
		);
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "outreach" });
		expect((await contactsOf(userId)).map((c) => [c.email, c.name, c.status])).toEqual([
			["ann@acme.example", "Ann Lee", "awaiting_reply"],
			["bob@globex.example", "Bob Stone", "awaiting_reply"],
		]);
		expect((await threadsOf(userId)).map((t) => [t.kind, t.subjectKey])).toEqual([
			["outreach", "coffee next week?"],
			["outreach", "coffee next week?"],
		]);
		const due = await pending(userId);
		expect(due.map((d) => [d.email, d.kind, d.attempt, d.dueOn])).toEqual([
			["ann@acme.example", "follow_up", 1, "2026-11-26"],
			["bob@globex.example", "follow_up", 1, "2026-11-26"],
		]);
	});

	it.each([
		// 3 business days after the mail's own Date (DESIGN.md lifecycle, "outreach").
		["Thursday mail: Fri, Mon, Tue", "Thu, 26 Nov 2026 10:00:00 -0500", "2026-12-01"],
		["Friday mail: Mon, Tue, Wed", "Fri, 27 Nov 2026 10:00:00 -0500", "2026-12-02"],
		["late-evening mail counts in local time", "Tue, 24 Nov 2026 23:30:00 -0500", "2026-11-27"],
	])("puts the first follow-up on a local business day: %s", async (_label, date, dueOn) => {
		const { address, userId } = await newUser();
		const sent = new Date(date);
		await send({ from: address, to: "ann@acme.example", date }, new Date(sent.getTime() + 60_000));
		expect((await pending(userId))[0]?.dueOn).toBe(dueOn);
	});

	it.each([
		["3d", "2026-11-26", null],
		["5days", "2026-11-30", null],
		["1w", "2026-11-30", null],
		["2weeks", "2026-12-07", null],
		["monday", "2026-11-30", null],
		["tomorrow", "2026-11-24", null],
		["dec3", "2026-12-03", null],
		["track+1w", "2026-11-30", null],
		["tomorrow4pm", null, "2026-11-24T21:00:00.000Z"],
	])("honours the delay address %s@", async (local, dueOn, dueAtIso) => {
		const { address, userId } = await newUser();
		const rcpt = `${local}@${DOMAIN}`;
		await send({ from: address, to: "ann@acme.example", rcpt }, at("2026-11-23T15:00:00Z"));
		const [nudge] = await pending(userId);
		expect(nudge?.dueOn).toBe(dueOn);
		if (dueAtIso) expect(nudge?.dueAt.toISOString()).toBe(dueAtIso);
		else expect(nudge?.dueAt.toISOString()).toBe(`${dueOn}T13:00:00.000Z`);
	});

	it("applied@ asks to confirm receipt after 5 business days", async () => {
		const { address, userId } = await newUser();
		await send(
			{ from: address, to: "jobs@acme.example", rcpt: `applied@${DOMAIN}`, subject: "Application: data engineer" },
			T,
		);
		expect((await pending(userId)).map((d) => [d.kind, d.dueOn])).toEqual([["confirm_receipt", "2026-11-30"]]);
		expect((await threadsOf(userId))[0]?.kind).toBe("application");
	});

	it.each(["Resume_Pat_Doe.pdf", "CV-2026.pdf", "Lebenslauf.pdf", "Currículo Pat.docx", "mon_cv.pdf"])(
		"an attached %s makes it an application",
		async (filename) => {
			const { address, userId } = await newUser();
			const body = [
				"--b",
				"Content-Type: text/plain; charset=utf-8",
				"",
				"Please find my résumé attached.",
				"--b",
				`Content-Type: application/pdf; name="${filename}"`,
				"Content-Transfer-Encoding: base64",
				`Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
				"",
				"JVBERi0xLjQK",
				"--b--",
			].join("\r\n");
			await send(
				{ from: address, to: "hr@acme.example", mime: { contentType: "multipart/mixed; boundary=b", body } },
				T,
			);
			expect((await pending(userId)).map((d) => d.kind)).toEqual(["confirm_receipt"]);
		},
	);

	it("a cover letter is not a résumé", async () => {
		const { address, userId } = await newUser();
		const body = [
			"--b",
			"Content-Type: text/plain",
			"",
			"hi",
			"--b",
			'Content-Type: application/pdf; name="cover-letter.pdf"',
			"Content-Disposition: attachment",
			"",
			"x",
			"--b--",
		].join("\r\n");
		await send({ from: address, to: "hr@acme.example", mime: { contentType: "multipart/mixed; boundary=b", body } }, T);
		expect((await pending(userId)).map((d) => d.kind)).toEqual(["follow_up"]);
	});

	it("treats more than 20 recipients as bulk: tracks no one and says so", async () => {
		const { address, userId } = await newUser();
		const to = Array.from({ length: 21 }, (_, i) => `p${i}@acme.example`).join(", ");
		const r = await send({ from: address, to, subject: "Big news" }, T);
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "bulk" });
		expect(await contactsOf(userId)).toEqual([]);
		const reply = (await mailsTo(address)).at(-1);
		expect(reply?.subject).toBe('Not tracked: "Big news" went to 21 people');
		expect(reply?.replyTo).toMatch(/^r\+[a-z2-7]{26}@/);
	});

	it("explains when a mail reached only us", async () => {
		const { address, userId } = await newUser();
		const r = await send({ from: address, to: `track@${DOMAIN}`, subject: "note to self" }, T);
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "nothing_to_track" });
		expect(await contactsOf(userId)).toEqual([]);
		const reply = (await mailsTo(address)).at(-1);
		expect(reply?.subject).toBe('Nothing to track in "note to self"');
		expect(reply?.headers["in-reply-to"]).toMatch(/^<.+@mail\.example>$/);
	});

	it("a second outreach on the thread supersedes the pending follow-up and carries the attempt on", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "ann@acme.example", subject: "Coffee?" }, T);
		await send(
			{ from: address, to: "ann@acme.example", subject: "Re: Coffee?", date: "Thu, 26 Nov 2026 10:00:00 -0500" },
			at("2026-11-26T15:01:00Z"),
		);
		const all = await nudgesOf(userId);
		expect(all.map((r) => [r.nudge.state, r.nudge.attempt])).toEqual(
			expect.arrayContaining([
				["superseded", 1],
				["pending", 1],
			]),
		);
		expect(await threadsOf(userId)).toHaveLength(1);
	});

	it("sees a reply when the user's next mail quotes the contact: the follow-ups stop (DESIGN.md lifecycle, reply)", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?", messageId: "first-1" }, T);
		await send(
			{
				from: address,
				to: "Ann Lee <ann@acme.example>",
				subject: "Re: Coffee?",
				inReplyTo: "ann-answer-77@acme.example",
				date: "Wed, 25 Nov 2026 10:00:00 -0500",
				body: "Great, Tuesday works.\n\nOn Tue, Nov 24, 2026 at 4:02 PM Ann Lee <ann@acme.example> wrote:\n> Sure, when?",
			},
			at("2026-11-25T15:01:00Z"),
		);
		const rows = await nudgesOf(userId);
		expect(rows.filter((r) => r.nudge.state === "cancelled")).toHaveLength(1);
		expect(await pending(userId)).toEqual([]);
		expect((await contactsOf(userId)).map((c) => c.status)).toEqual(["replied"]);
		expect((await threadsOf(userId)).map((t) => t.lastInboundAt !== null)).toEqual([true]);
	});
});

describe("outreach to no one who answers", () => {
	it("mail sent only to a no-reply address says so, not 'it went only to us' (issue 15)", async () => {
		const { address } = await newUser();
		const r = await send({ from: address, to: "Acme Careers <no-reply@acme.example>", subject: "My application" }, T);
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "nothing_to_track" });
		expect(r.outcome.detail).toContain("it went only to no-reply@acme.example, an address no one answers from");
		const [answer] = (await mailsTo(address)).slice(-1);
		expect(answer?.text).toContain("no-reply@acme.example");
	});
});
