/// <reference types="vite/client" />
/**
 * Each inbound kind's fixtures (src/inbound/kinds/fixtures/<kind>/*.eml), delivered
 * through the real email() path: the sender is set up as the row says, the mail
 * arrives at the envelope address, and the outcome is the kind's.
 */
import { describe, expect, it } from "vitest";
import { DOMAIN, logOf, receive, replyAddressOf, send, signUp } from "../support/inbound";

const FIXTURES = import.meta.glob<string>("../../src/inbound/kinds/fixtures/*/*.eml", {
	query: "?raw",
	import: "default",
	eager: true,
});

const T = new Date("2026-11-23T14:15:00Z");
const EARLIER = new Date(T.getTime() - 3_600_000);

type Sender =
	| "new"
	| "pending"
	| "confirmed"
	/** A contact (no account) writing to `user`, a confirmed user, who tracked the contact with the outreach `tracked` (its Message-ID local part) or did not track them (null). */
	| { contactOf: string; tracked: string | null };
/** An address, or the Reply-To of the newest mail we sent the sender. */
type Envelope = string | { replyTo: true };

interface Row {
	fixture: string;
	sender: Sender;
	to: Envelope;
	outcome: "accepted" | "ignored" | "held";
	reason: string;
	/** A part of the detail that shows the kind did its own work. */
	detail: string;
}

const at = (local: string) => `${local}@${DOMAIN}`;

const rows: Row[] = [
	{
		fixture: "contact-reply/reply-all",
		sender: { contactOf: "pat.cr1@fixtures.example", tracked: "outreach-cr1" },
		to: at("track"),
		outcome: "accepted",
		reason: "reply_seen",
		detail: "Ann Lee replied (you were in copy): follow-ups stopped",
	},
	{
		fixture: "contact-reply/by-message-id",
		sender: { contactOf: "pat.cr2@fixtures.example", tracked: "outreach-cr2" },
		to: at("track"),
		outcome: "accepted",
		reason: "reply_seen",
		detail: "Bo Chen replied (you were in copy): follow-ups stopped",
	},
	{
		fixture: "contact-reply/untracked",
		sender: { contactOf: "pat.cr3@fixtures.example", tracked: null },
		to: at("track"),
		outcome: "ignored",
		reason: "contact_mail_untracked",
		detail: "about no one tracked",
	},
	{
		fixture: "contact-reply/stranger",
		sender: "new",
		to: at("track"),
		outcome: "held",
		reason: "new_account",
		detail: "New address dee.cr4@acme.example: held until confirmed",
	},
	{
		fixture: "other-domain/misrouted",
		sender: "confirmed",
		to: "track@elsewhere.example",
		outcome: "ignored",
		reason: "not_our_domain",
		detail: "Sent to elsewhere.example",
	},
	{
		fixture: "reply-token/unknown-token",
		sender: "confirmed",
		to: at("r+aaaaaaaaaaaaaaaaaaaaaaaaaa"),
		outcome: "ignored",
		reason: "token_unknown",
		detail: "did not issue",
	},
	{
		fixture: "reply-token/commands",
		sender: "confirmed",
		to: { replyTo: true },
		outcome: "accepted",
		reason: "commands",
		detail: "Paused",
	},
	{
		fixture: "reply-token/verify",
		sender: "pending",
		to: { replyTo: true },
		outcome: "accepted",
		reason: "verified",
		detail: "set timezone Europe/Berlin",
	},
	{
		fixture: "new-sender/first-outreach",
		sender: "new",
		to: at("track"),
		outcome: "held",
		reason: "new_account",
		detail: "verification mail sent",
	},
	{
		fixture: "new-sender/first-help",
		sender: "new",
		to: at("help"),
		outcome: "held",
		reason: "new_account",
		detail: "held until confirmed",
	},
	{
		fixture: "unconfirmed-sender/second-mail",
		sender: "pending",
		to: at("track"),
		outcome: "held",
		reason: "awaiting_verification",
		detail: "Held until the address is confirmed",
	},
	{
		fixture: "status/status",
		sender: "confirmed",
		to: at("status"),
		outcome: "accepted",
		reason: "status",
		detail: "pending list",
	},
	{
		fixture: "status/empty-subject",
		sender: "confirmed",
		to: at("status"),
		outcome: "accepted",
		reason: "status",
		detail: "pending list",
	},
	{
		fixture: "help/help",
		sender: "confirmed",
		to: at("help"),
		outcome: "accepted",
		reason: "help",
		detail: "command reference",
	},
	{
		fixture: "unknown-address/hello",
		sender: "confirmed",
		to: at("hello"),
		outcome: "ignored",
		reason: "unknown_address",
		detail: "hello@ is not one of our addresses",
	},
	{
		fixture: "unknown-address/bad-plus",
		sender: "confirmed",
		to: at("track+soonish"),
		outcome: "ignored",
		reason: "unknown_address",
		detail: "track+soonish@",
	},
	{
		fixture: "invite/request",
		sender: "confirmed",
		to: at("track"),
		outcome: "accepted",
		reason: "meeting",
		detail: '"Coffee with Ann": thank-you note to Ann Lee',
	},
	{
		fixture: "invite/cancel",
		sender: "confirmed",
		to: at("track"),
		outcome: "accepted",
		reason: "meeting",
		detail: '"Coffee with Ann" cancelled',
	},
	{
		fixture: "invite/only-me",
		sender: "confirmed",
		to: at("track"),
		outcome: "ignored",
		reason: "invite_without_attendees",
		detail: "no one else",
	},
	{
		fixture: "met/met-ann",
		sender: "confirmed",
		to: at("met"),
		outcome: "accepted",
		reason: "met",
		detail: "Thank-you note to Ann Lee today",
	},
	{
		fixture: "met/nobody-else",
		sender: "confirmed",
		to: at("thanks"),
		outcome: "ignored",
		reason: "nothing_to_track",
		detail: "no one else is on it",
	},
	{
		fixture: "remind/tomorrow",
		sender: "confirmed",
		to: at("remind"),
		outcome: "accepted",
		reason: "reminder",
		detail: 'Reminder about "Renew the passport" on Tue 24 Nov',
	},
	{
		fixture: "remind/in-3-days",
		sender: "confirmed",
		to: at("remind+3d"),
		outcome: "accepted",
		reason: "reminder",
		detail: 'Reminder about "Send the slides to Bo" on Thu 26 Nov',
	},
	{
		fixture: "forward/reply-to-sender",
		sender: "confirmed",
		to: at("track"),
		outcome: "accepted",
		reason: "forward",
		detail: "Reply to Dana Ruiz: reminder today",
	},
	{
		fixture: "forward/introduction",
		sender: "confirmed",
		to: at("track"),
		outcome: "accepted",
		reason: "introduction",
		detail: "Introduction from Carol Diaz: reach out to Eli Stone today",
	},
	{
		fixture: "forward/outlook-style",
		sender: "confirmed",
		to: at("track"),
		outcome: "accepted",
		reason: "forward",
		detail: "Reply to Finn Moss",
	},
	{
		fixture: "intro/not-a-forward",
		sender: "confirmed",
		to: at("intro"),
		outcome: "ignored",
		reason: "nothing_to_track",
		detail: "intro@ expects a forwarded introduction",
	},
	{
		fixture: "intro/forwarded-intro",
		sender: "confirmed",
		to: at("intro"),
		outcome: "accepted",
		reason: "introduction",
		detail: "Introduction from Gus Park: reach out to Hana Ito today",
	},
	{
		fixture: "outreach/bcc",
		sender: "confirmed",
		to: at("track"),
		outcome: "accepted",
		reason: "outreach",
		detail: "Tracking Ann Lee: follow up",
	},
	{
		fixture: "outreach/cc-two",
		sender: "confirmed",
		to: at("track"),
		outcome: "accepted",
		reason: "outreach",
		detail: "Bo Chen: follow up",
	},
	{
		fixture: "outreach/resume",
		sender: "confirmed",
		to: at("track"),
		outcome: "accepted",
		reason: "application",
		detail: "confirm receipt",
	},
	{
		fixture: "outreach/only-us",
		sender: "confirmed",
		to: at("track"),
		outcome: "ignored",
		reason: "nothing_to_track",
		detail: "it went only to us",
	},
	{
		fixture: "outreach/bulk",
		sender: "confirmed",
		to: at("track"),
		outcome: "ignored",
		reason: "bulk",
		detail: "21 recipients",
	},
	{
		fixture: "outreach/past-date",
		sender: "confirmed",
		to: at("9am"),
		outcome: "ignored",
		reason: "nothing_to_track",
		detail: "the follow-up date in the address is in the past",
	},
];

function fixture(name: string): string {
	const raw = FIXTURES[`../../src/inbound/kinds/fixtures/${name}.eml`];
	if (raw === undefined) throw new Error(`no fixture ${name}.eml`);
	return raw;
}

const fromOf = (raw: string) => raw.match(/^From: .*<([^>]+)>$/m)?.[1] ?? "";

async function prepare(raw: string, sender: Sender) {
	const address = fromOf(raw);
	if (sender === "pending") await send({ from: address, rcpt: at("help"), subject: "hello" }, EARLIER);
	if (sender === "confirmed") await signUp(address, EARLIER);
	if (typeof sender === "object") {
		await signUp(sender.contactOf, EARLIER);
		if (sender.tracked) {
			const contact = raw.match(/^From: (.*)$/m)?.[1] ?? address;
			const outreach = { from: sender.contactOf, to: contact, messageId: sender.tracked, subject: "Coffee next week?" };
			const r = await send(outreach, new Date(EARLIER.getTime() + 120_000));
			expect(r.outcome.reason).toBe("outreach");
		}
	}
}

describe("inbound kinds, from their fixtures, through email()", () => {
	it("every fixture file has a row, and every row a file", () => {
		const files = Object.keys(FIXTURES).map((k) => k.replace(/^.*\/fixtures\/(.*)\.eml$/, "$1"));
		expect(files.sort()).toEqual(rows.map((r) => r.fixture).sort());
	});

	it("every kind folder holds fixtures of its own", () => {
		const folders = new Set(rows.map((r) => r.fixture.split("/")[0]));
		expect([...folders].sort()).toEqual(
			[
				"contact-reply",
				"forward",
				"help",
				"intro",
				"invite",
				"met",
				"new-sender",
				"other-domain",
				"outreach",
				"remind",
				"reply-token",
				"status",
				"unconfirmed-sender",
				"unknown-address",
			].sort(),
		);
	});

	it.for(rows)("$fixture → $outcome $reason", async (row) => {
		const raw = fixture(row.fixture);
		const address = fromOf(raw);
		await prepare(raw, row.sender);
		const to = typeof row.to === "string" ? row.to : await replyAddressOf(address);
		const logged = (await logOf()).length;
		const r = await receive(raw, { to, at: T, envelopeFrom: address });
		expect(r.outcome).toMatchObject({ outcome: row.outcome, reason: row.reason });
		expect(r.outcome.detail).toContain(row.detail);
		expect(r.rejected).toBeNull();
		// One log row per delivery (released held mail updates its own row).
		expect((await logOf()).length).toBe(logged + 1);
	});
});
