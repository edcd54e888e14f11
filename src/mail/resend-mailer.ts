import type { Resend } from "resend";
import { sha256Hex } from "../lib/crypto";
import { MAX_BATCH, type Mailer, type OutgoingMail, type SendResult } from "./mailer";

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
const payload = (mail: OutgoingMail) => ({
	from: mail.from,
	to: mail.to,
	subject: mail.subject,
	text: mail.text,
	...(mail.html === null ? {} : { html: mail.html }),
	...(mail.replyTo === null ? {} : { replyTo: mail.replyTo }),
	headers: mail.headers,
});

/**
 * The Idempotency-Key of a batch call: derived from its outbox ids, so a retry of
 * the same rows (a tick that died after Resend accepted them) is recognised.
 */
export async function batchIdempotencyKey(ids: readonly string[]): Promise<string> {
	return `batch-${await sha256Hex([...ids].sort().join(","))}`;
}

/** A call that takes longer is abandoned and retried later under the same Idempotency-Key. */
export const DEFAULT_TIMEOUT_MS = 15_000;

export function createResendMailer(opts: {
	apiKey: string;
	baseUrl?: string | undefined;
	timeoutMs?: number;
	now: () => Date;
}): Mailer {
	const timeout = () => AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
	// The SDK is loaded on the first send, not at Worker startup, where it cost CPU on
	// every cold start (issue 14); most events send nothing.
	let loaded: Promise<Resend> | undefined;
	const client = () =>
		(loaded ??= import("resend").then(
			({ Resend }) => new Resend(opts.apiKey, opts.baseUrl ? { baseUrl: opts.baseUrl } : undefined),
		));
	const mailer: Mailer = {
		name: "resend",
		async send(mail: OutgoingMail): Promise<SendResult> {
			const { data, error, headers } = await (await client()).emails.send(payload(mail), {
				idempotencyKey: mail.id,
				signal: timeout(),
			});
			if (error) return classifyResendError(error, headers, opts.now());
			return { ok: true, providerId: data?.id ?? null };
		},
		async sendBatch(mails: OutgoingMail[]): Promise<SendResult[]> {
			if (mails.length > MAX_BATCH) throw new Error(`sendBatch: ${mails.length} mails, at most ${MAX_BATCH}`);
			const [only] = mails;
			if (mails.length === 1 && only) return [await mailer.send(only)];
			if (mails.length === 0) return [];
			const { data, error, headers } = await (await client()).batch.send(mails.map(payload), {
				idempotencyKey: await batchIdempotencyKey(mails.map((m) => m.id)),
				signal: timeout(),
			});
			if (error) {
				const failure = classifyResendError(error, headers, opts.now());
				// Strict validation refuses the whole call for one bad mail: send each on its
				// own (its outbox id as key), so only that one fails and the rest go out.
				if (failure.kind === "permanent") {
					const each: SendResult[] = [];
					for (const m of mails) each.push(await mailer.send(m));
					return each;
				}
				return mails.map(() => failure);
			}
			return mails.map((_, i) => ({ ok: true, providerId: data?.data[i]?.id ?? null }));
		},
	};
	return mailer;
}
