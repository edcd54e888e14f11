#!/usr/bin/env node
// `npm run fuzz [runs] [seed]`: the fuzz suites (test/fuzz) with many more runs than
// `npm test` makes (default 2,000 per property) and a fresh random seed, printed so
// a failure can be replayed: `npm run fuzz 2000 <seed>`.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const runs = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
	console.error("usage: npm run fuzz [runs] [seed]");
	process.exit(2);
}
console.log(`fuzz: ${runs} runs per property, seed ${seed}`);
const r = spawnSync(process.execPath, [vitest, "run", "test/fuzz", "--testTimeout", String(runs * 500)], {
	stdio: "inherit",
	env: { ...process.env, FOLLOWTHROUGH_FUZZ_RUNS: String(runs), FOLLOWTHROUGH_FUZZ_SEED: String(seed) },
});
console.log(`fuzz: seed ${seed}${r.status === 0 ? "" : ` (replay with: npm run fuzz ${runs} ${seed})`}`);
process.exit(r.status ?? 1);
