/**
 * Issue 12, item 1 (address takeover), and issue 15's second addresses, through
 * the real fetch() and email() handlers: "Add an address" stores nothing until
 * that address says an explicit yes (a reply "yes" or the link's POST); any other
 * answer confirms nothing and says so; the stranger's own mail never lands in the
 * asking account; the request is rate-limited and answers the same for any address.
 */
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ADD_ADDRESS_PER_DAY } from "../../src/accounts/add-address";
import { isExplicitYes } from "../../src/accounts/explicit-yes";
import { heldMail, outbox, users } from "../../src/db/schema";
import { contactsOf, db, mailsTo, replyAddressOf, send, signUp, userIdOf } from "../support/inbound";
import { call, post, sessionCookie } from "../support/web";

const now = () => new Date();

async function asker(address: string) {
	const userId = await signUp(address, now());
	return { userId, cookie: await sessionCookie(userId) };
}

const lastMailTo = async (address: string) => (await mailsTo(address)).at(-1);
const linkIn = (text: string) => text.match(/http:\/\/127\.0\.0\.1:8787(\/address\/[a-z2-7]{26})/)?.[1] ?? "";

describe("Add an address: only an explicit yes adds it", () => {
	it("a stranger's 'Who are you?' confirms nothing, and their own mail starts their own account", async () => {
		const alex = await asker("alex@asker.example");
		const asked = await post("/app/settings/addresses", { address: "sam@stranger.example" }, alex.cookie);
		expect(asked.status).toBe(303);
		expect(await userIdOf("sam@stranger.example")).toBeNull();
		const request = await lastMailTo("sam@stranger.example");
		expect(request?.subject).toBe("Is this your address? Reply yes to add it");
		expect(request?.text).not.toContain("alex@asker.example");

		const rcpt = await replyAddressOf("sam@stranger.example");
		const who = await send(
			{
				from: "sam@stranger.example",
				to: rcpt,
				rcpt,
				subject: "Re: Is this",
				body: "Who are you? I never signed up.",
				messageId: "who-are-you",
			},
			now(),
		);
		expect(who.outcome).toMatchObject({ outcome: "ignored", reason: "address_not_confirmed", userId: null });
		const answer = await lastMailTo("sam@stranger.example");
		expect(answer?.text).toContain("was not added to anyone's account");
		// The answer threads under Sam's reply, and keeps the request's Reply-To, so a later "yes" still works.
		expect(answer?.replyTo).toBe(rcpt);
		expect(answer?.headers).toMatchObject({
			"in-reply-to": "<who-are-you@mail.example>",
			references: "<who-are-you@mail.example>",
		});
		expect(await userIdOf("sam@stranger.example")).toBeNull();
		// How the stranger answered is not Alex's to read, not even in the export.
		const exported = await (await call("/app/export.json", { cookie: alex.cookie })).text();
		expect(exported).toContain("Is this your address?");
		expect(exported).not.toContain("Nothing was confirmed");

		// The stranger's own mail is not held or filed under Alex: it starts Sam's own pending account.
		const own = await send(
			{ from: "sam@stranger.example", to: "Pat Quinn <pat@quinn.example>", subject: "Lunch?" },
			now(),
		);
		expect(own.outcome).toMatchObject({ outcome: "held", reason: "new_account" });
		expect(own.outcome.userId).not.toBe(alex.userId);
		expect(await db.select().from(heldMail).where(eq(heldMail.userId, alex.userId))).toEqual([]);
		expect((await contactsOf(alex.userId)).map((c) => c.email)).not.toContain("pat@quinn.example");
	});

	it("the link's GET only asks; its POST adds the address once", async () => {
		const kim = await asker("kim@home.example");
		await post("/app/settings/addresses", { address: "kim@work.example" }, kim.cookie);
		const settings = async () => (await call("/app/settings", { cookie: kim.cookie })).text();
		expect(await settings()).toContain("kim@work.example (asked: added once it replies yes)");
		const path = linkIn((await lastMailTo("kim@work.example"))?.text ?? "");
		expect(path).not.toBe("");
		const page = await call(path);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain("Yes, add kim@work.example");
		expect(await userIdOf("kim@work.example")).toBeNull();

		const yes = await post(path);
		expect(yes.status).toBe(200);
		expect(await userIdOf("kim@work.example")).toBe(kim.userId);
		expect((await lastMailTo("kim@work.example"))?.subject).toBe(
			"Added: kim@work.example is now one of your addresses",
		);
		expect((await post(path)).status).toBe(410);
		const after = await settings();
		expect(after).toContain("<li>kim@work.example</li>");
		expect(after).not.toContain("asked: added once");
	});

	it("answers the same whether or not the address has an account, and at most 5 a day (429)", async () => {
		const lee = await asker("lee@rate.example");
		await signUp("taken@rate.example", now());
		const forTaken = await post("/app/settings/addresses", { address: "taken@rate.example" }, lee.cookie);
		const forFree = await post("/app/settings/addresses", { address: "free@rate.example" }, lee.cookie);
		expect([forTaken.status, forTaken.headers.get("location")]).toEqual([
			forFree.status,
			forFree.headers.get("location"),
		]);
		const notice = (r: Response) => (r.headers.get("set-cookie") ?? "").replace(/taken|free/g, "X").replace(/;.*$/, "");
		expect(notice(forTaken)).toBe(notice(forFree));
		expect((await lastMailTo("taken@rate.example"))?.subject).toBe((await lastMailTo("free@rate.example"))?.subject);

		for (let i = 3; i <= ADD_ADDRESS_PER_DAY; i++)
			expect((await post("/app/settings/addresses", { address: `n${i}@rate.example` }, lee.cookie)).status).toBe(303);
		const sixth = await post("/app/settings/addresses", { address: "n6@rate.example" }, lee.cookie);
		expect(sixth.status).toBe(429);
		expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
		expect(await mailsTo("n6@rate.example")).toEqual([]);
	});
});

describe("a second address that wrote first (issue 15)", () => {
	it("gets a hint; once added and confirmed, its held mail files under the account, without a new-account mail", async () => {
		const pat = await asker("pat@home2.example");
		const first = await send(
			{ from: "pat@work2.example", to: "Ann Lee <ann@acme2.example>", subject: "Coffee?" },
			now(),
		);
		expect(first.outcome).toMatchObject({ outcome: "held", reason: "new_account" });
		const pendingId = first.outcome.userId ?? "";
		expect((await lastMailTo("pat@work2.example"))?.text).toContain("Already use Followthrough from another address?");

		await post("/app/settings/addresses", { address: "pat@work2.example" }, pat.cookie);
		const before = (await mailsTo("pat@home2.example")).length;
		const rcpt = await replyAddressOf("pat@work2.example");
		const yes = await send(
			{ from: "pat@work2.example", to: rcpt, rcpt, subject: "Re: Is this", body: "Yes, that's me." },
			now(),
		);
		expect(yes.outcome).toMatchObject({ outcome: "accepted", reason: "address_added", userId: pat.userId });

		expect(await userIdOf("pat@work2.example")).toBe(pat.userId);
		expect(await db.select().from(users).where(eq(users.id, pendingId))).toEqual([]);
		expect((await contactsOf(pat.userId)).map((c) => c.email)).toEqual(["ann@acme2.example"]);
		const added = await lastMailTo("pat@work2.example");
		expect(added?.subject).toBe("Added: pat@work2.example is now one of your addresses");
		expect(added?.text).toContain('"Coffee?"');
		// The primary gets no "You're all set … Nothing was waiting".
		const toPrimary = (await mailsTo("pat@home2.example")).slice(before);
		expect(toPrimary.map((m) => m.subject)).toEqual([]);
	});
});

describe("a verification token replayed", () => {
	it("does nothing the second time and says so: no re-release, no second 'You're all set'", async () => {
		const address = "dee@replay.example";
		const userId = await signUp(address, now(), { from: address, to: "Ann Lee <ann@replay-acme.example>" });
		expect((await contactsOf(userId)).length).toBe(1);
		const verifyRcpt = (await mailsTo(address)).find((m) => m.subject.startsWith("Confirm"))?.replyTo ?? "";
		for (const body of ["Yes, that's me.", "yes"]) {
			const r = await send({ from: address, to: verifyRcpt, rcpt: verifyRcpt, subject: "Re: Confirm", body }, now());
			expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "token_used" });
		}
		const subjects = (await mailsTo(address)).map((m) => m.subject);
		expect(subjects.filter((s) => s === "You're all set")).toHaveLength(1);
		expect(subjects.filter((s) => /Already confirmed/.test(s) || s.startsWith("Re: Confirm"))).toHaveLength(2);
		expect((await contactsOf(userId)).length).toBe(1);
	});
});

describe("a command reply from another address of the user's", () => {
	it("changes nothing; the account (not the sender) is told once per address", async () => {
		const userId = await signUp("rob@one.example", now());
		const rcpt = await replyAddressOf("rob@one.example");
		for (const body of ["pause", "1 done"]) {
			const r = await send({ from: "rob@other.example", to: rcpt, rcpt, subject: "Re: Your digest", body }, now());
			expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "stray_reply" });
		}
		const notices = (await mailsTo("rob@one.example")).filter((m) => m.subject.includes("rob@other.example"));
		expect(notices).toHaveLength(1);
		expect(notices[0]?.text).toContain("We got a reply from rob@other.example to");
		expect(notices[0]?.text).toContain("it changed nothing. Add that address in Settings if it is yours.");
		expect(await mailsTo("rob@other.example")).toEqual([]);
		expect((await db.select().from(users).where(eq(users.id, userId)))[0]?.status).toBe("active");
		const keys = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.userId, userId), like(outbox.dedupeKey, "stray-reply:%")));
		expect(keys).toHaveLength(1);
	});
});

describe("what counts as an explicit yes", () => {
	it.for([
		["yes", true],
		["Yes, that's me.", true],
		["YES!", true],
		["yes please", true],
		["Oui", true],
		["Ja\n\nGrüße", true],
		["Who are you? I never signed up.", false],
		["yes?", false],
		["no", false],
		["Yes, but who are you", false],
		["", false],
		["Thanks, I'll think about it", false],
	] as const)("%j → %s", ([text, yes]) => {
		expect(isExplicitYes(text)).toBe(yes);
	});
});
