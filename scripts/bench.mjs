#!/usr/bin/env node
// `npm run bench`: runs the workerd benchmarks (test/bench/) and prints their figures,
// with one merged BENCH_JSON line last. While they run it samples the resident memory
// of the workerd processes (Linux /proc), since the Worker cannot measure itself. Then it
// measures the Worker's startup with `wrangler check startup` (median of
// FOLLOWTHROUGH_STARTUP_RUNS runs, 5 by default): BENCH_JSON's `startup`.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { checkStartup } from "./lib/startup.mjs";

const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");

function workerdRssKiB() {
	let total = 0;
	for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
		try {
			if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("workerd")) continue;
			const rss = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)/m);
			total += Number(rss?.[1] ?? 0);
		} catch {
			// The process ended between listing and reading.
		}
	}
	return total;
}

let peakKiB = 0;
const sampler = setInterval(() => {
	try {
		peakKiB = Math.max(peakKiB, workerdRssKiB());
	} catch {
		// No /proc (not Linux): no memory figure.
	}
}, 100);

const child = spawn(process.execPath, [vitest, "run", "--reporter=dot"], {
	env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", FOLLOWTHROUGH_BENCH: "1" },
});
let out = "";
child.stdout.on("data", (d) => (out += d));
child.stderr.on("data", (d) => (out += d));
child.on("close", (code) => {
	clearInterval(sampler);
	const lines = out.split("\n").map((l) => stripVTControlCharacters(l).trim());
	for (const l of lines.filter((l) => l.startsWith("BENCH "))) console.log(l.slice(6));
	const json = lines.filter((l) => l.startsWith("BENCH_JSON "));
	if (code !== 0 || json.length === 0) {
		console.error(out);
		process.exit(code || 1);
	}
	const merged = Object.assign({}, ...json.map((l) => JSON.parse(l.slice("BENCH_JSON ".length))));
	if (peakKiB) {
		merged.peak_workerd_rss_mib = Math.round(peakKiB / 1024);
		console.log(`peak workerd memory (RSS, all benchmarks): ${merged.peak_workerd_rss_mib} MiB`);
	}
	const startup = checkStartup(Number(process.env.FOLLOWTHROUGH_STARTUP_RUNS || 5));
	merged.startup = { active_ms: startup.active_ms, gzip_kib: startup.gzip_kib, bundle_kib: startup.bundle_kib };
	console.log(
		`startup (wrangler check startup, median of ${startup.runs_active_ms.length}): ${startup.active_ms} ms active CPU ` +
			`(runs: ${startup.runs_active_ms.join(", ")}), bundle ${startup.bundle_kib} KiB, ${startup.gzip_kib} KiB gzip`,
	);
	console.log(`BENCH_JSON ${JSON.stringify(merged)}`);
});
