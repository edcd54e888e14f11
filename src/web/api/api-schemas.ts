/** The JSON API's shapes (zod, with OpenAPI metadata): what goes in, what comes out, and the one error shape. */
import { z } from "@hono/zod-openapi";
import { CONTACT_STATUSES, NUDGE_KINDS, NUDGE_STATES } from "../../db/schema";
import { lazy } from "../../lib/lazy";
import type { Page } from "../../lib/paging";
import { ERROR_CODES } from "../http-errors";

/** Built on the first API request with the API app (lazy-api.ts): zod schemas are costly at startup. */
export const apiSchemas = lazy(() => {
	const ErrorBody = z
		.object({
			error: z.object({
				code: z.enum(ERROR_CODES),
				message: z.string(),
				issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
			}),
		})
		.openapi("Error");

	const Id = z.string().min(1).max(64).openapi({ example: "3f1c0e9a-6f1e-4a57-9b59-2f7d3c1f9a10" });
	const IdParam = z.object({ id: Id.openapi({ param: { name: "id", in: "path" } }) });
	const PageQuery = z.object({
		page: z.coerce
			.number()
			.int()
			.min(1)
			.max(10_000)
			.default(1)
			.openapi({ description: "Page number, by offset. Deep pages cost more: follow `next` with `after` instead." }),
		after: z.string().max(300).optional().openapi({
			description:
				"Cursor: the page after the one whose `next` this is. Each page then costs the same however deep it lies. Takes precedence over `page`.",
		}),
	});

	const Instant = z.string().datetime().openapi({ example: "2026-11-26T13:00:00.000Z" });

	const Contact = z
		.object({
			id: Id,
			name: z.string().nullable(),
			email: z.string(),
			status: z.enum(CONTACT_STATUSES),
			lastContactAt: Instant.nullable(),
			nextNudgeAt: Instant.nullable(),
			referrer: z.string().nullable(),
		})
		.openapi("Contact");

	const Nudge = z
		.object({
			id: Id,
			kind: z.enum(NUDGE_KINDS),
			state: z.enum(NUDGE_STATES),
			dueAt: Instant,
			contactId: Id.nullable(),
			contactName: z.string().nullable(),
			contactEmail: z.string().nullable(),
			subject: z.string().nullable(),
			note: z.string().nullable(),
		})
		.openapi("Nudge");

	const ContactWithHistory = Contact.extend({
		notes: z.string().nullable(),
		threads: z.array(
			z.object({ id: Id, kind: z.string(), state: z.string(), subject: z.string(), attempts: z.number().int() }),
		),
		nudges: z.array(Nudge),
	}).openapi("ContactWithHistory");

	const ActionResult = z
		.object({ data: z.object({ done: z.array(z.string()).openapi({ example: ["Done: Ann Lee."] }) }) })
		.openapi("ActionResult");

	const ContactsQuery = PageQuery.extend({
		q: z.string().max(100).optional(),
		status: z.enum(CONTACT_STATUSES).optional(),
	});

	const SnoozeBody = z.object({ days: z.number().int().min(1).max(365).openapi({ example: 3 }) }).openapi("Snooze");

	return {
		ErrorBody,
		Id,
		IdParam,
		PageQuery,
		Contact,
		Nudge,
		ContactWithHistory,
		ActionResult,
		ContactsQuery,
		SnoozeBody,
	};
});

/** A list page as the API answers it (Paged): its items mapped, and the cursor of the next page. */
export const pagedJson = <T, R>(list: Page<T>, item: (row: T) => R) => ({
	data: list.items.map(item),
	page: list.page,
	hasNext: list.hasNext,
	next: list.next,
});

export const Paged = <T extends z.ZodTypeAny>(item: T) =>
	z.object({
		data: z.array(item),
		page: z.number().int(),
		hasNext: z.boolean(),
		next: z
			.string()
			.nullable()
			.openapi({ description: "Cursor for the next page (pass it as `after`); null on the last page." }),
	});

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
