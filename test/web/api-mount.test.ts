/**
 * The API app is built on its first request and handed each request whole
 * (src/web/api/lazy-api.ts): its answers still pass through the outer app's
 * middleware, and an unknown API path still gets the one error shape.
 */
import { describe, expect, it } from "vitest";
import { call } from "../support/web";

describe("/api/v1 behind the outer app", () => {
	it("carries the outer app's secure headers on every API answer", async () => {
		for (const path of ["/api/v1/openapi.json", "/api/v1/contacts", "/api/v1/nope"]) {
			const res = await call(path);
			expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
			expect(res.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
			expect(res.headers.get("content-security-policy"), path).toContain("default-src 'self'");
		}
	});

	it("refuses without a token, and answers an unknown path 404, in the one error shape", async () => {
		const refused = await call("/api/v1/nudges");
		expect(refused.status).toBe(401);
		expect(await refused.json()).toMatchObject({ error: { code: "unauthorized" } });
		const missing = await call("/api/v1/no/such/route");
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
	});
});
