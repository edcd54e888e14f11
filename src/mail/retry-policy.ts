/** When to try a failed delivery again. Pure: attempts so far and the provider's hint in, a decision out. */

export const MAX_DELIVERY_ATTEMPTS = 8;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

export type RetryDecision = { retry: true; at: Date } | { retry: false };

export function nextDeliveryAttempt(attempts: number, retryAfterMs: number | null, now: Date): RetryDecision {
	if (attempts >= MAX_DELIVERY_ATTEMPTS) return { retry: false };
	const backoff = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
	const delay = Math.min(Math.max(backoff, retryAfterMs ?? 0), MAX_DELAY_MS);
	return { retry: true, at: new Date(now.getTime() + delay) };
}
