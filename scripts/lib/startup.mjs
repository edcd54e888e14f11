// The Worker's startup cost, as Cloudflare measures it: `wrangler check startup` builds
// the Worker, profiles its startup phase in a local workerd, and prints the bundle size
// and the active CPU time. One run on a busy machine is noisy, so take the median.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { root } from "./local-worker.mjs";

const require = createRequire(import.meta.url);
const wrangler = join(dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** One `wrangler check startup`: `{ active_ms, bundle_kib, gzip_kib }`. Needs Node ≥ 22 (npm scripts run the pinned one). */
export function checkStartupOnce() {
	const dir = mkdtempSync(join(tmpdir(), "followthrough-startup-"));
	try {
		const run = spawnSync(
			process.execPath,
			[wrangler, "check", "startup", "--outfile", join(dir, "startup.cpuprofile")],
			{
				cwd: root,
				env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
				encoding: "utf8",
			},
		);
		const out = `${run.stdout}\n${run.stderr}`;
		const bundle = out.match(/Bundle:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/);
		const active = out.match(/Active:\s*([\d.]+)\s*ms/);
		if (run.status !== 0 || !bundle || !active) throw new Error(`wrangler check startup failed:\n${out}`);
		return { active_ms: Number(active[1]), bundle_kib: Number(bundle[1]), gzip_kib: Number(bundle[2]) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The median active time of `runs` checks, with the bundle's size. */
export function checkStartup(runs = 3) {
	const all = Array.from({ length: runs }, () => checkStartupOnce());
	return {
		active_ms: Math.round(median(all.map((r) => r.active_ms)) * 10) / 10,
		gzip_kib: Math.round(all[0].gzip_kib),
		bundle_kib: Math.round(all[0].bundle_kib),
		runs_active_ms: all.map((r) => r.active_ms),
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(JSON.stringify(checkStartup(Number(process.argv[2] ?? 3))));
}
