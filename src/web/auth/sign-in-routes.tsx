/**
 * Sign-in by magic link. GET /signin asks for the address; POST mails a link
 * (the answer is the same whether or not the address has an account). The link's
 * GET only shows a button, because mail scanners open links; its POST redeems
 * the single-use token and starts a session. POST /signout ends it.
 */
import { Hono } from "hono";
import { z } from "zod";
import { lazy } from "../../lib/lazy";
import { createSessionRepo } from "../../session/session-repo";
import { checkSignInRequest, mailSignInLink, redeemSignIn, SIGN_IN_MINUTES } from "../../session/sign-in";
import type { AppEnv } from "../context";
import { Layout } from "../layout";
import { safeNext } from "./require-user";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "./session-cookie";

export const signInRoutes = new Hono<AppEnv>();

const SignInForm = lazy(() => z.object({ email: z.string().max(254), next: z.string().max(500).optional() }));

function AddressForm(props: { next: string; error?: string; value?: string }) {
	return (
		<form method="post" action="/signin" class="card stack">
			{props.error ? (
				<p class="error" role="alert" id="email-error">
					{props.error}
				</p>
			) : null}
			<div>
				<label for="email">Your email address</label>
				<br />
				<input
					type="email"
					id="email"
					name="email"
					autocomplete="email"
					required
					value={props.value ?? ""}
					aria-describedby={props.error ? "email-error" : undefined}
				/>
			</div>
			<input type="hidden" name="next" value={props.next} />
			<button type="submit">Email me a sign-in link</button>
		</form>
	);
}

signInRoutes.get("/signin", (c) => {
	const next = safeNext(c.req.query("next"));
	return c.html(
		<Layout title="Sign in">
			<h1>Sign in</h1>
			<p>We email you a link that signs you in. It works once, for {SIGN_IN_MINUTES} minutes.</p>
			<AddressForm next={next} />
		</Layout>,
	);
});

signInRoutes.post("/signin", async (c) => {
	const form = SignInForm().safeParse(await c.req.parseBody());
	const next = safeNext(form.success ? form.data.next : null);
	if (!form.success)
		return c.html(
			<Layout title="Sign in">
				<h1>Sign in</h1>
				<AddressForm next={next} error="Enter an email address." />
			</Layout>,
			400,
		);
	const ip = c.req.header("cf-connecting-ip") ?? "local";
	const result = await checkSignInRequest(c.var.services, form.data.email, ip);
	switch (result.kind) {
		case "invalid_address":
			return c.html(
				<Layout title="Sign in">
					<h1>Sign in</h1>
					<AddressForm next={next} value={form.data.email} error="That doesn't look like an email address." />
				</Layout>,
				400,
			);
		case "rate_limited": {
			const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
			c.header("Retry-After", String(Math.ceil(result.retryAfterMs / 1000)));
			return c.html(
				<Layout title="Too many requests">
					<h1>Too many sign-in requests</h1>
					<p>
						Please wait {minutes} {minutes === 1 ? "minute" : "minutes"}, then try again. The links already sent still
						work.
					</p>
				</Layout>,
				429,
			);
		}
		case "accepted": {
			// Looked up and mailed after the answer: the same answer, in the same time, for any address.
			const services = c.var.services;
			c.executionCtx.waitUntil(
				mailSignInLink(services, result.address, next).catch((e) =>
					console.error(JSON.stringify({ event: "sign_in_mail_failed", error: String(e) })),
				),
			);
			return c.html(
				<Layout title="Check your email">
					<h1>Check your email</h1>
					<p>
						If <strong>{form.data.email.trim()}</strong> belongs to a Followthrough account, a sign-in link is on its
						way. It works once, for {SIGN_IN_MINUTES} minutes.
					</p>
					<p class="muted">No account yet? BCC track@ on your next outreach: your first email creates one.</p>
				</Layout>,
			);
		}
	}
});

signInRoutes.get("/signin/:token", (c) =>
	c.html(
		<Layout title="Sign in">
			<h1>Sign in to Followthrough</h1>
			<form method="post">
				<button type="submit">Sign in</button>
			</form>
		</Layout>,
	),
);

signInRoutes.post("/signin/:token", async (c) => {
	const { services } = c.var;
	const redeemed = await redeemSignIn(services, c.req.param("token"));
	if (!redeemed.ok)
		return c.html(
			<Layout title="Link not usable">
				<h1>This sign-in link can't be used</h1>
				<p>
					It was already used or has expired. <a href="/signin">Get a new link</a>.
				</p>
			</Layout>,
			400,
		);
	const session = await createSessionRepo(services.db).create(redeemed.userId, services.clock.now());
	setSessionCookie(c, session.token, session.expiresAt);
	return c.redirect(safeNext(redeemed.next), 303);
});

signInRoutes.post("/signout", async (c) => {
	const token = readSessionCookie(c);
	const { db, clock } = c.var.services;
	if (token) {
		const repo = createSessionRepo(db);
		const session = await repo.find(token, clock.now());
		if (session) await repo.revoke(session.user.id, session.id, clock.now());
	}
	clearSessionCookie(c);
	return c.redirect("/signin", 303);
});
