/**
 * GET /api/v1/calendar/<secret>.ics: the user's open nudges as iCalendar, for a
 * calendar app to subscribe to. The secret in the path is the only credential
 * (stored hashed); an unknown or revoked one is a plain 404.
 */
import { Hono } from "hono";
import { calendarFeed } from "../insights/calendar-feed";
import { createCalendarTokenRepo, openNudgesForFeed } from "../insights/calendar-tokens";
import type { AppEnv } from "./context";
import { ERROR_STATUS, errorJson } from "./http-errors";

export const calendarFeedRoutes = new Hono<AppEnv>();

calendarFeedRoutes.get("/:file{[a-z2-7]{26}\\.ics}", async (c) => {
	const { db, clock, config } = c.var.services;
	const now = clock.now();
	const user = await createCalendarTokenRepo(db).userFor(c.req.param("file").slice(0, -4), now);
	if (!user) return c.json(errorJson("not_found", "Not found"), ERROR_STATUS.not_found);
	const body = calendarFeed(await openNudgesForFeed(db, user.id), {
		publicUrl: config.publicUrl,
		uidDomain: config.mailDomain,
		now,
	});
	return c.body(body, 200, {
		"Content-Type": "text/calendar; charset=utf-8",
		"Cache-Control": "private, no-store",
		"Referrer-Policy": "no-referrer",
	});
});
