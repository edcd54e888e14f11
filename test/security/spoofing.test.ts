/**
 * Spoofed senders through email(): mail that claims a verified user's From but
 * whose Cloudflare stamp fails, is unaligned, is missing, is forged lower down,
 * or comes from another server, or that smuggles a pass through comments and
 * quoted strings, or lets DKIM/SPF overrule a DMARC failure, is refused with a reason, answered to no one,
 * and changes nothing: not via track@, not via the user's own reply address.
 */
import { expect, it } from "vitest";
import {
	buildMail,
	mailsTo,
	pendingOf,
	receive,
	replyAddressOf,
	send,
	signUp,
	userFactory,
	userRow,
} from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("spoof", T);
const cf = (r: string) => `ARC-Authentication-Results: i=1; mx.cloudflare.net; ${r}`;
const SMUGGLE = '"a)b;dmarc=pass;c(d"@evil.example';

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
	// Issue 12, item 3: authentication smuggling.
	[
		"dmarc=pass smuggled in a quoted MAIL FROM local part",
		(d) => [
			cf(
				`dkim=none; dmarc=fail header.from=${d}; spf=pass (mx.cloudflare.net: domain of ${SMUGGLE} designates 192.0.2.1 as permitted sender) smtp.mailfrom=${SMUGGLE}`,
			),
		],
	],
	[
		"a well-formed dkim=pass smuggled through the SPF comment, no DMARC record",
		(d) => {
			const local = `"x);dkim=pass header.d=${d};arc=none (y"@evil.example`;
			return [
				cf(
					`dkim=none; dmarc=none header.from=${d}; spf=pass (mx.cloudflare.net: domain of ${local} designates 192.0.2.1 as permitted sender) smtp.mailfrom=${local}`,
				),
			];
		},
	],
	[
		"DMARC fails while DKIM and SPF pass aligned",
		(d) => [
			cf(`dkim=pass header.d=${d}; dmarc=fail header.from=${d} policy.dmarc=reject; spf=pass smtp.mailfrom=x@${d}`),
		],
	],
	["DMARC passes without header.from", () => [cf("dkim=none; dmarc=pass; spf=none")]],
	[
		"dkim=pass hidden in a nested comment",
		(d) => [cf(`spf=fail (a (b) ; dkim=pass header.d=${d} (c) ) smtp.mailfrom=x@attacker.example; dmarc=none`)],
	],
	[
		"another server's results above Cloudflare's pass",
		(d) => [
			"Authentication-Results: mx.attacker.example; none",
			cf(`dkim=pass header.d=${d}; dmarc=pass header.from=${d}; spf=pass smtp.mailfrom=x@${d}`),
		],
	],
];

it.each(SPOOFS)("%s: refused, unanswered, nothing changes", async (_label, headers) => {
	await expectRefusedEverywhere(await newUser(), headers);
});

it("a DKIM pass for a sibling under a private suffix (b.eu.org for a.eu.org): refused, nothing changes", async () => {
	const address = "spoof@a.eu.org";
	const u = { address, userId: await signUp(address, T) };
	await expectRefusedEverywhere(u, () => [cf("dkim=pass header.d=b.eu.org; dmarc=none; spf=none")]);
});

async function expectRefusedEverywhere(u: { address: string; userId: string }, headers: (d: string) => string[]) {
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
}
