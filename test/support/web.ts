/** Calling the real fetch() handler as a browser would: same-origin form posts, a session cookie. */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { systemClock } from "../../src/config/clock";
import worker from "../../src/index";
import { createSessionRepo } from "../../src/session/session-repo";
import { db } from "./inbound";

export const ORIGIN = "http://127.0.0.1:8787";

/** `path` is ours ("/app") or a whole URL from a mail. */
export async function call(
	path: string,
	init: RequestInit & { cookie?: string } = {},
	bindings: Record<string, unknown> = env as unknown as Record<string, unknown>,
) {
	const headers = new Headers(init.headers);
	if (init.cookie) headers.set("cookie", init.cookie);
	const ctx = createExecutionContext();
	const url = path.startsWith("http") ? path : `${ORIGIN}${path}`;
	const res = await worker.fetch(new Request(url, { ...init, headers, redirect: "manual" }), bindings, ctx);
	await waitOnExecutionContext(ctx);
	return res;
}

/** A form POST, same-origin unless `origin` says otherwise (what the dashboard's forms send). */
export const post = (path: string, body: Record<string, string | string[]> = {}, cookie?: string, origin = ORIGIN) => {
	const form = new URLSearchParams();
	for (const [k, v] of Object.entries(body)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
	return call(path, {
		method: "POST",
		headers: { "content-type": "application/x-www-form-urlencoded", origin },
		body: form.toString(),
		...(cookie ? { cookie } : {}),
	});
};

/** A live session for the user, as the cookie header a browser would send. */
export async function sessionCookie(userId: string): Promise<string> {
	const { token } = await createSessionRepo(db).create(userId, systemClock.now());
	return `ft_session=${token}`;
}

/** The value of a Set-Cookie for `name`, or null. */
export function setCookie(res: Response, name: string): string | null {
	return res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? null;
}
