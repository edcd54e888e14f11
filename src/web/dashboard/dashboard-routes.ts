/** Everything under /app: behind a session, every page and form scoped to the signed-in user. */
import { Hono } from "hono";
import { requireSession } from "../auth/require-user";
import type { AppEnv } from "../context";
import { accountRoutes } from "./account-routes";
import { calendarSettingsRoutes } from "./calendar-settings";
import { contactsRoutes } from "./contacts-routes";
import { insightsRoutes } from "./insights-routes";
import { settingsRoutes } from "./settings-routes";
import { todayRoutes } from "./today-routes";

export const dashboardRoutes = new Hono<AppEnv>();
dashboardRoutes.use("*", requireSession);
dashboardRoutes.use("*", async (c, next) => {
	await next();
	// Pages show personal data: never cache them.
	c.header("Cache-Control", "no-store");
});
dashboardRoutes.route("/", todayRoutes);
dashboardRoutes.route("/", contactsRoutes);
dashboardRoutes.route("/", settingsRoutes);
dashboardRoutes.route("/", insightsRoutes);
dashboardRoutes.route("/", calendarSettingsRoutes);
dashboardRoutes.route("/", accountRoutes);
