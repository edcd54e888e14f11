import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseEnv, requireConfig } from "../../src/config/env";

const db = env.DB;
const production = {
	DB: db,
	ENVIRONMENT: "production",
	MAIL_DOMAIN: "mail.example.com",
	APP_SECRET: "x".repeat(40),
	PUBLIC_URL: "https://app.example.com/",
	RESEND_API_KEY: "re_live_key",
};

describe("parseEnv", () => {
	it("gives development its local defaults", () => {
		const r = parseEnv({ DB: db, ENVIRONMENT: "development" });
		expect(r.ok && r.config).toMatchObject({
			isDevelopment: true,
			mailDomain: "followthrough.test",
			mailFrom: "Followthrough <hello@followthrough.test>",
			publicUrl: "http://127.0.0.1:8787",
			resend: null,
			maxInboundBytes: 10 * 1024 * 1024,
		});
	});

	it("accepts a complete production config and trims the URL", () => {
		const r = parseEnv(production);
		expect(r.ok && r.config).toMatchObject({
			isDevelopment: false,
			mailDomain: "mail.example.com",
			publicUrl: "https://app.example.com",
			resend: { apiKey: "re_live_key", baseUrl: undefined },
		});
	});

	it("treats an absent ENVIRONMENT as production, the safe default", () => {
		const r = parseEnv({ DB: db });
		expect(r.ok).toBe(false);
		expect(!r.ok && r.error).toContain("MAIL_DOMAIN is required in production");
	});

	it.each([
		["MAIL_DOMAIN", "MAIL_DOMAIN is required in production"],
		["APP_SECRET", "APP_SECRET is required in production"],
		["PUBLIC_URL", "PUBLIC_URL is required in production"],
		["RESEND_API_KEY", "RESEND_API_KEY is required in production"],
	])("names the missing setting %s", (key, message) => {
		const r = parseEnv({ ...production, [key]: undefined });
		expect(r.ok).toBe(false);
		expect(!r.ok && r.error).toContain(message);
	});

	it.each([
		[{ DB: undefined }, "DB must be a D1 database binding"],
		[{ MAIL_DOMAIN: "not a domain" }, "MAIL_DOMAIN must be a domain name"],
		[{ APP_SECRET: "short" }, "APP_SECRET must be at least 32 characters"],
		[{ ENVIRONMENT: "staging" }, "ENVIRONMENT"],
		[{ MAX_INBOUND_BYTES: "12" }, "MAX_INBOUND_BYTES"],
		[{ RESEND_BASE_URL: "ftp://x" }, "RESEND_BASE_URL"],
	])("rejects %o with a clear message", (override, message) => {
		const r = parseEnv({ ...production, ...override });
		expect(r.ok).toBe(false);
		expect(!r.ok && r.error).toContain(message);
	});

	it("reads MAX_INBOUND_BYTES from a string var", () => {
		const r = parseEnv({ ...production, MAX_INBOUND_BYTES: "2097152" });
		expect(r.ok && r.config.maxInboundBytes).toBe(2097152);
	});
});

describe("requireConfig", () => {
	it("validates an env object once and hands back the same config for it", () => {
		const e = { ...production };
		const first = requireConfig(e);
		expect(requireConfig(e)).toBe(first);
		// Another env object is validated on its own.
		const other = requireConfig({ ...production, MAIL_DOMAIN: "other.example.com" });
		expect(other).not.toBe(first);
		expect(other.mailDomain).toBe("other.example.com");
	});

	it("still throws for an invalid env, every time", () => {
		const bad = { DB: db, ENVIRONMENT: "production" };
		expect(() => requireConfig(bad)).toThrow(/Configuration error/);
		expect(() => requireConfig(bad)).toThrow(/Configuration error/);
	});
});
