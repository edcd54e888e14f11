// The local runtime contract (DESIGN.md, "Local runtime contract") as plain functions:
// inbound mail, the cron, the dev clock and the dev mailbox of one running Worker.
// scripts/test-e2e.mjs starts the Worker and sets FOLLOWTHROUGH_URL.
import assert from "node:assert/strict";

export const BASE = process.env.FOLLOWTHROUGH_URL ?? "http://127.0.0.1:8787";
export const DOMAIN = process.env.MAIL_DOMAIN || "followthrough.test";
/** Every request to the Worker gives up after this long (an attack that hangs must not hang the run). */
export const REQUEST_TIMEOUT_MS = Number(process.env.E2E_REQUEST_TIMEOUT_MS ?? 20_000);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** fetch with a deadline; `{ res, body, ms }`, or `{ res: null, error, ms }` when it timed out. */
export async function call(path, init = {}, timeoutMs = REQUEST_TIMEOUT_MS) {
	const started = performance.now();
	try {
		const res = await fetch(`${BASE}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
		const body = await res.text();
		return { res, body, ms: performance.now() - started };
	} catch (error) {
		return { res: null, body: "", error, ms: performance.now() - started };
	}
}

function must(result, what) {
	assert.ok(result.res, `${what}: no answer within ${Math.round(result.ms)} ms (${result.error?.message})`);
	assert.ok(result.res.ok, `${what} answered ${result.res.status}: ${result.body.slice(0, 300)}`);
	return result;
}

/**
 * POST /cdn-cgi/handler/email?from=…&to=… with the raw message. Never throws on a
 * refusal: `{ status, text, ms }` (status 0 when the Worker did not answer in time).
 */
export async function deliver(raw, { from, to }, timeoutMs = REQUEST_TIMEOUT_MS) {
	const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
	const r = await call(`/cdn-cgi/handler/email?${query}`, { method: "POST", body: raw }, timeoutMs);
	return { status: r.res?.status ?? 0, text: r.body || String(r.error ?? ""), ms: r.ms };
}

/** The dev clock: every handler's "now" becomes `ms`, and runs on from there. */
export async function setClock(ms) {
	must(await call(`/dev/clock?time=${ms}`, { method: "POST" }), `POST /dev/clock?time=${ms}`);
}

/** `GET /dev/clock` → the Worker's now, in epoch ms. */
export async function getClock() {
	const r = must(await call("/dev/clock"), "GET /dev/clock");
	const now = Date.parse(JSON.parse(r.body).now);
	assert.ok(Number.isFinite(now), `GET /dev/clock answered ${r.body}, not {"now": "<ISO 8601>"}`);
	return now;
}

export async function resetClock() {
	must(await call("/dev/clock", { method: "DELETE" }), "DELETE /dev/clock");
}

/** One cron run: at the dev clock's now, or at `ms` when given. */
export async function tick(ms) {
	const at = ms === undefined ? "" : `&time=${ms}`;
	must(await call(`/cdn-cgi/handler/scheduled?cron=*/15+*+*+*+*${at}`), "the cron tick");
}

/** Every mail the Worker sent, oldest first: `{id, from, to, replyTo, subject, text, html, headers, createdAt}`. */
export async function allMail() {
	const r = must(await call("/dev/mailbox.json"), "GET /dev/mailbox.json");
	return JSON.parse(r.body);
}

const sentTo = (m, address) => String(m.to).toLowerCase().includes(address.toLowerCase());

/** The mail sent to one address, oldest first; with `since` (a mailbox length), only what came after. */
export async function mailbox(address, since = 0) {
	return (await allMail()).slice(since).filter((m) => sentTo(m, address));
}

/** The mailbox's length now: pass it as `since` to see only later mail. */
export async function mark() {
	return (await allMail()).length;
}

/** Waits (up to `timeoutMs`) for a mail to `address` after `since` that satisfies `test`. */
export async function waitForMail(address, test, { since = 0, timeoutMs = 3_000, what = "a mail" } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = (await mailbox(address, since)).find(test);
		if (found) return found;
		if (Date.now() > deadline) {
			const got = (await mailbox(address, since)).map((m) => `"${m.subject}"`).join(", ") || "nothing";
			assert.fail(`expected ${what} to ${address}; it got ${got}`);
		}
		await sleep(100);
	}
}

/** Lets mail written after an answer (waitUntil) land before a "no mail" check. */
export const settle = () => sleep(300);

/** Waits until the Worker answers /health quickly again (after an attack left it busy). */
export async function waitUntilIdle(maxMs = 90_000) {
	const deadline = Date.now() + maxMs;
	while (Date.now() < deadline) {
		const r = await call("/health", {}, 1_000);
		if (r.res?.ok && r.ms < 500) return;
		await sleep(250);
	}
}
