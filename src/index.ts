/** Wires the four Worker handlers to application code. Nothing else lives here. */
import { purgeExpired } from "./accounts/purge-expired";
import { buildServices, servicesForEvent } from "./app/services";
import { fixedClock } from "./config/clock";
import { requireConfig, type TickWork } from "./config/env";
import { handleEmailEvent } from "./inbound/email-event";
import { consumeTickWork } from "./nudges/queue-consumer";
import { runTick } from "./nudges/run-tick";
import { createApp } from "./web/app";

type Env = Record<string, unknown>;
const app = createApp({ servicesFor: (config) => servicesForEvent(config) });

export default {
	fetch: app.fetch,

	async email(message, env, _ctx) {
		await handleEmailEvent(message, await servicesForEvent(requireConfig(env)));
	},

	async scheduled(controller, env, _ctx) {
		const services = await servicesForEvent(requireConfig(env), controller.scheduledTime);
		const summary = await runTick(services);
		const purged = await purgeExpired(services.db, services.clock.now());
		console.log(JSON.stringify({ event: "tick", cron: controller.cron, ...summary, purged }));
	},

	async queue(batch, env, _ctx) {
		const cfg = requireConfig(env);
		await consumeTickWork(batch.messages, (at) => buildServices(cfg, fixedClock(at)));
	},
} satisfies ExportedHandler<Env, TickWork>;
