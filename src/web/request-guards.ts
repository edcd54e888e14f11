/**
 * Guards every request passes before a route sees it.
 *
 * - CSRF (hono/csrf) on every state-changing request, except two that carry their
 *   own authorisation and no cookie: the RFC 8058 one-click unsubscribe POST
 *   (/u/…, sent by mail providers without an Origin; its signed link authorises
 *   it), the API (/api/…) called with a bearer token, whose POSTs may have no
 *   Content-Type at all, and the dev clock (/dev/clock: loopback tooling, 404
 *   outside development).
 * - Development only answers on loopback: `ENVIRONMENT=development` opens the dev
 *   mailbox and uses a public APP_SECRET, so on any other Host it refuses.
 */
import { csrf } from "hono/csrf";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context";

const guard = csrf();

const carriesOwnAuth = (method: string, path: string, authorization: string | undefined) =>
	(method === "POST" && path.startsWith("/u/")) ||
	path === "/dev/clock" ||
	(path.startsWith("/api/") && /^Bearer\s/i.test(authorization ?? ""));

export const csrfGuard = createMiddleware<AppEnv>((c, next) =>
	carriesOwnAuth(c.req.method, c.req.path, c.req.header("authorization")) ? next() : guard(c, next),
);

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export const isLoopbackHost = (url: string) => {
	const host = new URL(url).hostname.toLowerCase();
	return LOOPBACK.has(host) || host.endsWith(".localhost");
};

/** After the services are built: refuses a development Worker reached by any non-loopback name. */
export const developmentOnLoopbackOnly = createMiddleware<AppEnv>(async (c, next) => {
	if (c.var.services.config.isDevelopment && !isLoopbackHost(c.req.url))
		return c.text("This Worker runs in development mode, which answers only on 127.0.0.1 or localhost.\n", 403);
	await next();
});
