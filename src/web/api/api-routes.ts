/**
 * The JSON API under /api/v1, for scripts and other tools: contacts, nudges and
 * the actions on them, with a per-user API token (Settings → API tokens).
 * Inputs are validated by zod; every error has one shape; the OpenAPI document
 * is generated from the same route definitions at /api/v1/openapi.json.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { type ActionOutcome, actOnNudge, stopContact } from "../../commands/item-actions";
import { decodeCursor, type PageAt } from "../../lib/paging";
import { contactDetail, contactThreads } from "../../tracking/contact-detail";
import { listContacts } from "../../tracking/contacts-list";
import { isOpen } from "../../tracking/nudge-kinds";
import { todayNudges } from "../../tracking/today-nudges";
import { requireApiToken } from "../auth/require-user";
import { calendarFeedRoutes } from "../calendar-feed-routes";
import type { AppEnv } from "../context";
import { codeForStatus, ERROR_STATUS, errorJson, internalError } from "../http-errors";
import { apiSchemas, iso, Paged, pagedJson } from "./api-schemas";
import { registerInsightsApi } from "./insights-api";

/** The page asked for; null when `after` is not a cursor of ours. */
const pageFrom = (page: number, after: string | undefined): PageAt | null => {
	if (after === undefined) return { page };
	const cursor = decodeCursor(after);
	return cursor ? { page, after: cursor } : null;
};
const badCursor = (c: Context<AppEnv>) =>
	c.json(
		errorJson("bad_request", "The request is not valid.", [{ path: "after", message: "Not a cursor from `next`." }]),
		ERROR_STATUS.bad_request,
	);

/**
 * The API app, built on its first request (lazy-api.ts): its zod schemas, validators and
 * OpenAPI registry are the costliest part of the Worker to build, and startup CPU counts.
 */
export function buildApi(): OpenAPIHono<AppEnv> {
	const { ActionResult, Contact, ContactsQuery, ContactWithHistory, ErrorBody, IdParam, Nudge, PageQuery, SnoozeBody } =
		apiSchemas();
	const api = new OpenAPIHono<AppEnv>({
		defaultHook: (result, c) => {
			if (result.success) return;
			const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
			return c.json(errorJson("bad_request", "The request is not valid.", issues), ERROR_STATUS.bad_request);
		},
	});

	const errorResponse = (description: string) => ({
		description,
		content: { "application/json": { schema: ErrorBody } },
	});
	const errors = {
		400: errorResponse("Invalid input"),
		401: errorResponse("No valid API token"),
		404: errorResponse("Not found (or not yours)"),
	};
	const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
		description,
		content: { "application/json": { schema } },
	});
	const security = [{ bearer: [] }];

	api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
		type: "http",
		scheme: "bearer",
		description: "An API token from Settings → API tokens (ft_…).",
	});

	api.use("/contacts/*", requireApiToken);
	api.use("/contacts", requireApiToken);
	api.use("/nudges/*", requireApiToken);
	api.use("/nudges", requireApiToken);

	api.openapi(
		createRoute({
			method: "get",
			path: "/contacts",
			summary: "List contacts (search by name or address, filter by status)",
			security,
			request: { query: ContactsQuery },
			responses: { 200: json(Paged(Contact), "A page of contacts"), 400: errors[400], 401: errors[401] },
		}),
		async (c) => {
			const { q, status, page, after } = c.req.valid("query");
			const at = pageFrom(page, after);
			if (!at) return badCursor(c);
			const list = await listContacts(c.var.services.db, c.var.user.id, { q, status, at });
			return c.json(
				pagedJson(list, (r) => ({
					id: r.id,
					name: r.name,
					email: r.email,
					status: r.status,
					lastContactAt: iso(r.lastContactAt),
					nextNudgeAt: iso(r.nextNudgeAt),
					referrer: r.referrerName ?? r.referrerEmail,
				})),
				200,
			);
		},
	);

	api.openapi(
		createRoute({
			method: "get",
			path: "/contacts/{id}",
			summary: "One contact with its threads and latest 100 nudges",
			security,
			request: { params: IdParam },
			responses: { 200: json(z.object({ data: ContactWithHistory }), "The contact"), ...errors },
		}),
		async (c) => {
			const { db } = c.var.services;
			const d = await contactDetail(db, c.var.user.id, c.req.valid("param").id);
			if (!d) return c.json(errorJson("not_found", "No such contact."), ERROR_STATUS.not_found);
			const { contact } = d;
			const threads = await contactThreads(db, c.var.user.id, contact.id);
			const open = d.nudges.filter((n) => isOpen(n.state));
			return c.json(
				{
					data: {
						id: contact.id,
						name: contact.name,
						email: contact.email,
						status: contact.status,
						lastContactAt: iso(contact.lastContactAt),
						// The one open nudge's due time, as in the list (past once due or delivered).
						nextNudgeAt: iso(open[0]?.dueAt ?? null),
						referrer: d.referrer ? (d.referrer.name ?? d.referrer.email) : null,
						notes: contact.notes,
						threads: threads.map((t) => ({
							id: t.id,
							kind: t.kind,
							state: t.state,
							subject: t.subject,
							attempts: t.attempts,
						})),
						nudges: d.nudges.map((n) => ({
							id: n.id,
							kind: n.kind,
							state: n.state,
							dueAt: n.dueAt.toISOString(),
							contactId: n.contactId,
							contactName: contact.name,
							contactEmail: contact.email,
							subject: null,
							note: n.note,
						})),
					},
				},
				200,
			);
		},
	);

	const outcomeResponse = (c: Parameters<Parameters<typeof api.openapi>[1]>[0], o: ActionOutcome) => {
		if (o.ok) return c.json({ data: { done: o.lines } }, 200);
		if (o.reason === "not_found") return c.json(errorJson("not_found", "Not found."), ERROR_STATUS.not_found);
		return c.json(errorJson("not_applied", o.problems.join(" ") || "Nothing changed."), ERROR_STATUS.not_applied);
	};
	const actionResponses = {
		200: json(ActionResult, "What changed, one line per item"),
		409: errorResponse("Nothing to change (e.g. already closed)"),
		...errors,
	};

	api.openapi(
		createRoute({
			method: "post",
			path: "/contacts/{id}/stop",
			summary: "Stop tracking a contact: open threads close, pending nudges are cancelled",
			security,
			request: { params: IdParam },
			responses: actionResponses,
		}),
		async (c) => outcomeResponse(c, await stopContact(c.var.services, c.var.user, c.req.valid("param").id)),
	);

	api.openapi(
		createRoute({
			method: "get",
			path: "/nudges",
			summary: "Due and upcoming nudges (and ones sent in the last 7 days, until done)",
			security,
			request: { query: PageQuery },
			responses: { 200: json(Paged(Nudge), "A page of nudges, soonest first"), 400: errors[400], 401: errors[401] },
		}),
		async (c) => {
			const { services, user } = c.var;
			const { page, after } = c.req.valid("query");
			const at = pageFrom(page, after);
			if (!at) return badCursor(c);
			const list = await todayNudges(services.db, user.id, services.clock.now(), at);
			return c.json(
				pagedJson(list, (n) => ({
					id: n.id,
					kind: n.kind,
					state: n.state,
					dueAt: n.dueAt.toISOString(),
					contactId: n.contactId,
					contactName: n.contactName,
					contactEmail: n.contactEmail,
					subject: n.subject,
					note: n.note,
				})),
				200,
			);
		},
	);

	api.openapi(
		createRoute({
			method: "post",
			path: "/nudges/{id}/done",
			summary: "Mark a nudge done",
			security,
			request: { params: IdParam },
			responses: actionResponses,
		}),
		async (c) =>
			outcomeResponse(c, await actOnNudge(c.var.services, c.var.user, c.req.valid("param").id, { kind: "done" })),
	);

	api.openapi(
		createRoute({
			method: "post",
			path: "/nudges/{id}/snooze",
			summary: "Snooze a nudge for some days (it comes back at the digest hour)",
			security,
			request: { params: IdParam, body: { content: { "application/json": { schema: SnoozeBody } }, required: true } },
			responses: actionResponses,
		}),
		async (c) => {
			const { id } = c.req.valid("param");
			const { days } = c.req.valid("json");
			return outcomeResponse(c, await actOnNudge(c.var.services, c.var.user, id, { kind: "snooze", days }));
		},
	);

	registerInsightsApi(api);
	api.route("/calendar", calendarFeedRoutes);

	api.doc31("/openapi.json", {
		openapi: "3.1.0",
		info: {
			title: "Followthrough API",
			version: "1.0.0",
			description: "Contacts, nudges and the actions on them. Authenticate with an API token from Settings.",
		},
		servers: [{ url: "/api/v1" }],
	});

	api.onError((err, c) => {
		// Refusals raised below the handlers (malformed JSON, CSRF) keep their status, in our shape.
		if (err instanceof HTTPException && err.status < 500) {
			return c.json(errorJson(codeForStatus(err.status), err.message || "The request is not valid."), err.status);
		}
		return internalError(c, "api_error", err);
	});

	return api;
}
