#!/usr/bin/env node
// The browser suite (test/browser): a real Chromium (Debian's, /usr/bin/chromium, or
// CHROMIUM_PATH) driven by playwright-core against the Worker as `npm start` serves it,
// on a free port with a fresh local D1. Without Chromium it says so and skips.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
	console.log(
		`[browser] ${chromium} not found: the browser tests were skipped (apt-get install chromium to run them).`,
	);
	process.exit(0);
}

const freePort = () =>
	new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once("error", reject);
		srv.listen(0, "127.0.0.1", () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const persist = mkdtempSync(join(tmpdir(), "followthrough-browser-"));
const server = spawn(process.execPath, [join(root, "scripts", "start.mjs")], {
	cwd: root,
	env: { ...process.env, PORT: String(port), FOLLOWTHROUGH_PERSIST: persist },
	stdio: ["ignore", "pipe", "pipe"],
	detached: true,
});
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));
const stop = () => {
	try {
		process.kill(-server.pid, "SIGTERM");
	} catch {
		// Already gone.
	}
	rmSync(persist, { recursive: true, force: true });
};

async function waitForServer() {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(`${base}/health`)).ok) return true;
		} catch {
			// Not up yet.
		}
		if (server.exitCode !== null) return false;
		await new Promise((r) => setTimeout(r, 300));
	}
	return false;
}

if (!(await waitForServer())) {
	console.error(`[browser] the local Worker did not start on ${base}:\n${serverLog}`);
	stop();
	process.exit(1);
}
const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const run = spawn(process.execPath, [vitest, "run", "--config", "vitest.browser.config.ts"], {
	cwd: root,
	env: { ...process.env, FOLLOWTHROUGH_URL: base, CHROMIUM_PATH: chromium },
	stdio: "inherit",
});
const code = await new Promise((resolve) => run.on("exit", (c) => resolve(c ?? 1)));
stop();
process.exit(code);
