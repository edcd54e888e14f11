/**
 * The sender step: deliver due outbox rows once each (up to 100 per provider call),
 * retry what can be retried, and record every result in one statement.
 */
import { MAX_BATCH, type Mailer } from "./mailer";
import { type DeliveryRecord, type OutboxRepo, toOutgoingMail } from "./outbox-repo";
import { nextDeliveryAttempt } from "./retry-policy";

export interface DeliverySummary {
	claimed: number;
	sent: number;
	retrying: number;
	failed: number;
}

export async function deliverDueOutbox(
	deps: { outbox: OutboxRepo; mailer: Mailer },
	now: Date,
	limit = MAX_BATCH,
): Promise<DeliverySummary> {
	const rows = await deps.outbox.claimDue(now, Math.min(limit, MAX_BATCH));
	const summary: DeliverySummary = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
	if (!rows.length) return summary;
	const results = await deps.mailer.sendBatch(rows.map(toOutgoingMail));
	const records: DeliveryRecord[] = rows.map((row, i) => {
		const attempts = row.attempts + 1;
		const result = results[i] ?? {
			ok: false,
			kind: "retryable",
			status: null,
			message: "no result",
			retryAfterMs: null,
		};
		if (result.ok) {
			summary.sent++;
			return { id: row.id, state: "sent", attempts, providerId: result.providerId, nextAttemptAt: null, error: null };
		}
		const error = `${result.status ?? "network"}: ${result.message}`.slice(0, 500);
		const decision =
			result.kind === "retryable" ? nextDeliveryAttempt(attempts, result.retryAfterMs, now) : { retry: false as const };
		if (decision.retry) {
			summary.retrying++;
			return { id: row.id, state: "pending", attempts, providerId: null, nextAttemptAt: decision.at.getTime(), error };
		}
		summary.failed++;
		return { id: row.id, state: "failed", attempts, providerId: null, nextAttemptAt: null, error };
	});
	await deps.outbox.record(now, records);
	return summary;
}
