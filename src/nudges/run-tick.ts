/** One cron tick at `now` (the controller's scheduledTime): deliver what is due. */
import type { Services } from "../app/services";
import { type DeliverySummary, deliverDueOutbox } from "../mail/deliver-outbox";

export interface TickSummary {
	now: string;
	delivery: DeliverySummary;
}

export async function runTick(services: Services): Promise<TickSummary> {
	const now = services.clock.now();
	const delivery = await deliverDueOutbox(services, now);
	return { now: now.toISOString(), delivery };
}
