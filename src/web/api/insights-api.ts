/**
 * GET /api/v1/insights: the Insights page's numbers as JSON (definitions:
 * src/insights/insights-sql.ts). Registered on the API app by api-routes.ts.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { loadInsights } from "../../insights/load-insights";
import { requireApiToken } from "../auth/require-user";
import type { AppEnv } from "../context";
import { apiSchemas } from "./api-schemas";

/** Called while the API app is built (lazy-api.ts), so these schemas are built then, not at startup. */
export function registerInsightsApi(api: OpenAPIHono<AppEnv>) {
	const { ErrorBody } = apiSchemas();
	const Side = z.object({ total: z.number().int(), replied: z.number().int() });
	const InsightsBody = z
		.object({
			replyRate: z.object({ intro: Side, cold: Side }),
			replyTime: z.object({
				medianMs: z.number().nullable(),
				replied: z.number().int(),
				buckets: z.record(z.string(), z.number().int()),
			}),
			rungs: z.array(z.number().int()).openapi({
				description: "Replies by the last follow-up delivered before them: [none, 1st, 2nd, 3rd, last try]",
			}),
			weeks: z.array(z.object({ monday: z.string(), outreach: z.number().int(), replies: z.number().int() })),
			intros: z.object({
				total: z.number().int(),
				reached: z.number().int(),
				withinDay: z.number().int(),
				medianReachMs: z.number().nullable(),
				loopsClosed: z.number().int(),
				loopsOpen: z.number().int(),
			}),
		})
		.openapi("Insights");
	api.use("/insights", requireApiToken);
	api.openapi(
		createRoute({
			method: "get",
			path: "/insights",
			summary: "Reply rates, reply times, which follow-up earned the reply, outreach per week, intros",
			security: [{ bearer: [] }],
			responses: {
				200: { description: "The user's insights", content: { "application/json": { schema: InsightsBody } } },
				401: { description: "No valid API token", content: { "application/json": { schema: ErrorBody } } },
			},
		}),
		async (c) => c.json(await loadInsights(c.var.services.db, c.var.user, c.var.services.clock.now()), 200),
	);
}
