import { describe, expect, it } from "vitest";
import { batchIdempotencyKey, createResendMailer, parseRetryAfter } from "../../src/mail/resend-mailer";
import { resendStub } from "../support/resend-stub";

const now = new Date("2026-11-23T08:00:00Z");
const mail = {
	id: "0b9f6a52-5d3c-4d1e-9a51-3c7d2f1e8a10",
	from: "Followthrough <hello@followthrough.test>",
	to: "pat@example.com",
	replyTo: "r+tok@followthrough.test",
	subject: "Follow up with Ann Lee",
	text: "1. Follow up with Ann Lee (3 days, no reply)",
	html: "<p>1. Follow up with Ann Lee (3 days, no reply)</p>",
	headers: { "message-id": "<0b9f@followthrough.test>", "auto-submitted": "auto-generated" },
};

describe("Resend mailer", () => {
	it("sends exactly one well-formed request with the outbox id as Idempotency-Key", async () => {
		const stub = resendStub();
		const mailer = createResendMailer({ apiKey: "re_test_123", baseUrl: stub.baseUrl, now: () => now });
		const result = await mailer.send(mail);
		expect(result).toEqual({ ok: true, providerId: expect.stringMatching(/^stub-/) });
		const requests = await stub.requests();
		expect(requests).toHaveLength(1);
		const [req] = requests;
		expect(req?.method).toBe("POST");
		expect(req?.path).toBe("/emails");
		expect(req?.headers.authorization).toBe("Bearer re_test_123");
		expect(req?.headers["idempotency-key"]).toBe(mail.id);
		expect(req?.headers["content-type"]).toContain("application/json");
		expect(req?.body).toEqual({
			from: mail.from,
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			html: mail.html,
			reply_to: mail.replyTo,
			headers: mail.headers,
		});
	});

	it("omits html and reply_to when the mail has none", async () => {
		const stub = resendStub();
		const mailer = createResendMailer({ apiKey: "k", baseUrl: stub.baseUrl, now: () => now });
		await mailer.send({ ...mail, html: null, replyTo: null });
		const body = (await stub.requests())[0]?.body as Record<string, unknown>;
		expect(Object.keys(body).sort()).toEqual(["from", "headers", "subject", "text", "to"]);
	});

	it.each([
		[
			429,
			{ name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 },
			{ "retry-after": "30" },
			"retryable",
			30_000,
		],
		[500, { name: "internal_server_error", message: "boom", statusCode: 500 }, {}, "retryable", null],
		[503, "<html>unavailable</html>", {}, "retryable", null],
		[422, { name: "validation_error", message: "Invalid `to` field", statusCode: 422 }, {}, "permanent", null],
		[403, { name: "invalid_from_address", message: "domain not verified", statusCode: 403 }, {}, "permanent", null],
	])("maps HTTP %i to a failure value (it never throws)", async (status, body, headers, kind, retryAfterMs) => {
		const stub = resendStub();
		await stub.script([{ status, body, headers }]);
		const mailer = createResendMailer({ apiKey: "k", baseUrl: stub.baseUrl, now: () => now });
		const result = await mailer.send(mail);
		expect(result).toMatchObject({ ok: false, kind, status, retryAfterMs });
	});

	it("treats an unreachable endpoint as retryable", async () => {
		const mailer = createResendMailer({ apiKey: "k", baseUrl: "http://127.0.0.1:9", now: () => now });
		expect(await mailer.send(mail)).toMatchObject({ ok: false, kind: "retryable" });
	});
});

describe("Resend batch", () => {
	it("sends up to 100 mails in one call keyed by their outbox ids, one result each", async () => {
		const stub = resendStub();
		const mailer = createResendMailer({ apiKey: "re_test_123", baseUrl: stub.baseUrl, now: () => now });
		const mails = [
			mail,
			{ ...mail, id: "1f0c9a52-0000-4d1e-9a51-3c7d2f1e8a10", to: "sam@example.com", replyTo: null, html: null },
		];
		const results = await mailer.sendBatch(mails);
		expect(results).toEqual([
			{ ok: true, providerId: expect.stringMatching(/^stub-\d+-0$/) },
			{ ok: true, providerId: expect.stringMatching(/^stub-\d+-1$/) },
		]);
		const [req, ...rest] = await stub.requests();
		expect(rest).toEqual([]);
		expect(req?.path).toBe("/emails/batch");
		expect(req?.headers["idempotency-key"]).toBe(await batchIdempotencyKey(mails.map((m) => m.id)));
		expect(req?.headers["idempotency-key"]).toBe(await batchIdempotencyKey([...mails.map((m) => m.id)].reverse()));
		expect(req?.headers["x-batch-validation"]).toBe("strict");
		expect(req?.body).toEqual([
			{
				from: mail.from,
				to: mail.to,
				subject: mail.subject,
				text: mail.text,
				html: mail.html,
				reply_to: mail.replyTo,
				headers: mail.headers,
			},
			{ from: mail.from, to: "sam@example.com", subject: mail.subject, text: mail.text, headers: mail.headers },
		]);
	});

	it("a single mail goes through /emails with its own id as the key", async () => {
		const stub = resendStub();
		const mailer = createResendMailer({ apiKey: "k", baseUrl: stub.baseUrl, now: () => now });
		await mailer.sendBatch([mail]);
		const [req] = await stub.requests();
		expect([req?.path, req?.headers["idempotency-key"]]).toEqual(["/emails", mail.id]);
	});

	it("a batch refused for one bad mail is retried mail by mail, so only that one fails", async () => {
		const stub = resendStub();
		await stub.script([
			{ status: 422, body: { name: "validation_error", message: "Invalid `to` field", statusCode: 422 } },
			{ status: 200, body: { id: "ok-1" } },
			{ status: 422, body: { name: "validation_error", message: "Invalid `to` field", statusCode: 422 } },
		]);
		const mailer = createResendMailer({ apiKey: "k", baseUrl: stub.baseUrl, now: () => now });
		const results = await mailer.sendBatch([mail, { ...mail, id: "bad-one", to: "not-an-address" }]);
		expect(results).toEqual([
			{ ok: true, providerId: "ok-1" },
			{ ok: false, kind: "permanent", status: 422, message: "Invalid `to` field", retryAfterMs: null },
		]);
		const requests = await stub.requests();
		expect(requests.map((r) => [r.path, r.headers["idempotency-key"]])).toEqual([
			["/emails/batch", await batchIdempotencyKey([mail.id, "bad-one"])],
			["/emails", mail.id],
			["/emails", "bad-one"],
		]);
	});

	it("a failed batch fails every mail in it, as a value", async () => {
		const stub = resendStub();
		await stub.script([
			{
				status: 429,
				body: { name: "rate_limit_exceeded", message: "slow", statusCode: 429 },
				headers: { "retry-after": "60" },
			},
		]);
		const mailer = createResendMailer({ apiKey: "k", baseUrl: stub.baseUrl, now: () => now });
		const results = await mailer.sendBatch([mail, { ...mail, id: "x2" }]);
		expect(results).toEqual([
			{ ok: false, kind: "retryable", status: 429, message: "slow", retryAfterMs: 60_000 },
			{ ok: false, kind: "retryable", status: 429, message: "slow", retryAfterMs: 60_000 },
		]);
	});
});

describe("parseRetryAfter", () => {
	it.each([
		["30", 30_000],
		["0", 0],
		["Mon, 23 Nov 2026 08:01:00 GMT", 60_000],
		["soon", null],
		[undefined, null],
	])("reads %s", (value, ms) => {
		expect(parseRetryAfter(value, now)).toBe(ms);
	});
});
