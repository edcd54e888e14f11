/** The fetch() side: one Hono app. Services are built once per request by the entry point. */
import { Hono } from "hono";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { Services } from "../app/services";
import { type Config, parseEnv } from "../config/env";
import { actionRoutes } from "./action-routes";
import { lazyApi } from "./api/lazy-api";
import { assetRoutes } from "./assets";
import { addressRoutes } from "./auth/address-routes";
import { signInRoutes } from "./auth/sign-in-routes";
import type { AppEnv } from "./context";
import { dashboardRoutes } from "./dashboard/dashboard-routes";
import { devClockRoutes } from "./dev-clock-routes";
import { devMailboxRoutes } from "./dev-mailbox-routes";
import { faviconRoutes } from "./favicon-route";
import { ERROR_STATUS, errorJson, internalError } from "./http-errors";
import { TitledPage } from "./layout";
import { csrfGuard, developmentOnLoopbackOnly } from "./request-guards";

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
	app.use("*", csrfGuard);
	app.use("*", async (c, next) => {
		const parsed = parseEnv(c.env);
		if (!parsed.ok) {
			console.error(parsed.error);
			return c.text(`${parsed.error}\n`, 500);
		}
		c.set("services", await deps.servicesFor(parsed.config));
		await next();
	});
	app.use("*", developmentOnLoopbackOnly);
	app.get("/health", (c) => c.json({ ok: true, environment: c.var.services.config.environment }));
	app.get("/", (c) => c.redirect("/app", 302));
	app.route("/assets", assetRoutes);
	app.route("/", faviconRoutes);
	app.route("/dev", devMailboxRoutes);
	app.route("/dev", devClockRoutes);
	app.route("/", signInRoutes);
	app.route("/", addressRoutes);
	app.route("/app", dashboardRoutes);
	app.all("/api/v1/*", lazyApi);
	app.route("/", actionRoutes);
	// A browser (Accept: text/html) outside the API gets a page; everything else the one JSON error shape.
	app.notFound((c) =>
		!c.req.path.startsWith("/api/") && (c.req.header("accept") ?? "").includes("text/html")
			? c.html(
					TitledPage({ title: "Not found", children: html`There is nothing here. <a href="/app">Back to Today</a>.` }),
					ERROR_STATUS.not_found,
				)
			: c.json(errorJson("not_found", "Not found"), ERROR_STATUS.not_found),
	);
	app.onError((err, c) => {
		// Expected refusals from middleware (CSRF 403…) keep their status.
		if (err instanceof HTTPException) return err.getResponse();
		return internalError(c, "http_error", err);
	});
	return app;
}
