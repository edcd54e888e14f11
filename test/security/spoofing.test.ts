/**
 * Spoofed senders through email(): mail that claims a verified user's From but
 * whose Cloudflare stamp fails, is unaligned, is missing, is forged lower down,
 * or comes from another server is refused with a reason, answered to no one,
 * and changes nothing: not via track@, not via the user's own reply address.
 */
import { expect, it } from "vitest";
import { buildMail, mailsTo, pendingOf, receive, replyAddressOf, send, userFactory, userRow } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("spoof", T);
const cf = (r: string) => `ARC-Authentication-Results: i=1; mx.cloudflare.net; ${r}`;

const SPOOFS: [string, (d: string) => string[]][] = [
	[
		"DMARC, DKIM and SPF fail",
		(d) => [cf(`dkim=fail header.d=${d}; dmarc=fail header.from=${d}; spf=fail smtp.mailfrom=x@${d}`)],
	],
	["DKIM passes for another domain", () => [cf("dkim=pass header.d=attacker.example; dmarc=fail; spf=none")]],
	["SPF passes for another domain", () => [cf("dkim=none; dmarc=none; spf=pass smtp.mailfrom=x@attacker.example")]],
	[
		"DKIM passes for a look-alike domain",
		(d) => [cf(`dkim=pass header.d=${d}.attacker.example; dmarc=none; spf=none`)],
	],
	["no authentication results", () => []],
	[
		"a forged pass below Cloudflare's failing stamp",
		(d) => [cf(`dmarc=fail header.from=${d}`), cf(`dmarc=pass header.from=${d}`)],
	],
	[
		"a pass stamped by another server",
		(d) => [`Authentication-Results: mx.attacker.example; dmarc=pass header.from=${d}`],
	],
];

it.each(SPOOFS)("%s: refused, unanswered, nothing changes", async (_label, headers) => {
	const u = await newUser();
	await send({ from: u.address, to: "Ann Lee <ann@acme.example>" }, T);
	const rcpt = await replyAddressOf(u.address);
	const before = {
		pending: await pendingOf(u.userId),
		user: await userRow(u.userId),
		mails: (await mailsTo(u.address)).length,
	};
	const domain = u.address.split("@")[1] ?? "";
	for (const [to, body] of [
		["track@followthrough.test", "Hi"],
		[rcpt, "pause\nstop Ann"],
	] as const) {
		const raw = buildMail({
			from: u.address,
			to: "Zed <zed@evil.example>",
			subject: "x",
			body,
			auth: false,
			extraHeaders: headers(domain),
		});
		const r = await receive(raw, { to, at: T, envelopeFrom: u.address });
		expect(r.outcome.outcome).toBe("rejected");
		expect(r.rejected).toMatch(/authenticat/i);
	}
	expect(await pendingOf(u.userId)).toEqual(before.pending);
	expect(await userRow(u.userId)).toEqual(before.user);
	expect(await mailsTo(u.address)).toHaveLength(before.mails);
});
