import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { inboundLog } from "../../src/db/schema";
import { AUTH_PASS, deliverEmail, rawMail } from "../support/email";

const db = createDb(env.DB);
const logRows = () => db.select().from(inboundLog);

describe("email() handler", () => {
	beforeEach(async () => {
		await db.delete(inboundLog);
	});

	it("refuses unauthenticated mail with a clear SMTP reason and logs it once", async () => {
		const { rejected } = await deliverEmail(rawMail({ subject: "spoof" }));
		expect(rejected).toBe(
			"Not accepted: no authentication results from mx.cloudflare.net; send through a provider that signs with DKIM or SPF.",
		);
		const rows = await logRows();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			outcome: "rejected",
			reason: "unauthenticated_no_results",
			userId: null,
			subject: "spoof",
		});
	});

	it("refuses a forged pass that sits below Cloudflare's failing stamp", async () => {
		const raw = rawMail({
			headers: [
				"ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=fail; dmarc=fail; spf=fail",
				`ARC-Authentication-Results: ${AUTH_PASS("example.com")}`,
			],
		});
		const { rejected } = await deliverEmail(raw);
		expect(rejected).toContain("sender authentication failed for example.com");
		expect((await logRows())[0]?.reason).toBe("unauthenticated_failed");
	});

	it("refuses mail over the size cap before reading it", async () => {
		const { rejected } = await deliverEmail(rawMail(), { rawSize: 11 * 1024 * 1024 });
		expect(rejected).toBe("Message is 11.0 MiB; the limit is 10.0 MiB. Forward it without attachments.");
		const rows = await logRows();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ outcome: "rejected", reason: "too_large", sizeBytes: 11 * 1024 * 1024 });
		expect(rows[0]?.messageKey).toMatch(/^unread:/);
	});

	it("honours a configured MAX_INBOUND_BYTES", async () => {
		const raw = rawMail({
			headers: [`ARC-Authentication-Results: ${AUTH_PASS("example.com")}`],
			body: "x".repeat(3000),
		});
		const { rejected } = await deliverEmail(raw, {}, { ...env, MAX_INBOUND_BYTES: "2048" });
		expect(rejected).toMatch(/^Message is 4 KiB; the limit is 2 KiB/);
	});

	it("accepts authenticated mail without rejecting it, and logs the envelope and headers", async () => {
		const raw = rawMail({
			headers: [`ARC-Authentication-Results: ${AUTH_PASS("example.com")}`],
			messageId: "abc-123@example.com",
			subject: "Coffee next week?",
		});
		const { rejected } = await deliverEmail(raw, { from: "pat@example.com", to: "track@followthrough.test" });
		expect(rejected).toBeNull();
		const rows = await logRows();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			messageKey: "abc-123@example.com",
			envelopeFrom: "pat@example.com",
			envelopeTo: "track@followthrough.test",
			fromHeader: "pat@example.com",
			subject: "Coffee next week?",
		});
		expect(rows[0]?.outcome).not.toBe("rejected");
	});

	it("keys a message without Message-ID by the hash of its bytes", async () => {
		const raw = rawMail({ messageId: null, headers: [`ARC-Authentication-Results: ${AUTH_PASS("example.com")}`] });
		await deliverEmail(raw);
		const bytes = new TextEncoder().encode(raw);
		const hex = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)), (b) =>
			b.toString(16).padStart(2, "0"),
		).join("");
		expect((await logRows())[0]?.messageKey).toBe(`sha256:${hex}`);
	});

	it("throws (a temporary SMTP failure, so the sender retries) when the Worker is misconfigured", async () => {
		await expect(deliverEmail(rawMail(), {}, { ...env, ENVIRONMENT: "production" })).rejects.toThrow(
			/Configuration error: .*APP_SECRET is required in production/,
		);
		expect(await logRows()).toHaveLength(0);
	});
});
