#!/usr/bin/env node
// The browser suite (test/browser): a real Chromium (Debian's, /usr/bin/chromium, or
// CHROMIUM_PATH) driven by playwright-core against the Worker as `npm start` serves it,
// on a free port with a fresh local D1. Without Chromium it says so and skips.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { freePort, localWorker, root } from "./lib/local-worker.mjs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
	console.log(
		`[browser] ${chromium} not found: the browser tests were skipped (apt-get install chromium to run them).`,
	);
	process.exit(0);
}

let worker;
try {
	worker = await localWorker({ port: await freePort(), reuse: false, label: "browser" });
} catch (e) {
	console.error(`[browser] ${e.message}`);
	process.exit(1);
}
const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const run = spawn(process.execPath, [vitest, "run", "--config", "vitest.browser.config.ts"], {
	cwd: root,
	env: { ...process.env, FOLLOWTHROUGH_URL: worker.base, CHROMIUM_PATH: chromium },
	stdio: "inherit",
});
const code = await new Promise((resolve) => run.on("exit", (c) => resolve(c ?? 1)));
worker.stop();
process.exit(code);
