/**
 * Every dashboard page and API route: refused without a session or token, and
 * another user's ids answer 404 with nothing leaked and nothing changed. Every
 * dashboard POST is refused cross-site (CSRF).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contacts, nudges, sessions, tokens } from "../../src/db/schema";
import { createApiTokenRepo } from "../../src/session/api-tokens";
import { db, nudgesOf, send, userFactory } from "../support/inbound";
import { call, ORIGIN, post, sessionCookie } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("authz", T);

interface Owner {
	userId: string;
	cookie: string;
	apiToken: string;
	contactId: string;
	nudgeId: string;
	apiTokenId: string;
	sessionId: string;
}

async function owner(contact: string): Promise<Owner> {
	const u = await newUser();
	await send({ from: u.address, to: contact, subject: "Private matter" }, T);
	const [n] = await nudgesOf(u.userId, "pending");
	const cookie = await sessionCookie(u.userId);
	const apiToken = await createApiTokenRepo(db).create(u.userId, "t", new Date());
	const [tok] = await db.select().from(tokens).where(eq(tokens.userId, u.userId));
	const [ses] = await db.select().from(sessions).where(eq(sessions.userId, u.userId));
	return {
		userId: u.userId,
		cookie,
		apiToken,
		contactId: n?.nudge.contactId ?? "",
		nudgeId: n?.nudge.id ?? "",
		apiTokenId: tok?.purpose === "api" ? tok.id : "",
		sessionId: ses?.id ?? "",
	};
}

let a: Owner;
let b: Owner;
beforeAll(async () => {
	a = await owner("Zed Secretname <zed@private.example>");
	b = await owner("Yan Othername <yan@other.example>");
});

const PAGES = [
	"/app",
	"/app/contacts",
	"/app/activity",
	"/app/settings",
	"/app/export",
	"/app/export.json",
	"/app/export.csv?table=contacts",
	"/app/delete",
];
const posts = (o: Owner): [string, Record<string, string>][] => [
	[`/app/nudges/${o.nudgeId}/done`, {}],
	[`/app/nudges/${o.nudgeId}/snooze`, { days: "3" }],
	[`/app/contacts/${o.contactId}/notes`, { notes: "mine" }],
	[`/app/contacts/${o.contactId}/stop`, {}],
	[`/app/settings/api-tokens/${o.apiTokenId}/revoke`, {}],
	[`/app/settings/sessions/${o.sessionId}/revoke`, {}],
];
const GENERAL_POSTS: [string, Record<string, string>][] = [
	["/app/settings", { timezone: "UTC", digestTime: "8am", mode: "digest", days: "1" }],
	["/app/settings/pause", {}],
	["/app/settings/resume", {}],
	["/app/settings/addresses", { address: "x@example.com" }],
	["/app/settings/api-tokens", { label: "x" }],
	["/app/delete", { confirm: "DELETE" }],
];
const api = (o: Owner): [string, string, unknown?][] => [
	["GET", `/api/v1/contacts/${o.contactId}`],
	["POST", `/api/v1/contacts/${o.contactId}/stop`],
	["POST", `/api/v1/nudges/${o.nudgeId}/done`],
	["POST", `/api/v1/nudges/${o.nudgeId}/snooze`, { days: 2 }],
];

async function unchanged(o: Owner) {
	const [n] = await db.select().from(nudges).where(eq(nudges.id, o.nudgeId));
	const [c] = await db.select().from(contacts).where(eq(contacts.id, o.contactId));
	const [t] = await db.select().from(tokens).where(eq(tokens.id, o.apiTokenId));
	const [s] = await db.select().from(sessions).where(eq(sessions.id, o.sessionId));
	expect(n?.state).toBe("pending");
	expect(c).toMatchObject({ status: "awaiting_reply", notes: null });
	expect(t?.usedAt).toBeNull();
	expect(s?.revokedAt).toBeNull();
}

describe("without a session or token", () => {
	it.each(PAGES)("GET %s redirects to sign-in", async (path) => {
		const res = await call(path);
		expect(res.status).toBe(303);
		expect(res.headers.get("location")).toMatch(/^\/signin\?next=/);
	});
	it("every POST redirects to sign-in and changes nothing", async () => {
		for (const [path, body] of [...posts(a), ...GENERAL_POSTS]) {
			const res = await post(path, body);
			expect(res.status, path).toBe(303);
			expect(res.headers.get("location"), path).toMatch(/^\/signin/);
		}
		await unchanged(a);
	});
	it("every API route answers 401 in the error shape", async () => {
		for (const [method, path, body] of [["GET", "/api/v1/contacts"], ["GET", "/api/v1/nudges"], ...api(a)] as const) {
			for (const authorization of [undefined, "Bearer ft_notarealtoken0000000000000", "Basic abc"]) {
				const res = await call(path, {
					method,
					headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
					...(body ? { body: JSON.stringify(body) } : {}),
				});
				expect(res.status, `${method} ${path}`).toBe(401);
				expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
			}
		}
		await unchanged(a);
	});
});

describe("another user's ids", () => {
	it("pages answer 404 and show nothing of the owner's", async () => {
		const res = await call(`/app/contacts/${a.contactId}`, { cookie: b.cookie });
		expect(res.status).toBe(404);
		expect(await res.text()).not.toContain("Secretname");
	});
	it("every POST answers 404 and changes nothing", async () => {
		for (const [path, body] of posts(a)) expect((await post(path, body, b.cookie)).status, path).toBe(404);
		await unchanged(a);
	});
	it("every API route answers 404 and changes nothing", async () => {
		for (const [method, path, body] of api(a)) {
			const res = await call(path, {
				method,
				headers: { "content-type": "application/json", authorization: `Bearer ${b.apiToken}` },
				...(body ? { body: JSON.stringify(body) } : {}),
			});
			expect(res.status, `${method} ${path}`).toBe(404);
			const text = await res.text();
			expect(text).not.toContain("Secretname");
			expect(JSON.parse(text)).toEqual({ error: { code: "not_found", message: expect.any(String) } });
		}
		await unchanged(a);
	});
	it("lists and exports hold only the signed-in user's data", async () => {
		for (const path of [
			"/app",
			"/app/contacts",
			"/app/activity",
			"/app/export.json",
			"/app/export.csv?table=contacts",
		]) {
			const body = await (await call(path, { cookie: b.cookie })).text();
			expect(body, path).toContain(path === "/app/activity" ? "Private matter" : "Othername");
			expect(body, path).not.toContain("Secretname");
			expect(body, path).not.toContain("private.example");
		}
		const listed = await call("/api/v1/contacts", { headers: { authorization: `Bearer ${b.apiToken}` } });
		const ids = ((await listed.json()) as { data: { id: string }[] }).data.map((c) => c.id);
		expect(ids).toEqual([b.contactId]);
	});
});

describe("CSRF", () => {
	it("every dashboard POST from another site is refused and changes nothing", async () => {
		for (const [path, body] of [...posts(a), ...GENERAL_POSTS, ["/signout", {}] as [string, Record<string, string>]]) {
			for (const origin of ["https://evil.example", null]) {
				const res = await call(path, {
					method: "POST",
					headers: {
						"content-type": "application/x-www-form-urlencoded",
						...(origin ? { origin } : {}),
					},
					body: new URLSearchParams(body).toString(),
					cookie: a.cookie,
				});
				expect(res.status, `${path} from ${origin}`).toBe(403);
			}
		}
		await unchanged(a);
		expect((await call("/app", { cookie: a.cookie })).status).toBe(200);
		expect(ORIGIN).toBe("http://127.0.0.1:8787");
	});
});
