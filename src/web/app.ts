/** The fetch() side: one Hono app. Services are built once per request by the entry point. */
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { buildServices } from "../app/services";
import type { Clock } from "../config/clock";
import { parseEnv } from "../config/env";
import { actionRoutes } from "./action-routes";
import { api } from "./api/api-routes";
import { assetRoutes } from "./assets";
import { signInRoutes } from "./auth/sign-in-routes";
import type { AppEnv } from "./context";
import { dashboardRoutes } from "./dashboard/dashboard-routes";
import { devMailboxRoutes } from "./dev-mailbox-routes";
import { faviconRoutes } from "./favicon-route";
import { ERROR_STATUS, errorJson, internalError } from "./http-errors";

export function createApp(deps: { clock: Clock }) {
	const app = new Hono<AppEnv>();
	app.use(
		"*",
		secureHeaders({
			contentSecurityPolicy: {
				defaultSrc: ["'self'"],
				scriptSrc: ["'self'"],
				styleSrc: ["'self'"],
				imgSrc: ["'self'", "data:"],
				formAction: ["'self'"],
				frameAncestors: ["'none'"],
				baseUri: ["'none'"],
				objectSrc: ["'none'"],
			},
		}),
	);
	// CSRF on every route. The one exception is the RFC 8058 one-click unsubscribe
	// POST, which mail providers send from their servers without an Origin; its
	// signed link is the authorisation and the pause can be undone.
	const guard = csrf();
	app.use("*", (c, next) => (c.req.method === "POST" && c.req.path.startsWith("/u/") ? next() : guard(c, next)));
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
	app.get("/", (c) => c.redirect("/app", 302));
	app.route("/assets", assetRoutes);
	app.route("/", faviconRoutes);
	app.route("/dev", devMailboxRoutes);
	app.route("/", signInRoutes);
	app.route("/app", dashboardRoutes);
	app.route("/api/v1", api);
	app.route("/", actionRoutes);
	app.notFound((c) => c.json(errorJson("not_found", "Not found"), ERROR_STATUS.not_found));
	app.onError((err, c) => {
		// Expected refusals from middleware (CSRF 403…) keep their status.
		if (err instanceof HTTPException) return err.getResponse();
		return internalError(c, "http_error", err);
	});
	return app;
}
