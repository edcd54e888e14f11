/**
 * A stand-in for Resend's HTTP API, on loopback, for the whole test run. Each test
 * uses its own namespace (`<url>/<ns>` as the SDK's base URL), so files running in
 * parallel never see each other's requests.
 *
 *   POST <ns>/emails, <ns>/emails/batch    recorded; answered from the script or 200
 *   POST <ns>/__script  [{status, body, headers, delayMs}]  queue the next answers
 *   GET  <ns>/__requests                   what was received, oldest first
 *   GET  <ns>/__delivered                  the mails Resend would have sent, once each
 *
 * Like Resend, a repeated Idempotency-Key (within the namespace) gets the first
 * successful answer again and sends nothing: such requests are marked `replayed`.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";

interface Scripted {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	delayMs?: number;
}
interface Recorded {
	method: string;
	path: string;
	headers: Record<string, string>;
	body: unknown;
	status: number;
	replayed: boolean;
}

/**
 * Scores a raw message with SpamAssassin's local rules (`spamassassin -L -t`), for
 * the deliverability test. 501 when SpamAssassin is not installed.
 */
async function spamScore(raw: string): Promise<[number, unknown]> {
	const { spawn } = await import("node:child_process");
	return new Promise((resolve) => {
		const sa = spawn("spamassassin", ["-L", "-t"], { stdio: ["pipe", "pipe", "ignore"] });
		let out = "";
		sa.on("error", () => resolve([501, { error: "spamassassin is not installed" }]));
		sa.stdout.on("data", (d) => (out += d));
		sa.on("close", () => {
			const score = out.match(/X-Spam-Status: \w+, score=(-?[\d.]+)/)?.[1];
			const rules = [...out.matchAll(/^\s*(-?\d+\.\d+)\s+([A-Z0-9_]+)\s/gm)].map((m) => `${m[2]} ${m[1]}`);
			resolve(
				score === undefined ? [500, { error: "no score in output", out }] : [200, { score: Number(score), rules }],
			);
		});
		sa.stdin.end(raw);
	});
}

declare module "vitest" {
	export interface ProvidedContext {
		resendStubUrl: string;
		/** Whether `spamassassin` runs on this machine. */
		spamassassin: boolean;
	}
}

const readBody = async (req: IncomingMessage) => {
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	const text = Buffer.concat(chunks).toString("utf8");
	try {
		return text ? JSON.parse(text) : null;
	} catch {
		return text;
	}
};

export default async function setup(project: TestProject) {
	const requests = new Map<string, Recorded[]>();
	const scripts = new Map<string, Scripted[]>();
	/** Per namespace: Idempotency-Key → the successful answer it got. */
	const accepted = new Map<string, Map<string, [number, unknown]>>();
	let counter = 0;
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? "/", "http://stub");
		const [, ns = "", ...rest] = url.pathname.split("/");
		const path = `/${rest.join("/")}`;
		const body = await readBody(req);
		const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
			// A string body is sent raw (e.g. an HTML error page from a proxy).
			const raw = typeof payload === "string";
			res.writeHead(status, { "content-type": raw ? "text/html" : "application/json", ...headers });
			res.end(raw ? payload : JSON.stringify(payload));
		};
		if (path === "/__script") {
			scripts.set(ns, [...(scripts.get(ns) ?? []), ...(body as Scripted[])]);
			return send(200, { ok: true });
		}
		if (path === "/__requests") return send(200, requests.get(ns) ?? []);
		if (path === "/__spamassassin") return send(...(await spamScore(String(body ?? ""))));
		if (path === "/__delivered") {
			const sent = (requests.get(ns) ?? []).filter((r) => r.status < 300 && !r.replayed);
			return send(
				200,
				sent.flatMap((r) => (Array.isArray(r.body) ? r.body : [r.body])),
			);
		}
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
		const record: Recorded = { method: req.method ?? "", path, headers, body, status: 0, replayed: false };
		requests.set(ns, [...(requests.get(ns) ?? []), record]);
		const key = headers["idempotency-key"];
		const keys = accepted.get(ns) ?? new Map<string, [number, unknown]>();
		accepted.set(ns, keys);
		const earlier = key ? keys.get(key) : undefined;
		if (earlier) {
			record.status = earlier[0];
			record.replayed = true;
			return send(earlier[0], earlier[1]);
		}
		const next = scripts.get(ns)?.shift();
		if (next?.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
		counter++;
		const [status, payload, extra] = next
			? [next.status, next.body ?? {}, next.headers]
			: path === "/emails/batch" && Array.isArray(body)
				? [200, { data: body.map((_, i) => ({ id: `stub-${counter}-${i}` })) }, undefined]
				: [200, { id: `stub-${counter}` }, undefined];
		record.status = status;
		if (key && status < 300) keys.set(key, [status, payload]);
		// The answer may arrive after the client gave up: like Resend, the mail is sent anyway.
		if (res.destroyed || req.socket.destroyed) return;
		return send(status, payload, extra);
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	project.provide("resendStubUrl", `http://127.0.0.1:${port}`);
	const { spawnSync } = await import("node:child_process");
	const sa = spawnSync("spamassassin", ["--version"], { encoding: "utf8" });
	project.provide("spamassassin", sa.status === 0);
	if (sa.status !== 0)
		console.log("[spamassassin] not installed: the deliverability test is skipped (.ci/run installs it).");
	return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
