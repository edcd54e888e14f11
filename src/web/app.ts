/** The fetch() side: one Hono app. Services are built once per request by the entry point. */
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { buildServices } from "../app/services";
import type { Clock } from "../config/clock";
import { parseEnv } from "../config/env";
import type { AppEnv } from "./context";
import { devMailboxRoutes } from "./dev-mailbox-routes";

export function createApp(deps: { clock: Clock }) {
	const app = new Hono<AppEnv>();
	app.use("*", secureHeaders());
	app.use("*", async (c, next) => {
		const parsed = parseEnv(c.env);
		if (!parsed.ok) {
			console.error(parsed.error);
			return c.text(`${parsed.error}\n`, 500);
		}
		c.set("services", buildServices(parsed.config, deps.clock));
		await next();
	});
	app.get("/health", (c) => c.json({ ok: true, environment: c.var.services.config.environment }));
	app.get("/", (c) =>
		c.text(
			[
				"Followthrough: BCC track@ on outreach, forward introductions, get one calm daily digest.",
				`Mail domain: ${c.var.services.config.mailDomain}`,
			].join("\n"),
		),
	);
	app.route("/dev", devMailboxRoutes);
	app.notFound((c) => c.json({ error: { code: "not_found", message: "Not found" } }, 404));
	app.onError((err, c) => {
		console.error(JSON.stringify({ event: "http_error", path: c.req.path, error: String(err) }));
		return c.json({ error: { code: "internal", message: "Something went wrong on our side." } }, 500);
	});
	return app;
}
