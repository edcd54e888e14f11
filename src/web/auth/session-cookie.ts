/**
 * The session cookie: HttpOnly, SameSite=Lax, Secure and `__Host-` prefixed
 * outside local development (where the app is served over plain http).
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../context";

const secure = (c: Context<AppEnv>) => c.var.services.config.environment !== "development";
const name = (c: Context<AppEnv>) => (secure(c) ? "__Host-ft_session" : "ft_session");

export const readSessionCookie = (c: Context<AppEnv>) => getCookie(c, name(c)) ?? null;

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date) {
	setCookie(c, name(c), token, {
		httpOnly: true,
		secure: secure(c),
		sameSite: "Lax",
		path: "/",
		expires: expiresAt,
	});
}

export function clearSessionCookie(c: Context<AppEnv>) {
	deleteCookie(c, name(c), { path: "/", secure: secure(c) });
}
