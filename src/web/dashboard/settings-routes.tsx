/**
 * Settings: timezone, digest time, digest or instant, working days, pause; the
 * account's addresses; API tokens; signed-in sessions. Every form posts and
 * comes back here with a one-line notice.
 */
import { type Context, Hono } from "hono";
import { createAccountsRepo } from "../../accounts/accounts-repo";
import { ADD_ADDRESS_PER_DAY, addAddress, waitingAddresses } from "../../accounts/add-address";
import { setPaused } from "../../accounts/pause";
import { saveSettings, validateSettings } from "../../accounts/settings";
import { createApiTokenRepo } from "../../session/api-tokens";
import { createSessionRepo } from "../../session/session-repo";
import { formatLocal, formatMinutes } from "../../time/local-time";
import type { AppEnv } from "../context";
import { AppPage, setNotice, takeNotice } from "./app-page";
import { CalendarFeedSection } from "./calendar-settings";
import { NotFound } from "./not-found";

export const settingsRoutes = new Hono<AppEnv>();

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const ADDRESS_ERRORS = {
	invalid: "That isn't an address we can use.",
	already_yours: "That address is already yours.",
} as const;

const first = (v: string | File | (string | File)[] | undefined) =>
	typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : "";
const all = (v: string | File | (string | File)[] | undefined) =>
	(Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");

async function settingsPage(c: Context<AppEnv>, extra: { errors?: Record<string, string>; newToken?: string } = {}) {
	const { user, services, sessionId } = c.var;
	const now = services.clock.now();
	const [addresses, waiting, apiTokens, sessions] = await Promise.all([
		createAccountsRepo(services.db).addressesOf(user.id),
		waitingAddresses(services.db, user.id, now),
		createApiTokenRepo(services.db).list(user.id, now),
		createSessionRepo(services.db).list(user.id, now),
	]);
	const e = extra.errors ?? {};
	const err = (k: string) =>
		e[k] ? (
			<p class="error" id={`${k}-error`} role="alert">
				{e[k]}
			</p>
		) : null;
	return (
		<AppPage title="Settings" current="/app/settings" notice={takeNotice(c)}>
			<h1>Settings</h1>
			<form method="post" action="/app/settings" class="card stack">
				<h2>Reminders</h2>
				{err("timezone")}
				<div>
					<label for="timezone">Timezone</label>
					<br />
					<input type="text" id="timezone" name="timezone" value={user.timezone} required />
					<span class="muted"> an IANA name or a city, e.g. Europe/Berlin</span>
				</div>
				{err("digestTime")}
				<div>
					<label for="digestTime">Digest time</label>
					<br />
					<input type="text" id="digestTime" name="digestTime" value={formatMinutes(user.digestMinutes)} required />
				</div>
				<fieldset>
					<legend>How reminders come</legend>
					<label class="choice">
						<input type="radio" name="mode" value="digest" checked={user.mode === "digest"} /> One digest a day
					</label>
					<label class="choice">
						<input type="radio" name="mode" value="instant" checked={user.mode === "instant"} /> Each reminder on its
						own, when due
					</label>
				</fieldset>
				{err("followUpDays")}
				<fieldset>
					<legend>Follow-up cadence, while no reply comes</legend>
					<label for="followUpDays">First follow-up after (days)</label>{" "}
					<input
						type="number"
						id="followUpDays"
						name="followUpDays"
						min="1"
						max="30"
						value={String(user.followUpDays)}
					/>
					<br />
					<label for="followUpEvery">Then every (days)</label>{" "}
					<input
						type="number"
						id="followUpEvery"
						name="followUpEvery"
						min="1"
						max="30"
						value={String(user.followUpEvery)}
					/>
					<p class="muted">Three follow-ups, then a last try. New reminders use the new cadence.</p>
				</fieldset>
				{err("days")}
				<fieldset>
					<legend>Days that count for follow-ups (the cadence skips the others)</legend>
					{WEEKDAYS.map((d, i) => (
						<label class="choice">
							<input
								type="checkbox"
								name="days"
								value={String(i + 1)}
								checked={(user.businessDays & (1 << (i + 1))) !== 0}
							/>{" "}
							{d}
						</label>
					))}
				</fieldset>
				<button type="submit">Save settings</button>
			</form>

			<section class="card stack" aria-labelledby="pause-h">
				<h2 id="pause-h">Pause</h2>
				<p>{user.status === "paused" ? "Reminders are paused. Everything you track is kept." : "Reminders are on."}</p>
				<form method="post" action={user.status === "paused" ? "/app/settings/resume" : "/app/settings/pause"}>
					<button type="submit" class="secondary">
						{user.status === "paused" ? "Resume reminders" : "Pause reminders"}
					</button>
				</form>
			</section>

			<section class="card stack" aria-labelledby="addr-h">
				<h2 id="addr-h">Your addresses</h2>
				<ul>
					{addresses.map((a) => (
						<li>{a}</li>
					))}
					{waiting
						.filter((a) => !addresses.includes(a))
						.map((a) => (
							<li class="muted">{a} (asked: added once it replies yes)</li>
						))}
				</ul>
				{err("address")}
				<form method="post" action="/app/settings/addresses" class="inline">
					<label for="address">Add an address</label>
					<input type="email" id="address" name="address" required />
					<button type="submit">Send confirmation</button>
				</form>
			</section>

			<section class="card stack" aria-labelledby="api-h">
				<h2 id="api-h">API tokens</h2>
				{extra.newToken ? (
					<p class="flash" role="status">
						Your new token (shown only now): <code>{extra.newToken}</code>
					</p>
				) : null}
				{apiTokens.length ? (
					<ul>
						{apiTokens.map((t) => (
							<li>
								{t.label ?? "API token"} <span class="muted">created {formatLocal(t.createdAt, user.timezone)}</span>{" "}
								<form method="post" action={`/app/settings/api-tokens/${t.id}/revoke`} class="inline">
									<button type="submit" class="secondary" aria-label={`Revoke ${t.label ?? "API token"}`}>
										Revoke
									</button>
								</form>
							</li>
						))}
					</ul>
				) : (
					<p class="muted">No tokens. The API lives under /api/v1 (OpenAPI at /api/v1/openapi.json).</p>
				)}
				<form method="post" action="/app/settings/api-tokens" class="inline">
					<label for="label">Name</label>
					<input type="text" id="label" name="label" maxlength={60} />
					<button type="submit">Create token</button>
				</form>
			</section>

			<CalendarFeedSection db={services.db} userId={user.id} timezone={user.timezone} now={now} />

			<section class="card stack" aria-labelledby="sess-h">
				<h2 id="sess-h">Signed-in sessions</h2>
				<ul>
					{sessions.map((s) => (
						<li>
							Signed in {formatLocal(s.createdAt, user.timezone)}
							{s.id === sessionId ? <strong> (this browser)</strong> : null}{" "}
							<form method="post" action={`/app/settings/sessions/${s.id}/revoke`} class="inline">
								<button type="submit" class="secondary">
									Sign out
								</button>
							</form>
						</li>
					))}
				</ul>
			</section>

			<p>
				<a href="/app/delete">Delete your account…</a>
			</p>
		</AppPage>
	);
}

settingsRoutes.get("/settings", async (c) => c.html(await settingsPage(c)));

settingsRoutes.post("/settings", async (c) => {
	const body = await c.req.parseBody({ all: true });
	const result = validateSettings({
		timezone: first(body.timezone),
		digestTime: first(body.digestTime),
		mode: first(body.mode),
		days: all(body.days).map(Number),
		followUpDays: first(body.followUpDays),
		followUpEvery: first(body.followUpEvery),
	});
	if (!result.ok) return c.html(await settingsPage(c, { errors: result.errors }), 400);
	await saveSettings(c.var.services.db, c.var.user.id, result.saved);
	setNotice(c, `Saved: digest at ${formatMinutes(result.saved.digestMinutes)} ${result.saved.timezone}.`);
	return c.redirect("/app/settings", 303);
});

settingsRoutes.post("/settings/:action{pause|resume}", async (c) => {
	const paused = c.req.param("action") === "pause";
	await setPaused(c.var.services.db, c.var.user.id, paused);
	setNotice(c, paused ? "Paused: no reminders until you resume." : "Resumed: reminders are back on.");
	return c.redirect("/app/settings", 303);
});

// The answer is the same whether or not the address has an account: that is settled by its yes.
settingsRoutes.post("/settings/addresses", async (c) => {
	const address = first((await c.req.parseBody()).address).slice(0, 320);
	const added = await addAddress(c.var.services, c.var.user.id, address);
	if (!added.ok && added.reason === "rate_limited") {
		const hours = Math.max(1, Math.ceil(added.retryAfterMs / 3_600_000));
		c.header("Retry-After", String(Math.ceil(added.retryAfterMs / 1000)));
		const wait = `You asked for ${ADD_ADDRESS_PER_DAY} addresses today. Try again in ${hours} ${hours === 1 ? "hour" : "hours"}.`;
		return c.html(await settingsPage(c, { errors: { address: wait } }), 429);
	}
	if (!added.ok) return c.html(await settingsPage(c, { errors: { address: ADDRESS_ERRORS[added.reason] } }), 400);
	setNotice(c, `We asked ${address.trim()} for a yes: once it replies "yes" or opens the link we sent, it is added.`);
	return c.redirect("/app/settings", 303);
});

settingsRoutes.post("/settings/api-tokens", async (c) => {
	const label = first((await c.req.parseBody()).label);
	const token = await createApiTokenRepo(c.var.services.db).create(c.var.user.id, label, c.var.services.clock.now());
	// Shown once, on this response, never stored in clear or carried in a cookie.
	return c.html(await settingsPage(c, { newToken: token }));
});

settingsRoutes.post("/settings/api-tokens/:id/revoke", async (c) => {
	const ok = await createApiTokenRepo(c.var.services.db).revoke(
		c.var.user.id,
		c.req.param("id"),
		c.var.services.clock.now(),
	);
	if (!ok) return c.html(<NotFound />, 404);
	setNotice(c, "Token revoked.");
	return c.redirect("/app/settings", 303);
});

settingsRoutes.post("/settings/sessions/:id/revoke", async (c) => {
	const { user, services, sessionId } = c.var;
	const id = c.req.param("id");
	if (!(await createSessionRepo(services.db).revoke(user.id, id, services.clock.now())))
		return c.html(<NotFound />, 404);
	if (id === sessionId) return c.redirect("/signin", 303);
	setNotice(c, "That session is signed out.");
	return c.redirect("/app/settings", 303);
});
