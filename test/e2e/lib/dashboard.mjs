// The dashboard as a user reaches it: a magic link from the dev mailbox, a session
// cookie, forms posted from the page's own origin; and the JSON API with a token
// created in Settings.
import assert from "node:assert/strict";
import { BASE, call, mark, waitForMail } from "./worker.mjs";

const form = (fields) => ({
	method: "POST",
	headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
	body: new URLSearchParams(fields).toString(),
	redirect: "manual",
});

/** Signs in by magic link; `{ get(path), post(path, fields) }` carry the session cookie. */
export async function signIn(user) {
	const since = await mark();
	const asked = await call("/signin", form({ email: user.address }));
	assert.equal(asked.res?.status, 200, `POST /signin: ${asked.res?.status} ${asked.body.slice(0, 200)}`);
	const mail = await waitForMail(user.address, (m) => /\/signin\/\w+/.test(m.text), {
		since,
		what: "the sign-in link",
	});
	const link = new URL(mail.text.match(/https?:\/\/\S+\/signin\/\w+/)[0]);
	const redeemed = await call(link.pathname, form({}));
	const cookie = (redeemed.res?.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
	assert.ok(cookie, `the sign-in link gave no session (${redeemed.res?.status})`);
	const withCookie = (init) => ({ ...init, headers: { ...init.headers, cookie } });
	return {
		get: (path) => call(path, withCookie({ redirect: "manual" })),
		post: (path, fields) => call(path, withCookie(form(fields))),
	};
}

/** Settings → API tokens → Create token: the token shown once. */
export async function apiToken(session) {
	const page = await session.post("/app/settings/api-tokens", { label: "e2e" });
	const token = page.body.match(/ft_[A-Za-z0-9_-]+/)?.[0];
	assert.ok(token, `Settings showed no new API token (${page.res?.status})`);
	return token;
}

/** GET an /api/v1 path with a bearer token → the parsed JSON. */
export async function api(token, path) {
	const r = await call(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
	assert.equal(r.res?.status, 200, `GET /api/v1${path}: ${r.res?.status} ${r.body.slice(0, 200)}`);
	return JSON.parse(r.body);
}
