#!/usr/bin/env node
import { checkLoad, openLocalD1 } from "./lib/load-checks.mjs";
// `npm run load`: 2,000 inbound emails from 200 users at concurrency 20 against a local
// Worker (npm start on a free loopback port, fresh D1), then a cron tick every 15
// minutes over seven simulated days, then the accounting (scripts/lib/load-checks.mjs).
// Prints throughput and p50/p99 latency, and a BENCH_JSON line with "load":{…}.
// Bounded: fixed counts, and it gives up after LOAD_MAX_MINUTES (default 15).
import { freePort, localWorker } from "./lib/local-worker.mjs";

const USERS = 200;
const CONCURRENCY = 20;
const DAYS = 7;
const TICK_MS = 15 * 60_000;
const deadline = Date.now() + Number(process.env.LOAD_MAX_MINUTES ?? 15) * 60_000;
const run = Date.now().toString(36);
const prefix = `load-${run}-`;
const address = (u) => `${prefix}u${u}@example.com`;
const auth = (from, pass = true) =>
	`ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=${pass ? "pass" : "fail"} header.d=example.com; dmarc=${pass ? "pass" : "fail"} header.from=example.com; spf=${pass ? "pass" : "fail"} smtp.mailfrom=${from}`;

const worker = await localWorker({ port: await freePort(), reuse: false, label: "load" });
const { base } = worker;
process.on("SIGINT", () => {
	worker.stop();
	process.exit(130);
});
const t0 = Date.now();
const sent = new Map();
const latencies = [];

function mail(u, n, { to, subject, body, extra = [], pass = true, messageId = `${prefix}${u}-${n}@example.com` }) {
	const from = address(u);
	return [
		auth(from, pass),
		...extra,
		`From: User ${u} <${from}>`,
		`To: ${to}`,
		`Subject: ${subject}`,
		`Date: ${new Date().toUTCString().replace("GMT", "+0000")}`,
		`Message-ID: <${messageId}>`,
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=utf-8",
		"",
		body,
		"",
	].join("\r\n");
}

async function post(u, rcpt, raw) {
	if (Date.now() > deadline) throw new Error("load test ran out of time");
	const from = address(u);
	const started = performance.now();
	const res = await fetch(
		`${base}/cdn-cgi/handler/email?from=${encodeURIComponent(from)}&to=${encodeURIComponent(rcpt)}`,
		{
			method: "POST",
			body: raw,
		},
	);
	await res.arrayBuffer();
	latencies.push(performance.now() - started);
	sent.set(from, (sent.get(from) ?? 0) + 1);
	if (res.status >= 500) throw new Error(`${rcpt}: HTTP ${res.status}`);
}

async function pool(jobs) {
	let next = 0;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < jobs.length) await jobs[next++]();
		}),
	);
}
const users = Array.from({ length: USERS }, (_, u) => u);
const shuffled = (xs) =>
	xs
		.map((x) => [Math.random(), x])
		.sort((a, b) => a[0] - b[0])
		.map(([, x]) => x);
const D = "followthrough.test";

console.log(`load: ${USERS} users × 10 emails at concurrency ${CONCURRENCY} against ${base}`);
// 1. First outreach: held, and a verification mail goes out.
await pool(
	users.map(
		(u) => () =>
			post(
				u,
				`track@${D}`,
				mail(u, 1, {
					to: `Ann ${u} <ann${u}@acme.example>, Bob ${u} <bob${u}@stone.example>`,
					subject: "Coffee next week?",
					body: "Hi both, coffee?",
				}),
			),
	),
);
// 2. The verification reply.
const box = await (await fetch(`${base}/dev/mailbox.json`)).json();
const replyTo = new Map(box.filter((m) => m.to.startsWith(prefix)).map((m) => [m.to, m.replyTo]));
await pool(
	users.map(
		(u) => () =>
			post(
				u,
				replyTo.get(address(u)),
				mail(u, 2, { to: replyTo.get(address(u)), subject: "Re: Confirm", body: "Yes, that's me." }),
			),
	),
);
// 3–10. The rest of a week's mail, interleaved across users.
const rest = (u) => [
	() =>
		post(
			u,
			`3d@${D}`,
			mail(u, 3, {
				to: `Cleo ${u} <cleo${u}@corp.example>`,
				subject: "Following up on the role",
				body: "Hi Cleo, any news?",
			}),
		),
	() =>
		post(
			u,
			`track@${D}`,
			mail(u, 4, {
				to: `track@${D}`,
				subject: "Fwd: Intro",
				body: `---------- Forwarded message ---------\nFrom: Carol <carol${u}@diaz.example>\nDate: Mon, 23 Nov 2026 09:00:00 +0000\nSubject: Intro\nTo: User <${address(u)}>, Dan ${u} <dan${u}@hire.example>\n\nUser, meet Dan: he is hiring. Dan, meet User. I'll let you two take it from here.`,
			}),
		),
	() => post(u, `status@${D}`, mail(u, 5, { to: `status@${D}`, subject: "status", body: "" })),
	() =>
		post(
			u,
			`track@${D}`,
			mail(u, 6, {
				to: `track@${D}`,
				subject: "Out of office",
				body: "I am away.",
				extra: ["Auto-Submitted: auto-replied"],
			}),
		),
	() =>
		post(
			u,
			`3d@${D}`,
			mail(u, 7, {
				to: `Cleo ${u} <cleo${u}@corp.example>`,
				subject: "Following up on the role",
				body: "Hi Cleo, any news?",
				messageId: `${prefix}${u}-3@example.com`,
			}),
		),
	() =>
		post(
			u,
			`track@${D}`,
			mail(u, 8, { to: `Eve <eve${u}@x.example>`, subject: "Spoofed", body: "stop Ann", pass: false }),
		),
	() => post(u, `remind+3d@${D}`, mail(u, 9, { to: `remind+3d@${D}`, subject: "Send portfolio", body: "" })),
	() =>
		post(
			u,
			`met@${D}`,
			mail(u, 10, { to: `Ann ${u} <ann${u}@acme.example>`, subject: "Great to meet", body: "Thanks for today!" }),
		),
];
await pool(shuffled(users.flatMap((u) => rest(u).slice(0, 4))));
await pool(shuffled(users.flatMap((u) => rest(u).slice(4))));
const inboundMs = Date.now() - t0;

// Seven simulated days of cron ticks.
const tickLatencies = [];
const first = Math.ceil(Date.now() / TICK_MS) * TICK_MS;
let lastTick = first;
for (let at = first; at <= first + DAYS * 86_400_000; at += TICK_MS) {
	if (Date.now() > deadline) throw new Error("load test ran out of time");
	const started = performance.now();
	const res = await fetch(`${base}/cdn-cgi/handler/scheduled?cron=*/15+*+*+*+*&time=${at}`);
	await res.arrayBuffer();
	if (!res.ok) throw new Error(`tick at ${new Date(at).toISOString()}: HTTP ${res.status}`);
	tickLatencies.push(performance.now() - started);
	lastTick = at;
}

const pct = (xs, p) => {
	const s = [...xs].sort((a, b) => a - b);
	return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10;
};
const checked = checkLoad(openLocalD1(worker.persistDir), { prefix, since: t0, lastTick, sent });
worker.stop();

const emails = latencies.length;
const result = {
	users: USERS,
	emails,
	concurrency: CONCURRENCY,
	inbound_per_s: Math.round((emails / inboundMs) * 1000 * 10) / 10,
	inbound_p50_ms: pct(latencies, 50),
	inbound_p99_ms: pct(latencies, 99),
	ticks: tickLatencies.length,
	tick_p50_ms: pct(tickLatencies, 50),
	tick_p99_ms: pct(tickLatencies, 99),
	nudges_delivered: checked.nudgesDelivered,
	mails_sent: checked.mails,
	problems: checked.problems.length,
};
console.log(
	`load: ${emails} emails in ${(inboundMs / 1000).toFixed(1)} s (${result.inbound_per_s}/s), p50 ${result.inbound_p50_ms} ms, p99 ${result.inbound_p99_ms} ms`,
);
console.log(
	`load: ${result.ticks} ticks over ${DAYS} days, p50 ${result.tick_p50_ms} ms, p99 ${result.tick_p99_ms} ms`,
);
console.log(`load: outcomes ${JSON.stringify(checked.outcomes)}`);
console.log(`load: ${checked.nudgesDelivered} nudges delivered once each in ${checked.mails} mails`);
for (const p of checked.problems) console.log(`load: PROBLEM ${p}`);
console.log(`BENCH_JSON ${JSON.stringify({ load: result })}`);
process.exit(checked.problems.length ? 1 : 0);
