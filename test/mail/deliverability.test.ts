/**
 * Every kind of mail we send scores below 1.0 under SpamAssassin's local rules
 * (`spamassassin -L -t`, run by the Node-side stub). Runs when SpamAssassin is
 * installed; .ci/run installs it.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { users } from "../../src/db/schema";
import type { DevMailboxEntry } from "../../src/mail/dev-mailbox";
import { DOMAIN, db, mailsTo, send, signUp } from "../support/inbound";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z");

const encodeWord = (s: string) =>
	/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${btoa(String.fromCharCode(...new TextEncoder().encode(s)))}?=`;

/** The message as a provider would put it on the wire: headers, then text and HTML alternatives. */
function toRfc5322(m: DevMailboxEntry): string {
	const head = [
		`From: ${m.from}`,
		`To: ${m.to}`,
		`Subject: ${encodeWord(m.subject)}`,
		`Date: ${new Date(m.createdAt).toUTCString().replace("GMT", "+0000")}`,
		...(m.replyTo ? [`Reply-To: ${m.replyTo}`] : []),
		...Object.entries(m.headers).map(([k, v]) => `${k.replace(/(^|-)\w/g, (c) => c.toUpperCase())}: ${v}`),
		"MIME-Version: 1.0",
	];
	const part = (type: string, body: string) =>
		[`Content-Type: ${type}; charset=utf-8`, "Content-Transfer-Encoding: 8bit", "", body].join("\r\n");
	if (!m.html) return [...head, part("text/plain", m.text)].join("\r\n");
	const b = "=_followthrough_alt";
	return [
		...head,
		`Content-Type: multipart/alternative; boundary="${b}"`,
		"",
		`--${b}`,
		part("text/plain", m.text),
		`--${b}`,
		part("text/html", m.html),
		`--${b}--`,
		"",
	].join("\r\n");
}

async function score(raw: string): Promise<{ score: number; rules: string[] }> {
	const res = await fetch(`${env.RESEND_STUB_URL}/sa/__spamassassin`, { method: "POST", body: raw });
	if (!res.ok) throw new Error(`spamassassin: ${res.status} ${await res.text()}`);
	return res.json();
}

describe.runIf(inject("spamassassin"))("deliverability: SpamAssassin local rules", () => {
	const mails: DevMailboxEntry[] = [];
	beforeAll(async () => {
		const digestUser = "sa.digest@example.com";
		await signUp(digestUser, T);
		await send(
			{
				from: digestUser,
				to: "Ann Lee <ann@acme.example>, Bob Stone <bob@stone.example>",
				subject: "Coffee next week?",
			},
			T,
		);
		await send({ from: digestUser, rcpt: `trak@${DOMAIN}`, subject: "oops" }, T);
		await send({ from: digestUser, rcpt: `help@${DOMAIN}`, subject: "help" }, T);
		await send({ from: digestUser, to: `track@${DOMAIN}`, subject: "note to self" }, T);
		await tick(new Date("2026-11-26T13:00:00Z"));
		const instantUser = "sa.instant@example.com";
		const id = await signUp(instantUser, T);
		await db.update(users).set({ mode: "instant" }).where(eq(users.id, id));
		await send({ from: instantUser, to: "Dana Wu <dana@wu.example>", subject: "Quick question" }, T);
		await tick(new Date("2026-11-26T13:00:00Z"));
		mails.push(...(await mailsTo(digestUser)), ...(await mailsTo(instantUser)));
	});

	it("covers verification, confirmation, replies, a digest and an instant nudge", () => {
		const subjects = mails.map((m) => m.subject);
		expect(subjects).toEqual(
			expect.arrayContaining([
				"Confirm your address to start Followthrough",
				"You're all set",
				`trak@${DOMAIN} isn't one of our addresses`,
				"How Followthrough works",
				'Nothing to track in "note to self"',
				"Follow up with Ann Lee · follow up with Bob Stone",
				"Follow up with Dana Wu",
			]),
		);
	});

	it("each scores below 1.0", { timeout: 180_000 }, async () => {
		const scored = await Promise.all(mails.map(async (m) => ({ subject: m.subject, ...(await score(toRfc5322(m))) })));
		console.log(scored.map((s) => `${s.score.toFixed(1)}  ${s.subject}  [${s.rules.join(", ")}]`).join("\n"));
		for (const s of scored) expect(s.score, `${s.subject}: ${s.rules.join(", ")}`).toBeLessThan(1.0);
	});
});
