/** The JSON API with an API token: contacts, nudges, actions, one error shape, and the OpenAPI document. */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { nudges } from "../../src/db/schema";
import { createApiTokenRepo } from "../../src/session/api-tokens";
import { db, nudgesOf, send, userFactory } from "../support/inbound";
import { call } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("api", T);
let token = "";
let userId = "";

const api = async (method: string, path: string, body?: unknown) => {
	const res = await call(`/api/v1${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
		...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
	});
	return { status: res.status, body: (await res.json()) as Record<string, unknown> & { data: never } };
};

beforeAll(async () => {
	const u = await newUser();
	userId = u.userId;
	await send({ from: u.address, to: "Ann Lee <ann@acme.example>, Ben Stone <ben@stone.example>", subject: "Hi" }, T);
	token = await createApiTokenRepo(db).create(userId, "tests", new Date());
});

describe("/api/v1", () => {
	it("lists contacts, with search and status filter", async () => {
		const all = await api("GET", "/contacts");
		expect(all.status).toBe(200);
		expect(all.body).toMatchObject({ page: 1, hasNext: false });
		expect((all.body.data as { email: string }[]).map((c) => c.email).sort()).toEqual([
			"ann@acme.example",
			"ben@stone.example",
		]);
		const ann = await api("GET", "/contacts?q=ann&status=awaiting_reply");
		expect((ann.body.data as { name: string }[]).map((c) => c.name)).toEqual(["Ann Lee"]);
	});

	it("shows one contact with its threads and nudges", async () => {
		const [n] = await nudgesOf(userId, "pending");
		const one = await api("GET", `/contacts/${n?.nudge.contactId}`);
		expect(one.status).toBe(200);
		expect(one.body.data).toMatchObject({ status: "awaiting_reply", threads: [{ subject: "Hi", state: "open" }] });
		expect((one.body.data as { nextNudgeAt: string }).nextNudgeAt).toBe(n?.nudge.dueAt.toISOString());
		// One open nudge per contact is held by the database: a second one is refused.
		const later = new Date((n?.nudge.dueAt.getTime() ?? 0) + 20 * 86_400_000);
		await expect(
			db.insert(nudges).values({
				id: `later-${n?.nudge.id}`,
				userId,
				contactId: n?.nudge.contactId ?? null,
				kind: "check_in",
				dueAt: later,
				createdAt: later,
				updatedAt: later,
			}),
		).rejects.toThrow();
		const again = await api("GET", `/contacts/${n?.nudge.contactId}`);
		expect((again.body.data as { nextNudgeAt: string }).nextNudgeAt).toBe(n?.nudge.dueAt.toISOString());
	});

	it("lists nudges and acts on them: done, snooze, stop", async () => {
		const list = await api("GET", "/nudges");
		const items = list.body.data as { id: string; contactEmail: string; kind: string }[];
		expect(items.map((i) => i.kind)).toEqual(["follow_up", "follow_up"]);
		const annItem = items.find((i) => i.contactEmail === "ann@acme.example");
		const benItem = items.find((i) => i.contactEmail === "ben@stone.example");

		const snoozed = await api("POST", `/nudges/${annItem?.id}/snooze`, { days: 2 });
		expect(snoozed.status).toBe(200);
		expect((snoozed.body.data as { done: string[] }).done[0]).toMatch(/^Snoozed Ann Lee until /);
		const done = await api("POST", `/nudges/${annItem?.id}/done`);
		expect(done.body).toEqual({ data: { done: ["Done: Ann Lee."] } });
		const [row] = await db
			.select()
			.from(nudges)
			.where(eq(nudges.id, annItem?.id ?? ""));
		expect(row?.state).toBe("done");

		const [benNudge] = await db
			.select()
			.from(nudges)
			.where(eq(nudges.id, benItem?.id ?? ""));
		const stopped = await api("POST", `/contacts/${benNudge?.contactId}/stop`);
		expect(stopped.body).toEqual({ data: { done: ["Stopped following up with Ben Stone."] } });
	});

	it("answers bad input with the one error shape", async () => {
		for (const [method, path, body] of [
			["POST", "/nudges/x/snooze", { days: 0 }],
			["POST", "/nudges/x/snooze", "{not json"],
			["GET", "/contacts?status=famous"],
			["GET", "/contacts?page=-1"],
			["GET", "/contacts?after=not-a-cursor"],
			["GET", "/nudges?after=WzFd"],
		] as const) {
			const res = await api(method, path, body);
			expect(res.status, path).toBe(400);
			expect(res.body).toMatchObject({ error: { code: "bad_request", message: expect.any(String) } });
		}
		const missing = await api("GET", "/nope");
		expect(missing).toEqual({ status: 404, body: { error: { code: "not_found", message: expect.any(String) } } });
	});

	it("serves its OpenAPI document", async () => {
		const res = await call("/api/v1/openapi.json");
		expect(res.status).toBe(200);
		const doc = (await res.json()) as {
			openapi: string;
			paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
		};
		expect(doc.openapi).toBe("3.1.0");
		// Lists page by cursor: `after` in, `next` out.
		for (const list of ["/contacts", "/nudges"])
			expect(doc.paths[list]?.get?.parameters?.map((p) => p.name)).toContain("after");
		expect(JSON.stringify(doc)).toContain("Cursor for the next page");
		expect(Object.keys(doc.paths).sort()).toEqual([
			"/contacts",
			"/contacts/{id}",
			"/contacts/{id}/stop",
			"/insights",
			"/nudges",
			"/nudges/{id}/done",
			"/nudges/{id}/snooze",
		]);
	});
});
