import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MAX_HELD_PER_USER } from "../../src/accounts/pending-account";
import { heldMail, users } from "../../src/db/schema";
import {
	contactsOf,
	DOMAIN,
	db,
	logOf,
	mailsTo,
	nudgesOf,
	replyAddressOf,
	send,
	userIdOf,
	userRow,
} from "../support/inbound";

// Mon 23 Nov 2026, 09:15 in New York.
const T = new Date("2026-11-23T14:15:00Z");
const later = (minutes: number) => new Date(T.getTime() + minutes * 60_000);
const outreach = (from: string) => ({
	from,
	fromName: "Pat Doe",
	to: "Ann Lee <ann@acme.example>",
	subject: "Coffee next week?",
});

describe("a new sender's first mail", () => {
	it("creates a pending account, holds the mail, and sends one verification mail", async () => {
		const r = await send(outreach("pat1@example.com"), T);
		expect(r.rejected).toBeNull();
		expect(r.outcome).toMatchObject({ outcome: "held", reason: "new_account" });
		const userId = await userIdOf("pat1@example.com");
		expect(userId).not.toBeNull();
		expect(await userRow(userId ?? "")).toMatchObject({
			status: "pending",
			timezone: "America/New_York",
			digestMinutes: 480,
		});
		expect(await contactsOf(userId ?? "")).toEqual([]);

		const mails = await mailsTo("pat1@example.com");
		expect(mails).toHaveLength(1);
		const [verify] = mails;
		expect(verify?.subject).toBe("Confirm your address to start Followthrough");
		expect(verify?.replyTo).toMatch(new RegExp(`^r\\+[a-z2-7]{26}@${DOMAIN}$`));
		expect(verify?.text).toContain('Your email "Coffee next week?" is held until then');
		expect(verify?.text).toContain("Timezone: America/New_York (your email's clock said UTC-05:00)");
		expect(verify?.text).toContain("Daily digest: 08:00, Monday to Friday");
		expect(verify?.text).toContain('"timezone Europe/Berlin" or "digest 7am"');
		expect(verify?.headers["auto-submitted"]).toBe("auto-generated");
		expect(verify?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
		expect(verify?.headers["list-unsubscribe"]).toMatch(
			/^<http:\/\/127\.0\.0\.1:8787\/u\/[\w-]+\.[\w-]+>, <mailto:r\+[a-z2-7]{26}@followthrough\.test\?subject=unsubscribe>$/,
		);

		const held = await db
			.select()
			.from(heldMail)
			.where(eq(heldMail.userId, userId ?? ""));
		expect(held).toHaveLength(1);
		expect(held[0]?.expiresAt.getTime()).toBe(T.getTime() + 7 * 86_400_000);
	});

	it("holds later mail too, without a second verification mail", async () => {
		await send(outreach("pat2@example.com"), T);
		const r = await send({ ...outreach("pat2@example.com"), subject: "Second" }, later(5));
		expect(r.outcome).toMatchObject({ outcome: "held", reason: "awaiting_verification" });
		expect(await mailsTo("pat2@example.com")).toHaveLength(1);
	});

	it(`holds at most ${MAX_HELD_PER_USER} mails for an address not confirmed; expired ones no longer count`, async () => {
		const from = "pat-full@example.com";
		for (let i = 0; i < MAX_HELD_PER_USER; i++) {
			const r = await send({ ...outreach(from), subject: `Mail ${i}` }, later(i));
			expect(r.outcome.outcome, `mail ${i}`).toBe("held");
		}
		const full = await send({ ...outreach(from), subject: "One too many" }, later(30));
		expect(full.outcome).toMatchObject({ outcome: "ignored", reason: "hold_full" });
		const userId = (await userIdOf(from)) ?? "";
		expect(await db.select().from(heldMail).where(eq(heldMail.userId, userId))).toHaveLength(MAX_HELD_PER_USER);
		// A week on, the held mail has expired (the purge has not run yet): there is room again.
		const again = await send({ ...outreach(from), subject: "A week on" }, later(8 * 24 * 60));
		expect(again.outcome).toMatchObject({ outcome: "held", reason: "awaiting_verification" });
	});

	it("sends the verification mail again once its token has expired", async () => {
		const from = "pat-late@example.com";
		await send(outreach(from), T);
		const r = await send({ ...outreach(from), subject: "Still there?" }, later(8 * 24 * 60));
		expect(r.outcome).toMatchObject({ outcome: "held", reason: "awaiting_verification" });
		const mails = await mailsTo(from);
		expect(mails.map((m) => m.subject)).toEqual([
			"Confirm your address to start Followthrough",
			"Confirm your address to start Followthrough",
		]);
		expect(mails[1]?.text).toContain('Your email "Still there?" is held until then');
		expect(mails[1]?.replyTo).not.toBe(mails[0]?.replyTo);
	});

	it.each([
		["+0100 in winter", "Mon, 23 Nov 2026 15:15:00 +0100", "Europe/Berlin"],
		["+0530", "Mon, 23 Nov 2026 19:45:00 +0530", "Asia/Kolkata"],
		["+1300 (NZ summer)", "Tue, 24 Nov 2026 03:15:00 +1300", "Pacific/Auckland"],
		["-0700 in winter", "Mon, 23 Nov 2026 07:15:00 -0700", "America/Denver"],
		["no usable offset", "Mon, 23 Nov 2026 14:15:00 GMT", "UTC"],
	])("infers the timezone from the Date offset: %s", async (_label, date, tz) => {
		const address = `tz${tz.replace(/\W/g, "").toLowerCase()}@example.com`;
		await send({ ...outreach(address), date }, T);
		expect((await userRow((await userIdOf(address)) ?? ""))?.timezone).toBe(tz);
	});
});

describe("verification by reply", () => {
	it("activates the account, processes the held mail once, and says what happened", async () => {
		await send(outreach("pat3@example.com"), T);
		const rcpt = await replyAddressOf("pat3@example.com");
		const r = await send({ from: "pat3@example.com", to: rcpt, rcpt, subject: "Re: Confirm", body: "ok" }, later(10));
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "verified" });
		const userId = (await userIdOf("pat3@example.com")) ?? "";
		expect(await userRow(userId)).toMatchObject({ status: "active" });
		expect((await contactsOf(userId)).map((c) => [c.email, c.name])).toEqual([["ann@acme.example", "Ann Lee"]]);
		const [n] = await nudgesOf(userId);
		// Sent Mon 23 Nov; +3 days is Thu 26 Nov, at 08:00 New York time.
		expect(n?.nudge).toMatchObject({
			kind: "follow_up",
			attempt: 1,
			dueOn: "2026-11-26",
			dueAt: new Date("2026-11-26T13:00:00Z"),
		});
		expect(await db.select().from(heldMail).where(eq(heldMail.userId, userId))).toEqual([]);

		const logs = (await logOf()).filter((l) => l.userId === userId);
		const held = logs.find((l) => l.subject === "Coffee next week?");
		expect(held).toMatchObject({ outcome: "accepted", reason: "outreach" });
		expect(held?.detail).toMatch(/^Released after confirmation\. Tracking Ann Lee: follow up Thu 26 Nov/);
		expect(logs.filter((l) => l.subject === "Coffee next week?")).toHaveLength(1);

		const mails = await mailsTo("pat3@example.com");
		expect(mails.map((m) => m.subject)).toEqual(["Confirm your address to start Followthrough", "You're all set"]);
		expect(mails[1]?.text).toContain('"Coffee next week?": Tracking Ann Lee');
	});

	it("applies timezone and digest lines from the reply, ignoring the quoted mail", async () => {
		await send(outreach("pat4@example.com"), T);
		const rcpt = await replyAddressOf("pat4@example.com");
		const body =
			"timezone Berlin\ndigest 7:30am\n\nOn Mon, 23 Nov 2026, Followthrough <hello@followthrough.test> wrote:\n> digest 11pm\n> timezone Asia/Tokyo\n";
		await send({ from: "pat4@example.com", to: rcpt, rcpt, subject: "Re: Confirm", body }, later(10));
		expect(await userRow((await userIdOf("pat4@example.com")) ?? "")).toMatchObject({
			status: "active",
			timezone: "Europe/Berlin",
			digestMinutes: 450,
		});
	});

	it("ignores a reply from another address: nothing changes, nothing is revealed", async () => {
		await send(outreach("pat5@example.com"), T);
		const rcpt = await replyAddressOf("pat5@example.com");
		const r = await send(
			{ from: "mallory@evil.example", to: rcpt, rcpt, subject: "Re: Confirm", body: "ok" },
			later(10),
		);
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "token_wrong_sender", userId: null });
		expect(await userRow((await userIdOf("pat5@example.com")) ?? "")).toMatchObject({ status: "pending" });
		expect(await userIdOf("mallory@evil.example")).toBeNull();
		expect(await mailsTo("mallory@evil.example")).toEqual([]);
	});

	it("refuses a verification reply after the token expired (7 days); held mail expires too", async () => {
		await send(outreach("pat6@example.com"), T);
		const rcpt = await replyAddressOf("pat6@example.com");
		const r = await send({ from: "pat6@example.com", to: rcpt, rcpt, subject: "Re: Confirm" }, later(8 * 24 * 60));
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "token_expired" });
		expect(await userRow((await userIdOf("pat6@example.com")) ?? "")).toMatchObject({ status: "pending" });
	});

	it("refuses an r+ address we never issued", async () => {
		const rcpt = `r+${"a".repeat(26)}@${DOMAIN}`;
		const r = await send({ from: "pat7@example.com", to: rcpt, rcpt, subject: "hi" }, T);
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "token_unknown" });
		expect(await userIdOf("pat7@example.com")).toBeNull();
	});
});

describe("mail that never creates an account", () => {
	it.each([
		["an auto-reply", ["Auto-Submitted: auto-replied"], "automatic_auto_reply"],
		["list mail", ["List-Id: <news.example.com>"], "automatic_list"],
		["bulk mail", ["Precedence: bulk"], "automatic_list"],
		["a report", [], "automatic_report", "multipart/report; report-type=delivery-status; boundary=b"],
	])("%s is ignored, unanswered", async (_label, headers, reason, contentType?: string) => {
		const from = `robot-${reason}@example.com`;
		const mime = contentType ? { contentType, body: "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--" } : undefined;
		const r = await send({ from, to: "Pat <pat@example.com>", extraHeaders: headers, ...(mime ? { mime } : {}) }, T);
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason });
		expect(r.rejected).toBeNull();
		expect(await userIdOf(from)).toBeNull();
		expect(await mailsTo(from)).toEqual([]);
	});

	it("unauthenticated mail is rejected and stores nothing but its log row", async () => {
		const r = await send({ ...outreach("spoof@example.com"), auth: false }, T);
		expect(r.rejected).toContain("no authentication results");
		expect(await userIdOf("spoof@example.com")).toBeNull();
		expect(await db.select().from(users).where(eq(users.timezone, "never"))).toEqual([]);
	});
});
