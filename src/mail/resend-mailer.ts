import { Resend } from "resend";
import type { Mailer, OutgoingMail, SendResult } from "./mailer";

interface ResendError {
	message?: string;
	statusCode?: number | null;
	name?: string;
}

const RETRYABLE_NAMES = new Set([
	"rate_limit_exceeded",
	"application_error",
	"internal_server_error",
	"concurrent_idempotent_requests",
]);

/** Seconds or an HTTP date, as Retry-After allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now: Date): number | null {
	if (!value) return null;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
	const at = Date.parse(value);
	return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export function classifyResendError(
	error: ResendError,
	headers: Record<string, string> | null,
	now: Date,
): Extract<SendResult, { ok: false }> {
	const status = typeof error.statusCode === "number" ? error.statusCode : null;
	const retryable =
		status === null
			? RETRYABLE_NAMES.has(error.name ?? "application_error")
			: status === 429 || status === 409 || status >= 500;
	return {
		ok: false,
		kind: retryable ? "retryable" : "permanent",
		status,
		message: error.message ?? error.name ?? "unknown Resend error",
		retryAfterMs: parseRetryAfter(headers?.["retry-after"], now),
	};
}

/** Sends through Resend's API. The SDK reports failures as values; it does not throw. */
export function createResendMailer(opts: { apiKey: string; baseUrl?: string | undefined; now: () => Date }): Mailer {
	const client = new Resend(opts.apiKey, opts.baseUrl ? { baseUrl: opts.baseUrl } : undefined);
	return {
		name: "resend",
		async send(mail: OutgoingMail): Promise<SendResult> {
			const { data, error, headers } = await client.emails.send(
				{
					from: mail.from,
					to: mail.to,
					subject: mail.subject,
					text: mail.text,
					...(mail.html === null ? {} : { html: mail.html }),
					...(mail.replyTo === null ? {} : { replyTo: mail.replyTo }),
					headers: mail.headers,
				},
				{ idempotencyKey: mail.id },
			);
			if (error) return classifyResendError(error, headers, opts.now());
			return { ok: true, providerId: data?.id ?? null };
		},
	};
}
