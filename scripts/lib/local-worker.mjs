// A local Worker for the scripts that drive one (demo, load, browser tests): the one
// already answering on the port, or `npm start` on a fresh local D1 in a temp folder.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const freePort = () =>
	new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once("error", reject);
		srv.listen(0, "127.0.0.1", () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});

async function answers(base) {
	try {
		return (await fetch(`${base}/health`)).ok;
	} catch {
		return false;
	}
}

/**
 * `{ base, persistDir, started, stop() }`. With `reuse`, a Worker already on the port
 * is used (its D1 is the repository's .wrangler state); otherwise one is started.
 */
export async function localWorker({ port, reuse = true, label = "worker" }) {
	const base = `http://127.0.0.1:${port}`;
	if (reuse && (await answers(base)))
		return { base, persistDir: join(root, ".wrangler", "state"), started: false, stop: () => {} };
	const persistDir = mkdtempSync(join(tmpdir(), `followthrough-${label}-`));
	let log = "";
	const server = spawn(process.execPath, [join(root, "scripts", "start.mjs")], {
		cwd: root,
		env: { ...process.env, PORT: String(port), FOLLOWTHROUGH_PERSIST: persistDir },
		stdio: ["ignore", "pipe", "pipe"],
		detached: true,
	});
	server.stdout.on("data", (d) => (log += d));
	server.stderr.on("data", (d) => (log += d));
	const stop = () => {
		try {
			process.kill(-server.pid, "SIGTERM");
		} catch {
			// Already gone.
		}
		rmSync(persistDir, { recursive: true, force: true });
	};
	const deadline = Date.now() + 90_000;
	while (!(await answers(base))) {
		if (Date.now() > deadline || server.exitCode !== null) {
			stop();
			throw new Error(`the local Worker did not start on ${base}:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	return { base, persistDir, started: true, stop };
}
