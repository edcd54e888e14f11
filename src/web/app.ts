/** The fetch() side: one Hono app. Services are built once per request by the entry point. */
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { Services } from "../app/services";
import { type Config, parseEnv } from "../config/env";
import { actionRoutes } from "./action-routes";
import { api } from "./api/api-routes";
import { assetRoutes } from "./assets";
import { signInRoutes } from "./auth/sign-in-routes";
import type { AppEnv } from "./context";
import { dashboardRoutes } from "./dashboard/dashboard-routes";
import { devClockRoutes } from "./dev-clock-routes";
import { devMailboxRoutes } from "./dev-mailbox-routes";
import { faviconRoutes } from "./favicon-route";
import { ERROR_STATUS, errorJson, internalError } from "./http-errors";

export function createApp(deps: { servicesFor: (config: Config) => Promise<Services> }) {
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
	// signed link is the authorisation and the pause can be undone. The dev clock's
	// POST and DELETE are exempt too: loopback tooling, 404 outside development.
	const guard = csrf();
	const exempt = (method: string, path: string) =>
		(method === "POST" && path.startsWith("/u/")) || path === "/dev/clock";
	app.use("*", (c, next) => (exempt(c.req.method, c.req.path) ? next() : guard(c, next)));
	app.use("*", async (c, next) => {
		const parsed = parseEnv(c.env);
		if (!parsed.ok) {
			console.error(parsed.error);
			return c.text(`${parsed.error}\n`, 500);
		}
		c.set("services", await deps.servicesFor(parsed.config));
		await next();
	});
	app.get("/health", (c) => c.json({ ok: true, environment: c.var.services.config.environment }));
	app.get("/", (c) => c.redirect("/app", 302));
	app.route("/assets", assetRoutes);
	app.route("/", faviconRoutes);
	app.route("/dev", devMailboxRoutes);
	app.route("/dev", devClockRoutes);
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
