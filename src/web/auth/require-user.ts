/**
 * Who is signed in. Pages without a live session redirect to /signin (back to a
 * path of ours afterwards, never elsewhere); the API answers 401 in its error shape.
 */
import { createMiddleware } from "hono/factory";
import { createApiTokenRepo } from "../../session/api-tokens";
import { createSessionRepo } from "../../session/session-repo";
import type { AppEnv } from "../context";
import { ERROR_STATUS, errorJson } from "../http-errors";
import { readSessionCookie } from "./session-cookie";

/** Only a path on this site may be a post-sign-in destination (no open redirects). */
export function safeNext(next: string | undefined | null): string {
	return next && /^\/app(?:[/?#]|$)/.test(next) && !next.includes("//") && !next.includes("\\") ? next : "/app";
}

export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
	const token = readSessionCookie(c);
	const { db, clock } = c.var.services;
	const session = token ? await createSessionRepo(db).find(token, clock.now()) : null;
	if (!session) {
		const url = new URL(c.req.url);
		return c.redirect(`/signin?next=${encodeURIComponent(safeNext(url.pathname + url.search))}`, 303);
	}
	c.set("user", session.user);
	c.set("sessionId", session.id);
	await next();
});

export const requireApiToken = createMiddleware<AppEnv>(async (c, next) => {
	const header = c.req.header("authorization") ?? "";
	const bearer = header.match(/^Bearer\s+(\S+)$/i)?.[1];
	const { db, clock } = c.var.services;
	const user = bearer ? await createApiTokenRepo(db).userFor(bearer, clock.now()) : null;
	if (!user)
		return c.json(
			errorJson("unauthorized", "Send an API token: Authorization: Bearer ft_…"),
			ERROR_STATUS.unauthorized,
			{
				"WWW-Authenticate": 'Bearer realm="followthrough"',
			},
		);
	c.set("user", user);
	await next();
});
