/**
 * Issue 15: every kind of mail we send, made through the real handlers in workerd
 * (email(), scheduled(), fetch()) on a fixed clock, snapshotted as subject + text.
 * Volatile parts (reply tokens, signed link tokens, ids) become placeholders, so a
 * change of wording shows up as a snapshot diff to review.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addAddress } from "../../src/accounts/add-address";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { users } from "../../src/db/schema";
import type { DevMailboxEntry } from "../../src/mail/dev-mailbox";
import { DOMAIN, db, mailsTo, replyAddressOf, send, signUp } from "../support/inbound";
import { tick } from "../support/outbox";
import { call, ORIGIN } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z"); // Mon 09:15 in New York
const DIGEST_THU = new Date("2026-11-26T13:00:00Z"); // Thu 08:00 in New York, the digest hour
const LATER = new Date("2026-11-26T14:00:00Z");

/** Subject and text, with what changes from run to run replaced by placeholders. */
function normalise(m: Pick<DevMailboxEntry, "subject" | "text">): string {
	const clean = (s: string) =>
		s
			.replace(/r\+[a-z2-7]{26}@/g, "r+<token>@")
			.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
			.replace(/<<uuid>@[^<>\s]+>/g, "<message-id>")
			.replace(/(https?:\/\/[^\s/]+(?:\/[a-z-]+)*\/)[\w-]{16,}(?:\.[\w-]+)?/gi, "$1<signed>");
	return `Subject: ${clean(m.subject)}\n\n${clean(m.text)}`;
}

/** A fresh address per scenario (labels are unique), so each one's mails are its own and stable. */
const fresh = (label: string) => `snap.${label.replace(/\W+/g, "-")}@example.com`;

/** A verified user; returns the address, id, and a way to read only the mails that came after. */
async function user(label: string, at = T) {
	const address = fresh(label);
	const userId = await signUp(address, at);
	const baseline = (await mailsTo(address)).length;
	return { address, userId, since: async () => (await mailsTo(address)).slice(baseline) };
}

const reply = async (address: string, body: string, at = LATER) => {
	const rcpt = await replyAddressOf(address);
	return send({ from: address, to: rcpt, rcpt, subject: "Re: your email", body }, at);
};

/** Exactly one new mail, whose subject matches. */
const one = (mails: DevMailboxEntry[], subject: RegExp | string) => {
	const hits = mails.filter((m) => (typeof subject === "string" ? m.subject === subject : subject.test(m.subject)));
	expect(hits.map((m) => m.subject)).toHaveLength(1);
	return normalise(hits[0] as DevMailboxEntry);
};

describe("snapshots of every kind of mail we send", () => {
	it("the normaliser hides only what changes from run to run", () => {
		const text = [
			"Reply-To: r+abcdefghijklmnopqrstuvwxyz@followthrough.test",
			"Done: http://127.0.0.1:8787/a/eyJhbGciOiJIUzI1NiJ9abc.sig_-nature123",
			"Open: http://127.0.0.1:8787/app/contacts/0b8f2c1e-3d4a-4b5c-9d6e-7f8091a2b3c4",
			"Id: <0b8f2c1e-3d4a-4b5c-9d6e-7f8091a2b3c4@followthrough.test>",
			"To: Ravi Patel <ravi@oldco.example>, http://127.0.0.1:8787/app",
		].join("\n");
		expect(normalise({ subject: "Hi", text })).toBe(
			[
				"Subject: Hi",
				"",
				"Reply-To: r+<token>@followthrough.test",
				"Done: http://127.0.0.1:8787/a/<signed>",
				"Open: http://127.0.0.1:8787/app/contacts/<uuid>",
				"Id: <message-id>",
				"To: Ravi Patel <ravi@oldco.example>, http://127.0.0.1:8787/app",
			].join("\n"),
		);
	});

	it("verification: confirm your address", async () => {
		const address = fresh("verify");
		await send({ from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee next week?" }, T);
		expect(one(await mailsTo(address), /^Confirm/)).toMatchSnapshot();
	});

	it("verified: you're all set, with held mail released", async () => {
		const address = fresh("allset");
		await signUp(address, T, { from: address, to: "Ann Lee <ann@acme.example>", subject: "Coffee next week?" });
		expect(one(await mailsTo(address), "You're all set")).toMatchSnapshot();
	});

	it("verified: you're all set, after a mail to help@", async () => {
		const address = fresh("allset-help");
		await signUp(address, T);
		expect(one(await mailsTo(address), "You're all set")).toMatchSnapshot();
	});

	it("already confirmed", async () => {
		const u = await user("again");
		const verify = (await mailsTo(u.address)).find((m) => m.subject.startsWith("Confirm"))?.replyTo ?? "";
		await send({ from: u.address, to: verify, rcpt: verify, subject: "Re: Confirm", body: "yes" }, LATER);
		const mails = await u.since();
		expect(mails).toHaveLength(1);
		expect(normalise(mails[0] as DevMailboxEntry)).toMatchSnapshot();
	});

	it.each([
		["help", `help@${DOMAIN}`, "How Followthrough works"],
		["status", `status@${DOMAIN}`, /./],
		["unknown address", `trak@${DOMAIN}`, /isn't one of our addresses/],
		["nothing to track", `track@${DOMAIN}`, /^Nothing to track/],
		["nothing to track: met@ with no one", `met@${DOMAIN}`, /^Nothing to track/],
		["nothing to track: intro@ without a forward", `intro@${DOMAIN}`, /^Nothing to track/],
	] as const)("%s", async (label, rcpt, subject) => {
		const u = await user(label);
		if (label === "status") await send({ from: u.address, to: "Ann Lee <ann@acme.example>", subject: "Coffee?" }, T);
		await send({ from: u.address, to: rcpt, rcpt, subject: "note to self", body: "remember this" }, LATER);
		expect(one(await u.since(), subject)).toMatchSnapshot();
	});

	it("bulk: too many recipients", async () => {
		const u = await user("bulk");
		const to = Array.from({ length: 25 }, (_, i) => `p${i}@many.example`).join(", ");
		await send({ from: u.address, to, subject: "Our newsletter" }, LATER);
		expect(one(await u.since(), /^Not tracked/)).toMatchSnapshot();
	});

	it("digest with several items", async () => {
		const u = await user("digest");
		await send(
			{
				from: u.address,
				to: "Ann Lee <ann@acme.example>, Bob Stone <bob@stone.example>",
				subject: "Coffee next week?",
			},
			T,
		);
		await send({ from: u.address, to: "Cleo Park <cleo@park.example>", subject: "Your talk" }, T);
		await tick(DIGEST_THU);
		const mails = await u.since();
		expect(mails).toHaveLength(1);
		expect(normalise(mails[0] as DevMailboxEntry)).toMatchSnapshot();
	});

	it("digest: the 2nd follow-up, a week on", async () => {
		const u = await user("second-rung");
		await send({ from: u.address, to: "Ann Lee <ann@acme.example>", subject: "Coffee next week?" }, T);
		await tick(DIGEST_THU);
		await tick(new Date("2026-12-02T13:00:00Z")); // Wed 08:00: 4 business days after the 1st
		const mails = await u.since();
		expect(mails).toHaveLength(2);
		expect(normalise(mails[1] as DevMailboxEntry)).toMatchSnapshot();
	});

	it("instant: a single nudge", async () => {
		const u = await user("instant");
		await db.update(users).set({ mode: "instant" }).where(eq(users.id, u.userId));
		await send({ from: u.address, to: "Dana Wu <dana@wu.example>", subject: "Quick question" }, T);
		await tick(DIGEST_THU);
		const mails = await u.since();
		expect(mails).toHaveLength(1);
		expect(normalise(mails[0] as DevMailboxEntry)).toMatchSnapshot();
	});

	it.each([
		["command confirmation", "snooze 3d"],
		["pause confirmation", "pause"],
		["command not understood", "done"],
		["help by reply", "help"],
		["settings changed", "timezone Europe/Berlin"],
		["done confirmation", "2 done"],
		["stop confirmation", "stop Ann"],
		["resume when not paused", "resume"],
		["mode switched to instant", "instant"],
		["replied confirmation", "1 replied"],
		["several commands at once", "1 done\n2 snooze 1w"],
	])("%s", async (label, body) => {
		const u = await user(label);
		await send(
			{ from: u.address, to: "Ann Lee <ann@acme.example>, Ben Ortiz <ben@ortiz.example>", subject: "Coffee?" },
			T,
		);
		await tick(DIGEST_THU);
		await reply(u.address, body === "snooze 3d" ? "1 snooze 3d" : body);
		const mails = (await u.since()).slice(1);
		expect(mails).toHaveLength(1);
		expect(normalise(mails[0] as DevMailboxEntry)).toMatchSnapshot();
	});

	const introForward = (address: string) =>
		[
			"See below.",
			"",
			"---------- Forwarded message ---------",
			"From: Carol Diaz <carol@diaz.example>",
			"Date: Mon, Nov 23, 2026 at 7:58 AM",
			"Subject: Intro: you two should talk",
			`To: ${address}, Bob Stone <bob@stone.example>`,
			"",
			"You two should talk. Bob, meet my friend; my friend, meet Bob.",
		].join("\n");
	it.each([
		["remind+3d", "", "Call the dentist", "Book a check-up."],
		["met", ", Ann Lee <ann@acme.example>", "Great to meet you", "Lovely chatting at the meetup."],
		["intro", "", "Fwd: Intro: you two should talk", introForward],
		["applied", ", Jobs <jobs@acme.example>", "Application: Product Designer", "Please find my résumé attached."],
	])("the first digest after %s@", async (label, people, subject, body) => {
		const u = await user(`via-${label}`);
		const rcpt = `${label}@${DOMAIN}`;
		const text = typeof body === "string" ? body : body(u.address);
		await send({ from: u.address, to: `${rcpt}${people}`, rcpt, subject, body: text }, T);
		const reminders = async () =>
			(await u.since()).filter((m) => m.headers["list-id"]?.startsWith("Followthrough reminders"));
		for (const day of ["24", "25", "26", "27", "30"]) {
			await tick(new Date(`2026-11-${day}T13:00:00Z`));
			if ((await reminders()).length) break;
		}
		const mails = await reminders();
		expect(mails.map((m) => m.subject)).toHaveLength(1);
		expect(normalise(mails[0] as DevMailboxEntry)).toMatchSnapshot();
	});

	it("bounce notice: a forwarded bounce", async () => {
		const u = await user("bounce");
		await send({ from: u.address, to: "Ravi Patel <ravi@oldco.example>", subject: "Catching up" }, T);
		const body = [
			"Looks like this one bounced.",
			"",
			"---------- Forwarded message ---------",
			"From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
			"Date: Mon, Nov 23, 2026 at 7:58 AM",
			"Subject: Delivery Status Notification (Failure)",
			"To: me",
			"",
			"** Address not found **\n\nYour message wasn't delivered to ravi@oldco.example because the address couldn't be found, or is unable to receive mail.",
		].join("\n");
		await send(
			{ from: u.address, subject: "Fwd: Delivery Status Notification (Failure)", body, to: `track@${DOMAIN}` },
			LATER,
		);
		const mails = (await u.since()).filter((m) => `${m.subject}\n${m.text}`.includes("ravi@oldco.example"));
		expect(mails).toHaveLength(1);
		expect(normalise(mails[0] as DevMailboxEntry)).toMatchSnapshot();
	});

	it("stray reply: a command from an address not on the account", async () => {
		const u = await user("stray");
		const rcpt = await replyAddressOf(u.address);
		await send({ from: "someone@other.example", to: rcpt, rcpt, subject: "Re: Your digest", body: "pause" }, LATER);
		expect(one(await u.since(), /changed nothing/)).toMatchSnapshot();
	});

	describe("adding an address", () => {
		const services = () => buildServices(requireConfig(env), fixedClock(T));
		const ask = async (label: string) => {
			const u = await user(label);
			const second = fresh(`${label}.second`);
			expect(await addAddress(services(), u.userId, second)).toEqual({ ok: true });
			return { ...u, second };
		};

		it("the request to the new address", async () => {
			const { second } = await ask("add");
			expect(one(await mailsTo(second), /^Is this your address/)).toMatchSnapshot();
		});

		it.each([
			["added", "yes"],
			["not confirmed", "no thanks"],
		])("the answer: %s", async (label, body) => {
			const { second } = await ask(`answer-${label}`);
			await reply(second, body);
			const mails = (await mailsTo(second)).slice(1);
			expect(mails).toHaveLength(1);
			expect(normalise(mails[0] as DevMailboxEntry)).toMatchSnapshot();
		});

		it("the answer from an address with its own account", async () => {
			const u = await user("own");
			const other = await user("own-other");
			expect(await addAddress(services(), u.userId, other.address)).toEqual({ ok: true });
			await reply(other.address, "yes");
			const mails = (await other.since()).slice(1);
			expect(mails).toHaveLength(1);
			expect(normalise(mails[0] as DevMailboxEntry)).toMatchSnapshot();
		});
	});

	it("sign-in link", async () => {
		const u = await user("signin");
		await call("/signin", {
			method: "POST",
			headers: {
				"content-type": "application/x-www-form-urlencoded",
				origin: ORIGIN,
				"cf-connecting-ip": "198.51.100.7",
			},
			body: new URLSearchParams({ email: u.address }).toString(),
		});
		expect(one(await u.since(), /sign-in link/)).toMatchSnapshot();
	});
});
