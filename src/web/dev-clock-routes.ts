/**
 * The dev clock (DESIGN.md, "Local runtime contract"), development only:
 * POST /dev/clock?time=<epoch ms> sets every handler's "now", GET reads it,
 * DELETE returns to real time. Anywhere else all three answer 404.
 */
import { Hono } from "hono";
import { z } from "zod";
import { createDevClockRepo } from "../app/dev-clock";
import { systemClock } from "../config/clock";
import { lazy } from "../lib/lazy";
import type { AppEnv } from "./context";
import { ERROR_STATUS, errorJson } from "./http-errors";

/** The range a JavaScript Date can hold. */
const MAX_MS = 8.64e15;
const time = lazy(() =>
	z
		.string()
		.regex(/^\d{1,16}$/)
		.transform(Number)
		.pipe(z.number().max(MAX_MS)),
);

export const devClockRoutes = new Hono<AppEnv>();

devClockRoutes.use("/clock", async (c, next) => {
	if (!c.var.services.config.isDevelopment) return c.notFound();
	await next();
});

devClockRoutes.get("/clock", (c) => c.json({ now: c.var.services.clock.now().toISOString() }));

devClockRoutes.post("/clock", async (c) => {
	const parsed = time().safeParse(c.req.query("time") ?? "");
	if (!parsed.success) {
		return c.json(
			errorJson("bad_request", "time must be epoch milliseconds, e.g. /dev/clock?time=1795442400000"),
			ERROR_STATUS.bad_request,
		);
	}
	await createDevClockRepo(c.var.services.db).set({ setTo: parsed.data, setAt: systemClock.now().getTime() });
	return c.json({ now: new Date(parsed.data).toISOString() });
});

devClockRoutes.delete("/clock", async (c) => {
	await createDevClockRepo(c.var.services.db).clear();
	return c.json({ now: systemClock.now().toISOString() });
});
