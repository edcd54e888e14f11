/** Today: due and upcoming nudges, each with Done and Snooze (plain forms; they work without JavaScript). */
import { Hono } from "hono";
import { z } from "zod";
import { actOnNudge } from "../../commands/item-actions";
import { lazy } from "../../lib/lazy";
import { wordNudge } from "../../nudges/nudge-wording";
import { formatLocal } from "../../time/local-time";
import type { NudgeKind } from "../../tracking/nudge-kinds";
import { todayNudges } from "../../tracking/today-nudges";
import { safeNext } from "../auth/require-user";
import type { AppEnv } from "../context";
import { AppPage, Pager, pageAt, setNotice, takeNotice } from "./app-page";
import { NotFound } from "./not-found";
import { NudgeActions, SNOOZE_DAYS } from "./nudge-actions";

export const todayRoutes = new Hono<AppEnv>();

todayRoutes.get("/", async (c) => {
	const { user } = c.var;
	const now = c.var.services.clock.now();
	const list = await todayNudges(
		c.var.services.db,
		user.id,
		now,
		pageAt((k) => c.req.query(k)),
	);
	return c.html(
		<AppPage title="Today" current="/app" notice={takeNotice(c)}>
			<h1>Today</h1>
			{user.status === "paused" ? (
				<p class="error">
					Reminders are paused. Resume them in <a href="/app/settings">Settings</a>.
				</p>
			) : null}
			{list.items.length === 0 ? (
				<p>Nothing due. BCC track@ on your next outreach, or forward an introduction.</p>
			) : (
				<ol class="items">
					{list.items.map((n) => {
						const due = n.dueAt.getTime() <= now.getTime();
						// An upcoming item reads as it will on its day ("3 days, no reply").
						const words = wordNudge({ ...n, kind: n.kind as NudgeKind }, due ? now : n.dueAt, user.timezone);
						return (
							<li>
								<div class="what">
									<span class={due ? "tag due" : "tag"}>
										{due ? "due now" : `due ${formatLocal(n.dueAt, user.timezone)}`}
									</span>{" "}
									<strong>
										{n.contactId ? <a href={`/app/contacts/${n.contactId}`}>{words.action}</a> : words.action}
									</strong>
									<br />
									<span>{words.reason}</span>
									{words.context ? (
										<>
											<br />
											<span class="muted">{words.context}</span>
										</>
									) : null}
								</div>
								<NudgeActions id={n.id} label={words.action} back="/app" />
							</li>
						);
					})}
				</ol>
			)}
			<Pager base="/app" page={list.page} hasNext={list.hasNext} next={list.next} prev={list.prev} />
		</AppPage>,
	);
});

const ActionForm = lazy(() =>
	z.object({
		days: z.coerce
			.number()
			.int()
			.refine((d) => (SNOOZE_DAYS as readonly number[]).includes(d))
			.optional(),
		back: z.string().max(300).optional(),
	}),
);

/** Done / Snooze from Today or a contact page; back to where the form was. */
todayRoutes.post("/nudges/:id/:action{done|snooze}", async (c) => {
	const { services, user } = c.var;
	const form = ActionForm().safeParse(await c.req.parseBody());
	if (!form.success || (c.req.param("action") === "snooze" && !form.data.days))
		return c.text("Choose how long to snooze: 1, 3, 7 or 14 days.", 400);
	const action =
		c.req.param("action") === "snooze" && form.data.days
			? { kind: "snooze" as const, days: form.data.days }
			: { kind: "done" as const };
	const outcome = await actOnNudge(services, user, c.req.param("id"), action);
	if (!outcome.ok && outcome.reason === "not_found") return c.html(<NotFound />, 404);
	setNotice(c, outcome.ok ? outcome.lines.join(" ") : outcome.problems.join(" "));
	return c.redirect(safeNext(form.data.back), 303);
});
