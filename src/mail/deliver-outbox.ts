/** The sender step: deliver due outbox rows once each, retry what can be retried, record the rest. */
import type { Mailer } from "./mailer";
import { type OutboxRepo, toOutgoingMail } from "./outbox-repo";
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
	limit = 100,
): Promise<DeliverySummary> {
	const rows = await deps.outbox.claimDue(now, limit);
	const summary: DeliverySummary = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
	for (const row of rows) {
		const attempts = row.attempts + 1;
		const result = await deps.mailer.send(toOutgoingMail(row));
		if (result.ok) {
			await deps.outbox.markSent(row.id, attempts, result.providerId, now);
			summary.sent++;
			continue;
		}
		const error = `${result.status ?? "network"}: ${result.message}`.slice(0, 500);
		const decision =
			result.kind === "retryable" ? nextDeliveryAttempt(attempts, result.retryAfterMs, now) : { retry: false as const };
		if (decision.retry) {
			await deps.outbox.markRetry(row.id, attempts, decision.at, error);
			summary.retrying++;
		} else {
			await deps.outbox.markFailed(row.id, attempts, error);
			summary.failed++;
		}
	}
	return summary;
}
