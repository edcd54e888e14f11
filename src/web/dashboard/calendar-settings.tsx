/**
 * Settings → Calendar feed: a secret address a calendar app subscribes to (each
 * open nudge an event on its due date). It is shown once, when made; only its
 * hash is kept. A new address retires the old one; "Turn off" revokes it.
 */
import { Hono } from "hono";
import type { Db } from "../../db/client";
import { createCalendarTokenRepo } from "../../insights/calendar-tokens";
import { formatLocal } from "../../time/local-time";
import type { AppEnv } from "../context";
import { AppPage, setNotice } from "./app-page";

export async function CalendarFeedSection(props: { db: Db; userId: string; timezone: string; now: Date }) {
	const feed = await createCalendarTokenRepo(props.db).current(props.userId, props.now);
	return (
		<section class="card stack" aria-labelledby="cal-h">
			<h2 id="cal-h">Calendar feed</h2>
			<p>
				{feed
					? `On since ${formatLocal(feed.createdAt, props.timezone)}. Your calendar shows each open reminder on its day.`
					: "Off. Turn it on to see each open reminder in your calendar on its day, with a link back here."}
			</p>
			<form method="post" action="/app/settings/calendar" class="inline">
				<button type="submit">{feed ? "Make a new address" : "Get a calendar address"}</button>
			</form>{" "}
			{feed ? (
				<form method="post" action="/app/settings/calendar/revoke" class="inline">
					<button type="submit" class="secondary">
						Turn off
					</button>
				</form>
			) : null}
		</section>
	);
}

export const calendarSettingsRoutes = new Hono<AppEnv>();

calendarSettingsRoutes.post("/settings/calendar", async (c) => {
	const { services, user } = c.var;
	const secret = await createCalendarTokenRepo(services.db).create(user.id, services.clock.now());
	const url = `${services.config.publicUrl}/api/v1/calendar/${secret}.ics`;
	// Shown once, on this response: never stored in clear or carried in a cookie.
	return c.html(
		<AppPage title="Calendar feed" current="/app/settings">
			<h1>Your calendar address</h1>
			<div class="card stack">
				<p>Subscribe to it in your calendar app ("add calendar from URL"). It is shown only now; keep it private.</p>
				<label for="cal-url">Calendar address</label>
				<input type="text" id="cal-url" readonly value={url} size={70} />
				<p class="muted">Any earlier address has stopped working. You can turn the feed off in Settings.</p>
				<p>
					<a href="/app/settings">Back to Settings</a>
				</p>
			</div>
		</AppPage>,
	);
});

calendarSettingsRoutes.post("/settings/calendar/revoke", async (c) => {
	const { services, user } = c.var;
	const off = await createCalendarTokenRepo(services.db).revoke(user.id, services.clock.now());
	setNotice(c, off ? "Calendar feed turned off: its address no longer works." : "The calendar feed was already off.");
	return c.redirect("/app/settings", 303);
});
