#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end scenarios (test/e2e/*.e2e.mjs) with Node's own test
// runner, against one Worker as `npm start` serves it, on a free port with a fresh
// local D1. The scenarios share the Worker's dev clock, so they run one at a time.
//   npm run test:e2e                                   every scenario
//   npm run test:e2e -- test/e2e/issue12-attacks.e2e.mjs   some files
//   npm run test:e2e -- --test-name-pattern="snooze"   some scenarios
// FOLLOWTHROUGH_URL=http://127.0.0.1:8787 uses a Worker already running there instead.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { freePort, localWorker, root } from "./lib/local-worker.mjs";

const started = Date.now();
const args = process.argv.slice(2);
const chosen = args.filter((a) => a.endsWith(".e2e.mjs"));
const options = args.filter((a) => !a.endsWith(".e2e.mjs"));
const dir = join(root, "test", "e2e");
const files = chosen.length
	? chosen
	: readdirSync(dir)
			.filter((f) => f.endsWith(".e2e.mjs"))
			.sort()
			.map((f) => join("test", "e2e", f));

let worker = { base: process.env.FOLLOWTHROUGH_URL, stop: () => {} };
if (!worker.base) {
	try {
		worker = await localWorker({ port: await freePort(), reuse: false, label: "e2e" });
	} catch (e) {
		console.error(`[e2e] ${e.message}`);
		process.exit(1);
	}
}
console.log(`[e2e] Worker at ${worker.base} (up in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

const run = spawn(process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=spec", ...options, ...files], {
	cwd: root,
	env: { ...process.env, FOLLOWTHROUGH_URL: worker.base },
	stdio: "inherit",
});
const stop = () => {
	run.kill("SIGTERM");
	worker.stop();
};
for (const signal of ["SIGINT", "SIGTERM"])
	process.on(signal, () => {
		stop();
		process.exit(1);
	});
const code = await new Promise((resolve) => run.on("exit", (c) => resolve(c ?? 1)));
worker.stop();
console.log(`[e2e] ${code === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
