/**
 * Wires the four Worker handlers to application code. Nothing else lives here.
 * Each handler imports its code on its first event, so an isolate starts without
 * building schemas, parsers and routes (README, "Cost and capacity"), and an email
 * event never builds the web app.
 */
import type { TickWork } from "./config/env";

type Env = Record<string, unknown>;
let web:
	| Promise<{ fetch: (request: Request, env: Env, ctx: ExecutionContext) => Response | Promise<Response> }>
	| undefined;
const services = () => import("./app/services");
const config = () => import("./config/env");

export default {
	async fetch(request: Request, env: Env, ctx: ExecutionContext) {
		web ??= Promise.all([import("./web/app"), services()]).then(([{ createApp }, { servicesForEvent }]) =>
			createApp({ servicesFor: (config) => servicesForEvent(config) }),
		);
		return (await web).fetch(request, env, ctx);
	},

	async email(message, env, _ctx) {
		const [{ handleEmailEvent }, { servicesForEvent }, { requireConfig }] = await Promise.all([
			import("./inbound/email-event"),
			services(),
			config(),
		]);
		await handleEmailEvent(message, await servicesForEvent(requireConfig(env)));
	},

	async scheduled(controller, env, _ctx) {
		const [{ runTick }, { purgeExpired }, { servicesForEvent }, { requireConfig }] = await Promise.all([
			import("./nudges/run-tick"),
			import("./accounts/purge-expired"),
			services(),
			config(),
		]);
		const event = await servicesForEvent(requireConfig(env), controller.scheduledTime);
		const summary = await runTick(event);
		const purged = await purgeExpired(event.db, event.clock.now());
		console.log(JSON.stringify({ event: "tick", cron: controller.cron, ...summary, purged }));
	},

	async queue(batch, env, _ctx) {
		const [{ consumeTickWork }, { buildServices }, { requireConfig }, { fixedClock }] = await Promise.all([
			import("./nudges/queue-consumer"),
			services(),
			config(),
			import("./config/clock"),
		]);
		const cfg = requireConfig(env);
		await consumeTickWork(batch.messages, (at) => buildServices(cfg, fixedClock(at)));
	},
} satisfies ExportedHandler<Env, TickWork>;
