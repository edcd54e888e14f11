/** IO behind small interfaces, built once per event from validated config and a clock. */
import type { Clock } from "../config/clock";
import type { Config } from "../config/env";
import { createDb, type Db } from "../db/client";
import { createDevMailboxMailer } from "../mail/dev-mailbox";
import type { Mailer } from "../mail/mailer";
import { createOutboxRepo, type OutboxRepo } from "../mail/outbox-repo";
import { createResendMailer } from "../mail/resend-mailer";

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
