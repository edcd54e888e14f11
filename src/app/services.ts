/** IO behind small interfaces, built once per event from validated config and a clock. */
import type { Clock } from "../config/clock";
import type { Config } from "../config/env";
import { createDb, type Db } from "../db/client";
import { createDevMailboxMailer } from "../mail/dev-mailbox";
import type { Mailer } from "../mail/mailer";
import { createOutboxRepo, type OutboxRepo } from "../mail/outbox-repo";
import { createResendMailer } from "../mail/resend-mailer";
import { eventClock } from "./dev-clock";

export interface Services {
	config: Config;
	clock: Clock;
	db: Db;
	outbox: OutboxRepo;
	mailer: Mailer;
}

export function buildServices(config: Config, clock: Clock): Services {
	const db = createDb(config.db);
	const now = () => clock.now();
	const mailer = config.resend ? createResendMailer({ ...config.resend, now }) : createDevMailboxMailer(db, now);
	return { config, clock, db, outbox: createOutboxRepo(db), mailer };
}

/**
 * Services for one Worker event (a request, a mail, a cron run): real time, or a cron
 * run's `scheduledTime`; in development the dev clock when one is set (see dev-clock.ts).
 */
export async function servicesForEvent(config: Config, scheduledTime?: number): Promise<Services> {
	return buildServices(config, await eventClock(config, createDb(config.db), scheduledTime));
}
