/** Wires the three Worker handlers to application code. Nothing else lives here. */
import { purgeExpired } from "./accounts/purge-expired";
import { buildServices } from "./app/services";
import { fixedClock, systemClock } from "./config/clock";
import { requireConfig, type TickWork } from "./config/env";
import { handleEmailEvent } from "./inbound/email-event";
import { consumeTickWork } from "./nudges/queue-consumer";
import { runTick } from "./nudges/run-tick";
import { createApp } from "./web/app";

const app = createApp({ clock: systemClock });

export default {
	fetch: app.fetch,

	async email(message, env, _ctx) {
		await handleEmailEvent(message, buildServices(requireConfig(env), systemClock));
	},

	async scheduled(controller, env, _ctx) {
		const services = buildServices(requireConfig(env), fixedClock(controller.scheduledTime));
		const summary = await runTick(services);
		const purged = await purgeExpired(services.db, services.clock.now());
		console.log(JSON.stringify({ event: "tick", cron: controller.cron, ...summary, purged }));
	},
	async queue(batch, env, _ctx) {
		const config = requireConfig(env);
		await consumeTickWork(batch.messages, (at) => buildServices(config, fixedClock(at)));
	},
} satisfies ExportedHandler<Record<string, unknown>, TickWork>;
