/**
 * One cron tick at `now` (the controller's scheduledTime): turn due nudges into
 * mail, then deliver the outbox. A tick has a budget; what is left is handed to
 * the queue consumer (Cloudflare Queues), which works the same way and hands on
 * again, so any amount of work is done without a server of ours. With no queue
 * bound, the next tick picks it up.
 */
import type { Services } from "../app/services";
import type { TickWork } from "../config/env";
import { type DeliverySummary, deliverDueOutbox } from "../mail/deliver-outbox";
import { MAX_BATCH } from "../mail/mailer";
import { type NudgeTickSummary, sendDueNudges } from "./send-due-nudges";

/** Provider calls (100 mails each) per tick or queue message. */
export const DELIVERY_ROUNDS = 20;

export interface TickSummary {
	now: string;
	nudges: NudgeTickSummary | null;
	delivery: DeliverySummary & { calls: number };
	/** D1 statements this run made (reads and writes). */
	statements: number;
	/** Work handed to the queue consumer. */
	handedOn: TickWork["kind"][];
}

async function deliverRounds(services: Services, now: Date) {
	const delivery = { claimed: 0, sent: 0, retrying: 0, failed: 0, calls: 0 };
	let statements = 0;
	let more = false;
	for (let round = 0; round < DELIVERY_ROUNDS; round++) {
		const d = await deliverDueOutbox(services, now);
		// A claim, and when it took rows: one provider call and one statement recording the results.
		statements += d.claimed ? 2 : 1;
		delivery.calls += d.claimed ? 1 : 0;
		delivery.claimed += d.claimed;
		delivery.sent += d.sent;
		delivery.retrying += d.retrying;
		delivery.failed += d.failed;
		more = d.claimed === MAX_BATCH;
		if (!more) break;
	}
	return { delivery, statements, more };
}

async function handOn(services: Services, now: Date, kinds: TickWork["kind"][]): Promise<TickWork["kind"][]> {
	const queue = services.config.deliveryQueue;
	if (!queue || !kinds.length) return [];
	await queue.sendBatch(kinds.map((kind) => ({ body: { kind, at: now.getTime() } })));
	return kinds;
}

/** The cron tick, or a queued piece of it: nudges (then delivery), or delivery alone. */
export async function runWork(services: Services, kind: TickWork["kind"]): Promise<TickSummary> {
	const now = services.clock.now();
	const nudges = kind === "nudges" ? await sendDueNudges(services) : null;
	const d = await deliverRounds(services, now);
	const left: TickWork["kind"][] = [
		...(nudges?.more ? (["nudges"] as const) : []),
		...(d.more && !nudges?.more ? (["deliver"] as const) : []),
	];
	return {
		now: now.toISOString(),
		nudges,
		delivery: d.delivery,
		statements: (nudges?.statements ?? 0) + d.statements,
		handedOn: await handOn(services, now, left),
	};
}

export function runTick(services: Services): Promise<TickSummary> {
	return runWork(services, "nudges");
}
