#!/usr/bin/env node
// `npm run demo`: the product in one scripted story, against a local `npm start`
// (started here, on a fresh local D1, if nothing answers on PORT or 8787).
// A new user BCCs an outreach and forwards an introduction; the clock moves
// through cron ticks; the digests arrive; the user replies "1 done"; and the
// story ends with a sign-in link to the dashboard. Every mail is printed.
import { localWorker } from "./lib/local-worker.mjs";

const port = Number(process.env.PORT ?? 8787);
const domain = process.env.MAIL_DOMAIN || "followthrough.test";
const user = `demo-${Date.now().toString(36)}@example.com`;
const AUTH = `ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=pass header.d=example.com; dmarc=pass header.from=example.com; spf=pass smtp.mailfrom=${user}`;
const DAY = 86_400_000;

console.log(`Looking for a Worker on port ${port} (or starting one: npm start, fresh local D1)…`);
const worker = await localWorker({ port, label: "demo" });
const { base } = worker;
for (const signal of ["SIGINT", "SIGTERM"])
	process.on(signal, () => {
		worker.stop();
		process.exit(0);
	});

let seen = 0;
async function newMail() {
	const all = await (await fetch(`${base}/dev/mailbox.json`)).json();
	const fresh = all.slice(seen).filter((m) => m.to === user);
	seen = all.length;
	return fresh;
}
const shorten = (text) => text.replace(/(https?:\/\/\S{20})\S{20,}/g, "$1…");
async function showMail(expectSome = true) {
	const mails = await newMail();
	if (!mails.length && expectSome) console.log("   (no mail)");
	for (const m of mails) {
		console.log(`   ┌─ mail to ${m.to}: "${m.subject}"`);
		for (const line of shorten(m.text).split("\n")) console.log(`   │ ${line}`);
		console.log("   └─");
	}
	return mails;
}
function step(n, text) {
	console.log(`\n${n}. ${text}`);
}
async function deliver(to, headers, body) {
	const raw = `${AUTH}\r\n${Object.entries({
		From: `Dee Demo <${user}>`,
		Date: new Date().toUTCString().replace("GMT", "+0000"),
		"Message-ID": `<${crypto.randomUUID()}@example.com>`,
		"MIME-Version": "1.0",
		"Content-Type": "text/plain; charset=utf-8",
		...headers,
	})
		.map(([k, v]) => `${k}: ${v}`)
		.join("\r\n")}\r\n\r\n${body}\r\n`;
	const res = await fetch(
		`${base}/cdn-cgi/handler/email?from=${encodeURIComponent(user)}&to=${encodeURIComponent(to)}`,
		{
			method: "POST",
			body: raw,
		},
	);
	if (!res.ok) throw new Error(`delivering to ${to}: ${res.status} ${await res.text()}`);
}
async function cron(at) {
	const res = await fetch(`${base}/cdn-cgi/handler/scheduled?cron=*/15+*+*+*+*&time=${at.getTime()}`);
	if (!res.ok) throw new Error(`cron: ${res.status}`);
}

await newMail(); // skip what the mailbox already holds
console.log(`Followthrough demo at ${base}, as ${user}`);

step(1, `${user} writes to Ann Lee and BCCs track@${domain}.`);
await deliver(
	`track@${domain}`,
	{ To: "Ann Lee <ann.lee@acme.example>", Subject: "Coffee next week?" },
	"Hi Ann,\n\nCarol said you lead the data team at Acme. Could we have a 20-minute coffee next week?\n\nThanks,\nDee",
);
const [verify] = await showMail();

step(2, "First mail from a new address: the user confirms by replying to the verification mail.");
await deliver(verify.replyTo, { To: verify.replyTo, Subject: `Re: ${verify.subject}` }, "Yes, that's me.");
await showMail();

step(3, "Carol introduces Bob; the user forwards the introduction to track@.");
await deliver(
	`track@${domain}`,
	{ To: `track@${domain}`, Subject: "Fwd: Intro: Dee <> Bob" },
	[
		"---------- Forwarded message ---------",
		"From: Carol Diaz <carol@diaz.example>",
		`Date: ${new Date().toUTCString()}`,
		"Subject: Intro: Dee <> Bob",
		`To: Dee Demo <${user}>, Bob Stone <bob@stone.example>`,
		"",
		"Dee, meet Bob: he runs hiring for the platform team. Bob, Dee is the engineer I mentioned.",
		"I'll let you two take it from here!",
		"Carol",
	].join("\n"),
);
if (!(await showMail(false)).length)
	console.log("   (tracked quietly: Bob is a contact referred by Carol; the dashboard's Activity says so)");

step(4, "The clock moves: a cron tick every day at 08:00 (the user's digest hour, UTC here).");
const today8 = new Date(`${new Date().toISOString().slice(0, 10)}T08:00:00Z`);
let lastDigest = null;
for (let d = 0; d <= 6; d++) {
	const at = new Date(Math.max(today8.getTime() + d * DAY, Date.now() + 60_000));
	console.log(`   … tick at ${at.toISOString().replace(".000Z", "Z")}`);
	await cron(at);
	const mails = await showMail(false);
	const digest = mails.filter((m) => m.replyTo?.startsWith("r+")).at(-1);
	if (digest) lastDigest = digest;
	if (digest && /Ann Lee/.test(digest.subject)) break;
}

step(5, 'The user replies "1 done" to the digest.');
await deliver(
	lastDigest.replyTo,
	{ To: lastDigest.replyTo, Subject: `Re: ${lastDigest.subject}` },
	"1 done\n\nSent from my iPhone",
);
await showMail();

step(6, "The dashboard: the user asks for a sign-in link.");
await fetch(`${base}/signin`, {
	method: "POST",
	headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
	body: new URLSearchParams({ email: user }).toString(),
});
// The link is mailed just after the answer: wait for it.
let link;
for (let i = 0; i < 100 && !link; i++) {
	const [signIn] = await newMail();
	link = signIn?.text.match(/https?:\/\/\S+\/signin\/\w+/)?.[0];
	if (!link) await new Promise((r) => setTimeout(r, 100));
}
console.log(`\nOpen this link within 15 minutes to see the dashboard (it works once):\n\n   ${link}\n`);
if (worker.started) {
	console.log("The Worker keeps running for the link. Press Ctrl+C to stop it.");
	await new Promise(() => {});
}
