/** Wires the three Worker handlers to application code. Nothing else lives here. */
import { buildServices, servicesForEvent } from "./app/services";
import { fixedClock } from "./config/clock";
import { requireConfig, type TickWork } from "./config/env";
import { handleEmailEvent } from "./inbound/email-event";
import { consumeTickWork } from "./nudges/queue-consumer";
import { runTick } from "./nudges/run-tick";
import { createApp } from "./web/app";

const app = createApp({ servicesFor: (config) => servicesForEvent(config) });

export default {
	fetch: app.fetch,

	async email(message, env, _ctx) {
		await handleEmailEvent(message, await servicesForEvent(requireConfig(env)));
	},

	async scheduled(controller, env, _ctx) {
		const summary = await runTick(await servicesForEvent(requireConfig(env), controller.scheduledTime));
		console.log(JSON.stringify({ event: "tick", cron: controller.cron, ...summary }));
	},
	async queue(batch, env, _ctx) {
		const config = requireConfig(env);
		await consumeTickWork(batch.messages, (at) => buildServices(config, fixedClock(at)));
	},
} satisfies ExportedHandler<Record<string, unknown>, TickWork>;
