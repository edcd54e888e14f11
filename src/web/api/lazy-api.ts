/**
 * /api/v1, built on the first API request instead of at Worker startup. The API's
 * zod schemas, validators and OpenAPI registry (api-routes.ts) were the largest part
 * of what the Worker built at import, and Cloudflare counts startup CPU on every cold
 * start (issue 14); a dashboard page or an inbound mail never needs them.
 *
 * Hono fixes its routes when it first matches, so the API cannot be mounted later:
 * the request is handed whole to a separate app holding the API, with the variables
 * the outer app set (services) going along with it.
 */

import { type Context, Hono } from "hono";
import { lazy } from "../../lib/lazy";
import { logRecovered } from "../../lib/log";
import type { AppEnv } from "../context";
import { ERROR_STATUS, errorJson } from "../http-errors";
import { buildApi } from "./api-routes";

type Vars = Partial<AppEnv["Variables"]>;

/** The outer request's variables, found again by the API app from the same Request. */
const handedOver = new WeakMap<Request, Vars>();

const apiApp = lazy(() => {
	const app = new Hono<AppEnv>();
	app.use("*", async (c, next) => {
		for (const [key, value] of Object.entries(handedOver.get(c.req.raw) ?? {})) {
			c.set(key as keyof AppEnv["Variables"], value as never);
		}
		await next();
	});
	app.route("/api/v1", buildApi());
	app.notFound((c) => c.json(errorJson("not_found", "Not found"), ERROR_STATUS.not_found));
	return app;
});

/** Hono's `executionCtx` throws when the caller passed none. */
function executionCtxOf(c: Context<AppEnv>): ExecutionContext | undefined {
	try {
		return c.executionCtx as ExecutionContext;
	} catch (err) {
		// Only a caller without one (a test calling app.request) gets here; the API then runs without waitUntil.
		logRecovered("no_execution_context", err, { where: "api", fallback: "no waitUntil" });
		return undefined;
	}
}

/** Mounted at /api/v1/*: answers every API request with the API app, built once. */
export function lazyApi(c: Context<AppEnv>): Response | Promise<Response> {
	handedOver.set(c.req.raw, c.var);
	return apiApp().fetch(c.req.raw, c.env, executionCtxOf(c));
}
