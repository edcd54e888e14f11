/**
 * The queue consumer: each message is a piece of a tick that ran out of budget,
 * run at that tick's "now". A message that fails is retried by Queues, and after
 * the last retry it goes to the dead-letter queue (wrangler.toml).
 */
import { z } from "zod";
import type { Services } from "../app/services";
import type { TickWork } from "../config/env";
import { lazy } from "../lib/lazy";
import { runWork } from "./run-tick";

const work = lazy(() => z.object({ kind: z.enum(["nudges", "deliver"]), at: z.number().int().positive() }));

export interface QueueMessageLike {
	readonly body: unknown;
	ack(): void;
	retry(): void;
}

export async function consumeTickWork(
	messages: readonly QueueMessageLike[],
	servicesAt: (at: number) => Services,
): Promise<void> {
	for (const message of messages) {
		const parsed = work().safeParse(message.body);
		if (!parsed.success) {
			// Not ours to retry: a malformed message would only fail again.
			console.error(JSON.stringify({ event: "queue_malformed", error: parsed.error.message }));
			message.ack();
			continue;
		}
		const body: TickWork = parsed.data;
		try {
			const summary = await runWork(servicesAt(body.at), body.kind);
			console.log(JSON.stringify({ event: "queue_work", ...summary }));
			message.ack();
		} catch (err) {
			console.error(JSON.stringify({ event: "queue_work_failed", kind: body.kind, error: String(err) }));
			message.retry();
		}
	}
}
