/** One cron tick at `now` (the controller's scheduledTime): turn due nudges into mail, then deliver the outbox. */
import type { Services } from "../app/services";
import { type DeliverySummary, deliverDueOutbox } from "../mail/deliver-outbox";
import { type NudgeTickSummary, sendDueNudges } from "./send-due-nudges";

/** Outbox rows sent per tick at most (rounds of 100); the rest go at the next tick. */
const MAX_DELIVERY_ROUNDS = 20;

export interface TickSummary {
	now: string;
	nudges: NudgeTickSummary;
	delivery: DeliverySummary & { calls: number };
	/** D1 statements this tick ran (reads and writes). */
	statements: number;
}

export async function runTick(services: Services): Promise<TickSummary> {
	const now = services.clock.now();
	const nudges = await sendDueNudges(services);
	const delivery = { claimed: 0, sent: 0, retrying: 0, failed: 0, calls: 0 };
	let statements = nudges.statements;
	for (let round = 0; round < MAX_DELIVERY_ROUNDS; round++) {
		const d = await deliverDueOutbox(services, now);
		// A claim, and when it took rows: one provider call and one statement recording the results.
		statements += d.claimed ? 2 : 1;
		delivery.calls += d.claimed ? 1 : 0;
		delivery.claimed += d.claimed;
		delivery.sent += d.sent;
		delivery.retrying += d.retrying;
		delivery.failed += d.failed;
		if (d.claimed < 100) break;
	}
	return { now: now.toISOString(), nudges, delivery, statements };
}
