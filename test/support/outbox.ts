import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { createDb } from "../../src/db/client";
import worker from "../../src/index";
import { composeOutboxRow, type MailDraft } from "../../src/mail/compose";
import { createOutboxRepo } from "../../src/mail/outbox-repo";

export const db = createDb(env.DB);

export async function enqueue(draft: Partial<MailDraft> & { to: string }, at: Date, id = crypto.randomUUID()) {
	const row = composeOutboxRow(
		{ kind: "confirmation", userId: null, subject: "Snoozed Ann Lee until Mon 30 Nov, 08:00", text: "Done.", ...draft },
		{ mailFrom: "Followthrough <hello@followthrough.test>", mailDomain: "followthrough.test" },
		{ id, now: at },
	);
	await createOutboxRepo(db).insert(row);
	return row;
}

/** Runs the real scheduled() handler at `time`. */
export async function tick(time: Date, bindings: Record<string, unknown> = env as unknown as Record<string, unknown>) {
	const controller = createScheduledController({ scheduledTime: time, cron: "*/15 * * * *" });
	const ctx = createExecutionContext();
	await worker.scheduled(controller, bindings, ctx);
	await waitOnExecutionContext(ctx);
}
