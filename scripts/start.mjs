#!/usr/bin/env node
// `npm start`: apply every migration to the local D1, print copy-paste curl lines,
// then serve the Worker with wrangler dev on 127.0.0.1 (PORT overrides 8787). Offline;
// no Cloudflare account. npm runs this on the pinned Node (devDependency "node").
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const wrangler = join(dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
	console.error(`PORT must be a port number (1-65535), got "${process.env.PORT}".`);
	process.exit(1);
}
const mailDomain = process.env.MAIL_DOMAIN || "followthrough.test";
// Offline by contract: no metrics, and no fetch of workers.cloudflare.com/cf.json for request.cf
// (miniflare's fallback values serve; nothing here reads request.cf). Without this, an offline start
// prints "getaddrinfo ENOTFOUND workers.cloudflare.com".
const env = {
	...process.env,
	WRANGLER_SEND_METRICS: "false",
	CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? "false",
	CI: process.env.CI ?? "1",
};
// FOLLOWTHROUGH_PERSIST: keep the local D1 in another folder (the browser tests and the
// demo use a fresh one, so they never touch your .wrangler state).
const persist = process.env.FOLLOWTHROUGH_PERSIST ? ["--persist-to", process.env.FOLLOWTHROUGH_PERSIST] : [];

const migrate = spawnSync(process.execPath, [wrangler, "d1", "migrations", "apply", "DB", "--local", ...persist], {
	cwd: root,
	env,
	stdio: "inherit",
});
if (migrate.status !== 0) {
	console.error("Applying migrations to the local D1 failed; see above.");
	process.exit(migrate.status ?? 1);
}

const base = `http://127.0.0.1:${port}`;
const inThreeDays = Date.now() + 3 * 24 * 60 * 60 * 1000;
console.log(`
Followthrough is starting at ${base} (mail domain ${mailDomain}).

  Deliver a sample email (BCC'd outreach):
    curl -sS -X POST '${base}/cdn-cgi/handler/email?from=you@example.com&to=track@${mailDomain}' --data-binary @examples/outreach.eml

  Run the cron as if it were 3 days from now (time is epoch ms; pick any):
    curl -sS '${base}/cdn-cgi/handler/scheduled?cron=*/15+*+*+*+*&time=${inThreeDays}'

  Outgoing mail: ${base}/dev/mailbox  (JSON: ${base}/dev/mailbox.json)

  A new sender is asked to confirm first. Reply to the verification mail:
    RT=$(curl -s ${base}/dev/mailbox.json | node -pe 'JSON.parse(require("fs").readFileSync(0)).at(-1).replyTo')
    curl -sS -X POST "${base}/cdn-cgi/handler/email?from=you@example.com&to=$RT" --data-binary @examples/confirm-reply.eml
`);

const dev = spawn(
	process.execPath,
	[
		wrangler,
		"dev",
		"--local",
		"--ip",
		"127.0.0.1",
		"--port",
		String(port),
		"--var",
		"ENVIRONMENT:development",
		"--var",
		`MAIL_DOMAIN:${mailDomain}`,
		"--var",
		`PUBLIC_URL:${base}`,
		"--show-interactive-dev-session=false",
		...persist,
	],
	{ cwd: root, env, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
