/** Activity (the inbound log), Export (JSON and CSV), and Delete account. */
import { Hono } from "hono";
import { deleteAccount } from "../../accounts/delete-account";
import { CSV_TABLES, exportData, exportTable, toCsv } from "../../accounts/export-data";
import { activity } from "../../inbound/activity";
import { formatLocal } from "../../time/local-time";
import { clearSessionCookie } from "../auth/session-cookie";
import type { AppEnv } from "../context";
import { Layout } from "../layout";
import { AppPage, Pager, pageAt } from "./app-page";

export const accountRoutes = new Hono<AppEnv>();

const OUTCOME_WORDS: Record<string, string> = {
	accepted: "done",
	ignored: "ignored",
	rejected: "refused",
	held: "held until you confirmed",
};

accountRoutes.get("/activity", async (c) => {
	const { user, services } = c.var;
	const at = pageAt((k) => c.req.query(k));
	const list = await activity(services.db, user.id, at);
	const failed = list.page === 1 ? await services.outbox.recentFailures(user.id, services.clock.now(), 30, 10) : [];
	return c.html(
		<AppPage title="Activity" current="/app/activity">
			<h1>Activity</h1>
			{failed.length ? (
				<section class="card" aria-labelledby="failed-h">
					<h2 id="failed-h">Mail we could not deliver to you (last 30 days)</h2>
					<ul>
						{failed.map((f) => (
							<li>
								{formatLocal(f.createdAt, user.timezone)}: "{f.subject}"{" "}
								<span class="muted">({(f.error ?? "refused").slice(0, 160)})</span>
							</li>
						))}
					</ul>
					<p class="muted">Check the address in Settings; the reminders themselves are still on Today.</p>
				</section>
			) : null}
			<p class="muted">Every email you sent us, and what it did.</p>
			{list.items.length ? (
				<table>
					<caption class="visually-hidden">Inbound emails</caption>
					<thead>
						<tr>
							<th scope="col">When</th>
							<th scope="col">Email</th>
							<th scope="col">What happened</th>
						</tr>
					</thead>
					<tbody>
						{list.items.map((a) => (
							<tr>
								<td>{formatLocal(a.at, user.timezone)}</td>
								<td>
									{a.subject || "(no subject)"}
									<div class="muted">to {a.to}</div>
								</td>
								<td>
									{OUTCOME_WORDS[a.outcome] ?? a.outcome}: {a.reason.replaceAll("_", " ")}
									{a.detail ? <div class="muted">{a.detail}</div> : null}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<p>No emails yet.</p>
			)}
			<Pager base="/app/activity" page={list.page} hasNext={list.hasNext} next={list.next} prev={list.prev} />
		</AppPage>,
	);
});

accountRoutes.get("/export", (c) =>
	c.html(
		<AppPage title="Export" current="/app/export">
			<h1>Export your data</h1>
			<p>Everything we keep about you, yours to take.</p>
			<ul>
				<li>
					<a href="/app/export.json" download>
						Everything, as JSON
					</a>
				</li>
				{CSV_TABLES.map((t) => (
					<li>
						<a href={`/app/export.csv?table=${t}`} download>
							{t === "mailFromUs" ? "Mail we sent you" : t[0]?.toUpperCase() + t.slice(1)}, as CSV
						</a>
					</li>
				))}
			</ul>
		</AppPage>,
	),
);

const download = (name: string) => ({
	"Content-Disposition": `attachment; filename="${name}"`,
	"Cache-Control": "no-store",
});

accountRoutes.get("/export.json", async (c) => {
	const { user, services } = c.var;
	const data = await exportData(services.db, user.id, services.clock.now());
	return c.json(data, 200, download("followthrough-export.json"));
});

accountRoutes.get("/export.csv", async (c) => {
	const table = CSV_TABLES.find((t) => t === c.req.query("table"));
	if (!table) return c.text(`Choose a table: ${CSV_TABLES.join(", ")}.`, 400);
	const { user, services } = c.var;
	return c.body(toCsv(await exportTable(services.db, user.id, table)), 200, {
		"Content-Type": "text/csv; charset=utf-8",
		...download(`followthrough-${table}.csv`),
	});
});

accountRoutes.get("/delete", (c) =>
	c.html(
		<AppPage title="Delete account" current={null}>
			<h1>Delete your account</h1>
			<p>
				This deletes your account and everything in it right away: contacts, reminders, history, settings and addresses.
				It cannot be undone. You may want to <a href="/app/export">export your data</a> first.
			</p>
			<form method="post" action="/app/delete" class="card stack" data-confirm="Delete your account and all its data?">
				<div>
					<label for="confirm">Type DELETE to confirm</label>
					<br />
					<input type="text" id="confirm" name="confirm" required autocomplete="off" />
				</div>
				<button type="submit" class="danger">
					Delete my account
				</button>
			</form>
		</AppPage>,
	),
);

accountRoutes.post("/delete", async (c) => {
	const body = await c.req.parseBody();
	if (typeof body.confirm !== "string" || body.confirm.trim().toUpperCase() !== "DELETE")
		return c.html(
			<AppPage title="Delete account" current={null}>
				<h1>Not deleted</h1>
				<p class="error" role="alert">
					Type DELETE to confirm. <a href="/app/delete">Try again</a>.
				</p>
			</AppPage>,
			400,
		);
	await deleteAccount(c.var.services.db, c.var.user.id);
	clearSessionCookie(c);
	return c.html(
		<Layout title="Account deleted">
			<h1>Your account is deleted</h1>
			<p>Everything is gone. Thank you for trying Followthrough. Mail you send us from now on starts afresh.</p>
		</Layout>,
	);
});
