/**
 * Commits one email's effects in a single D1 batch with its idempotence key and
 * its log row. A concurrent duplicate fails the key, rolls back, and is logged
 * as a duplicate instead. After the commit, new mail goes out at once (the cron
 * retries anything that fails).
 */
import type { Services } from "../app/services";
import type { Write } from "../db/write";
import { nonEmpty } from "../lib/non-empty";
import { deliverDueOutbox } from "../mail/deliver-outbox";
import type { Effects } from "./inbound-context";
import { type InboundOutcome, ignoredOutcome } from "./inbound-outcome";
import { createInboundSeenRepo, isDuplicateKeyError } from "./inbound-seen-repo";

export interface CommitInput {
	effects: Effects;
	/** Null when the mail was not read: nothing to key on. */
	seen: { messageKey: string; recipient: string } | null;
	/** Builds the log write for the final outcome (insert for new mail, update for released mail). */
	log: (outcome: InboundOutcome) => Write;
}

export async function commitInbound(services: Services, input: CommitInput): Promise<InboundOutcome> {
	const { db, clock } = services;
	const { effects, seen } = input;
	// Only mail with effects needs a key: repeating an ignored or rejected mail changes nothing anyway.
	const keyed = seen !== null && effects.writes.length > 0;
	const writes: Write[] = [
		...(keyed ? [createInboundSeenRepo(db).insert(seen.messageKey, seen.recipient, clock.now())] : []),
		...effects.writes,
	];
	let outcome = effects.outcome;
	try {
		// The log row last: it may reference a user created in this same batch.
		await db.batch(nonEmpty([...writes, input.log(outcome)]));
	} catch (err) {
		if (!keyed || !isDuplicateKeyError(err)) throw err;
		outcome = ignoredOutcome(null, { reason: "duplicate" });
		await db.batch([input.log(outcome)]);
		return outcome;
	}
	if (effects.afterCommit) await effects.afterCommit();
	if (effects.sendsMail) await deliverDueOutbox(services, clock.now());
	return outcome;
}
