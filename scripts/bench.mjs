#!/usr/bin/env node
// `npm run bench`: runs the workerd benchmarks and prints their figures, with the
// BENCH_JSON line last (the benchmarks log it; vitest's own summary would follow it).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const run = spawnSync(process.execPath, [vitest, "run", "--config", "vitest.bench.config.ts", "--reporter=dot"], {
	encoding: "utf8",
	maxBuffer: 64 * 1024 * 1024,
	env: { ...process.env, FORCE_COLOR: "0" },
});
const out = `${run.stdout}\n${run.stderr}`;
const figures = out.split("\n").filter((l) => l.startsWith("BENCH "));
const json = out.split("\n").filter((l) => l.startsWith("BENCH_JSON "));
for (const l of figures) console.log(l.slice(6));
if (run.status !== 0 || json.length === 0) {
	console.error(out);
	process.exit(run.status || 1);
}
const merged = Object.assign({}, ...json.map((l) => JSON.parse(l.slice("BENCH_JSON ".length))));
console.log(`BENCH_JSON ${JSON.stringify(merged)}`);
