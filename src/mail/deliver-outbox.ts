/**
 * The sender step: deliver outbox rows this run holds (claimed, or written leased
 * by the tick), one provider call per batch of up to 100, retry what can be
 * retried, and record every result in one statement.
 */
import { MAX_BATCH, type Mailer, type SendResult } from "./mailer";
import { type DeliveryRecord, type OutboxRepo, type Sendable, toOutgoingMail } from "./outbox-repo";
import { nextDeliveryAttempt } from "./retry-policy";

export interface DeliverySummary {
	claimed: number;
	sent: number;
	retrying: number;
	failed: number;
	/** Provider calls made. */
	calls: number;
}

export const emptyDelivery = (): DeliverySummary => ({ claimed: 0, sent: 0, retrying: 0, failed: 0, calls: 0 });

export function addDelivery(into: DeliverySummary, d: DeliverySummary) {
	into.claimed += d.claimed;
	into.sent += d.sent;
	into.retrying += d.retrying;
	into.failed += d.failed;
	into.calls += d.calls;
}

const NO_RESULT: SendResult = { ok: false, kind: "retryable", status: null, message: "no result", retryAfterMs: null };

function toRecord(row: Sendable, result: SendResult, now: Date, summary: DeliverySummary): DeliveryRecord {
	const attempts = row.attempts + 1;
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
}

/**
 * Rows written together go out together (one call per batch id and attempt), so
 * a retry repeats the same call and the provider's Idempotency-Key matches.
 */
function groupForSending(rows: readonly Sendable[]): Sendable[][] {
	const groups = new Map<string, Sendable[]>();
	for (const row of rows) {
		const key = `${row.batchId ?? ""}/${row.attempts}`;
		const group = groups.get(key) ?? [];
		group.push(row);
		groups.set(key, group);
	}
	return [...groups.values()].flatMap((g) =>
		Array.from({ length: Math.ceil(g.length / MAX_BATCH) }, (_, i) => g.slice(i * MAX_BATCH, (i + 1) * MAX_BATCH)),
	);
}

/** Sends rows this run holds and says what became of each; recording is the caller's. */
export async function sendHeld(
	mailer: Mailer,
	rows: readonly Sendable[],
	now: Date,
): Promise<{ summary: DeliverySummary; records: DeliveryRecord[] }> {
	const summary = emptyDelivery();
	const records: DeliveryRecord[] = [];
	for (const group of groupForSending(rows)) {
		const results = await mailer.sendBatch(group.map(toOutgoingMail));
		summary.calls++;
		group.forEach((row, i) => {
			records.push(toRecord(row, results[i] ?? NO_RESULT, now, summary));
		});
	}
	return { summary, records };
}

/** Claims due rows (new mail, retries, rows a dead tick left), sends them and records the results. */
export async function deliverDueOutbox(
	deps: { outbox: OutboxRepo; mailer: Mailer },
	now: Date,
	limit = MAX_BATCH,
): Promise<DeliverySummary> {
	const rows = await deps.outbox.claimDue(now, Math.min(limit, MAX_BATCH));
	if (!rows.length) return emptyDelivery();
	const { summary, records } = await sendHeld(deps.mailer, rows, now);
	summary.claimed = rows.length;
	await deps.outbox.record(now, records);
	return summary;
}
