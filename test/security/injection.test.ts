/**
 * HTML and header injection through what strangers control: a contact's display
 * name, a subject (an encoded-word can carry CR/LF), and command text. They reach
 * the digest, the replies, the dashboard and our outgoing headers only escaped,
 * and never as a new header line.
 */
import { expect, it } from "vitest";
import { mailsTo, replyAddressOf, send, userFactory } from "../support/inbound";
import { tick } from "../support/outbox";
import { call, post, sessionCookie } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("inject", T);
const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const HOSTILE_NAME = '<img src=x onerror="alert(1)">Ann';
const HOSTILE_SUBJECT = "Coffee?\r\nBcc: victim@evil.example\r\nX-Injected: yes <script>alert(2)</script>";

function noRawMarkup(html: string | null | undefined) {
	expect(html ?? "").not.toContain("<img src=x");
	expect(html ?? "").not.toContain("<script>alert");
}

it("a hostile name and subject reach the digest, the dashboard and our headers only escaped", async () => {
	const u = await newUser();
	await send(
		{ from: u.address, to: `"${HOSTILE_NAME}" <ann@acme.example>`, subject: `=?utf-8?B?${b64(HOSTILE_SUBJECT)}?=` },
		T,
	);
	await tick(new Date("2026-11-26T13:00:00Z"));
	await send(
		{
			from: u.address,
			rcpt: await replyAddressOf(u.address),
			subject: "Re",
			body: "stop <script>alert(3)</script>\n1 done",
		},
		new Date("2026-11-26T14:00:00Z"),
	);

	const mails = await mailsTo(u.address);
	const digest = mails.find((m) => m.html?.includes("onerror"));
	expect(digest, "the digest names the contact").toBeDefined();
	expect(digest?.html).toContain("&lt;img src=x onerror=");
	for (const m of mails) {
		noRawMarkup(m.html);
		for (const [name, value] of Object.entries({
			subject: m.subject,
			to: m.to,
			replyTo: m.replyTo ?? "",
			...m.headers,
		}))
			expect(value, `${name} of "${m.subject}"`).not.toMatch(/[\r\n]/);
		expect(Object.keys(m.headers)).not.toContain("x-injected");
		expect(Object.keys(m.headers)).not.toContain("bcc");
	}

	const cookie = await sessionCookie(u.userId);
	for (const path of ["/app", "/app/contacts", "/app/activity"]) {
		const page = await (await call(path, { cookie })).text();
		noRawMarkup(page);
	}
	const contacts = await (await call("/app/contacts", { cookie })).text();
	expect(contacts).toContain("&lt;img src=x onerror=");
});

it("form and sign-in destinations never leave the site", async () => {
	const u = await newUser();
	await send({ from: u.address, to: "Ann Lee <ann@acme.example>" }, T);
	const cookie = await sessionCookie(u.userId);
	const today = await (await call("/app", { cookie })).text();
	const id = today.match(/\/app\/nudges\/([\w-]+)\/done/)?.[1];
	for (const back of ["https://evil.example/", "//evil.example/app", "/app\\@evil.example", "javascript:alert(1)"]) {
		const res = await post(`/app/nudges/${id}/snooze`, { days: "1", back }, cookie);
		expect(res.headers.get("location"), back).toBe("/app");
	}
	const signin = await call("/signin?next=https://evil.example/");
	expect(await signin.text()).toContain('name="next" value="/app"');
});
