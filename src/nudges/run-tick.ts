/**
 * One cron tick at `now` (the controller's scheduledTime): turn due nudges into
 * mail and send it, then deliver what else the outbox holds (retries, mail from
 * inbound, rows a dead tick left). A tick has a budget; what is left is handed to
 * the queue consumer (Cloudflare Queues), which works the same way and hands on
 * again, so any amount of work is done without a server of ours. With no queue
 * bound, the next tick picks it up.
 */
import type { Services } from "../app/services";
import type { TickWork } from "../config/env";
import { addDelivery, type DeliverySummary, deliverDueOutbox, emptyDelivery } from "../mail/deliver-outbox";
import { MAX_BATCH } from "../mail/mailer";
import { type NudgeTickSummary, sendDueNudges } from "./send-due-nudges";

/** Provider calls (100 mails each) per tick or queue message for the outbox pass. */
export const DELIVERY_ROUNDS = 20;

export interface TickSummary {
	now: string;
	nudges: Omit<NudgeTickSummary, "delivery"> | null;
	/** Everything sent this run: the tick's own mail and the outbox pass. */
	delivery: DeliverySummary;
	/** Work handed to the queue consumer. */
	handedOn: TickWork["kind"][];
}

async function deliverRounds(services: Services, now: Date) {
	const delivery = emptyDelivery();
	let more = false;
	for (let round = 0; round < DELIVERY_ROUNDS; round++) {
		const d = await deliverDueOutbox(services, now);
		addDelivery(delivery, d);
		more = d.claimed === MAX_BATCH;
		if (!more) break;
	}
	return { delivery, more };
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
	const nudged = kind === "nudges" ? await sendDueNudges(services) : null;
	const d = await deliverRounds(services, now);
	const delivery = emptyDelivery();
	if (nudged) addDelivery(delivery, nudged.delivery);
	addDelivery(delivery, d.delivery);
	const left: TickWork["kind"][] = [
		...(nudged?.more ? (["nudges"] as const) : []),
		...(d.more && !nudged?.more ? (["deliver"] as const) : []),
	];
	return {
		now: now.toISOString(),
		nudges: nudged && { users: nudged.users, digests: nudged.digests, singles: nudged.singles, more: nudged.more },
		delivery,
		handedOn: await handOn(services, now, left),
	};
}

export function runTick(services: Services): Promise<TickSummary> {
	return runWork(services, "nudges");
}
