/**
 * One-click links from our mail. GET /a/:token and GET /u/:token only show what
 * the link would do (mail scanners follow links); POST does it. /u/:token also
 * takes RFC 8058 one-click unsubscribe POSTs from mail providers, which carry no
 * Origin: the signed token is the authorisation, and a pause can be undone.
 */
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { createAccountsRepo } from "../accounts/accounts-repo";
import { setPaused } from "../accounts/pause";
import { applyCommands } from "../commands/apply-commands";
import type { Command } from "../commands/command-grammar";
import { itemsByIds } from "../commands/command-items";
import { nonEmpty } from "../lib/non-empty";
import { type LinkCheck, verifyLink } from "../mail/signed-link";
import type { AppEnv } from "./context";
import { Layout } from "./layout";

export const actionRoutes = new Hono<AppEnv>();

const SNOOZE_CHOICES = [
	{ days: 1, label: "1 day" },
	{ days: 3, label: "3 days" },
	{ days: 7, label: "1 week" },
];

function Page(props: { title: string; children: Child }) {
	return (
		<Layout title={props.title}>
			<h1>{props.title}</h1>
			{props.children}
		</Layout>
	);
}

const LINK_ERRORS: Record<Exclude<LinkCheck, { ok: true }>["reason"], { status: 400 | 410; text: string }> = {
	malformed: { status: 400, text: "This link is incomplete. Reply to the email instead." },
	bad_signature: { status: 400, text: "This link is not valid. Reply to the email instead." },
	expired: { status: 410, text: "This link has expired. Reply to the email, or open your latest digest." },
};

async function check(c: { var: AppEnv["Variables"] }, token: string) {
	const { config, clock } = c.var.services;
	return verifyLink(config.appSecret, token, clock.now());
}

actionRoutes.get("/a/:token", async (c) => {
	const link = await check(c, c.req.param("token"));
	if (!link.ok) {
		const e = LINK_ERRORS[link.reason];
		return c.html(<Page title="Link not usable">{e.text}</Page>, e.status);
	}
	const { db } = c.var.services;
	const [item] = await itemsByIds(db, link.claims.u, link.claims.n ? [link.claims.n] : []);
	if (!item) return c.html(<Page title="Nothing to do">That reminder is gone.</Page>, 404);
	const who = item.contactName || item.contactEmail || item.note || "this reminder";
	if (link.claims.a === "snooze") {
		return c.html(
			<Page title={`Snooze ${who}?`}>
				<form method="post">
					<fieldset>
						<legend>Bring it back in</legend>
						{SNOOZE_CHOICES.map((s, i) => (
							<label class="choice">
								<input type="radio" name="days" value={String(s.days)} checked={i === 1} /> {s.label}
							</label>
						))}
					</fieldset>
					<button type="submit">Snooze</button>
				</form>
			</Page>,
		);
	}
	return c.html(
		<Page title={`Mark ${who} as done?`}>
			<form method="post">
				<button type="submit">Done</button>
			</form>
		</Page>,
	);
});

actionRoutes.post("/a/:token", async (c) => {
	const link = await check(c, c.req.param("token"));
	if (!link.ok || link.claims.a === "unsubscribe" || !link.claims.n) {
		const e = LINK_ERRORS[link.ok ? "malformed" : link.reason];
		return c.html(<Page title="Link not usable">{e.text}</Page>, e.status);
	}
	const { services } = c.var;
	const { db, clock } = services;
	const accounts = createAccountsRepo(db);
	const user = await accounts.findById(link.claims.u);
	const items = await itemsByIds(db, link.claims.u, [link.claims.n]);
	if (!user || !items.length) return c.html(<Page title="Nothing to do">That reminder is gone.</Page>, 404);
	const form = await c.req.parseBody();
	const days = Number(form.days ?? 3);
	const command: Command = {
		action:
			link.claims.a === "done"
				? { kind: "done" }
				: { kind: "snooze", delay: { kind: "days", days: SNOOZE_CHOICES.some((s) => s.days === days) ? days : 3 } },
		target: { kind: "numbers", numbers: [1] },
		line: link.claims.a,
	};
	const applied = await applyCommands({ services, now: clock.now() }, { user }, items, [command]);
	if (applied.writes.length) await db.batch(nonEmpty(applied.writes));
	return c.html(
		<Page title={applied.done.length ? "Done" : "Nothing changed"}>
			{[...applied.done, ...applied.problems].join(" ")}
		</Page>,
	);
});

actionRoutes.get("/u/:token", async (c) => {
	const link = await check(c, c.req.param("token"));
	if (!link.ok || link.claims.a !== "unsubscribe") {
		const e = LINK_ERRORS[link.ok ? "malformed" : link.reason];
		return c.html(<Page title="Link not usable">{e.text}</Page>, e.status);
	}
	return c.html(
		<Page title="Pause your reminders?">
			<p>No digests or reminders until you resume. Everything you track is kept.</p>
			<form method="post">
				<button type="submit">Pause reminders</button>
			</form>
		</Page>,
	);
});

actionRoutes.post("/u/:token", async (c) => {
	const link = await check(c, c.req.param("token"));
	if (!link.ok || link.claims.a !== "unsubscribe") {
		const e = LINK_ERRORS[link.ok ? "malformed" : link.reason];
		return c.text(e.text, e.status);
	}
	const { db } = c.var.services;
	const form = await c.req.parseBody();
	const resume = form.resume === "1";
	await setPaused(db, link.claims.u, !resume);
	// RFC 8058: the provider's POST wants a plain success; a person gets a page with an undo.
	if (form["List-Unsubscribe"] === "One-Click") return c.text("Unsubscribed: reminders are paused.");
	return c.html(
		resume ? (
			<Page title="Reminders are back on">You'll get your next digest as usual.</Page>
		) : (
			<Page title="Reminders paused">
				<p>Changed your mind?</p>
				<form method="post">
					<input type="hidden" name="resume" value="1" />
					<button type="submit">Resume reminders</button>
				</form>
			</Page>
		),
	);
});
