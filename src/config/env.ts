/**
 * Env bindings are validated once, at the edge of every event, into a typed
 * Config. Domain code never reads `env` directly.
 */
import { z } from "zod";
import { lazy } from "../lib/lazy";

export const ENVIRONMENTS = ["development", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

const DEV_MAIL_DOMAIN = "followthrough.test";
const DEV_APP_SECRET = "development-only-secret-do-not-deploy-0000";
const MIB = 1024 * 1024;

/** Work the cron tick hands to the queue consumer when it runs out of budget. */
export interface TickWork {
	kind: "nudges" | "deliver";
	/** The tick's "now", epoch ms. */
	at: number;
}

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// Built on first use (src/lib/lazy.ts): building zod schemas is costly at startup.
const envSchema = lazy(() => {
	const hostname = z
		.string()
		.trim()
		.toLowerCase()
		.regex(
			/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
			"must be a domain name such as example.com",
		);

	const d1 = z.custom<D1Database>(
		(v) => typeof v === "object" && v !== null && typeof (v as D1Database).prepare === "function",
		"must be a D1 database binding (see [[d1_databases]] in wrangler.toml)",
	);

	const queue = z.custom<Queue<TickWork>>(
		(v) => typeof v === "object" && v !== null && typeof (v as Queue).send === "function",
		"must be a Queues producer binding (see [[queues.producers]] in wrangler.toml)",
	);

	return z
		.object({
			DB: d1,
			ENVIRONMENT: z.enum(ENVIRONMENTS).default("production"),
			MAIL_DOMAIN: z.preprocess(emptyToUndefined, hostname.optional()),
			MAIL_FROM_NAME: z.preprocess(emptyToUndefined, z.string().max(64).default("Followthrough")),
			PUBLIC_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
			APP_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
			RESEND_API_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
			RESEND_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
			RESEND_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(50).max(120_000).default(15_000)),
			DELIVERY_QUEUE: queue.optional(),
			TICK_BUDGET_PAGES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).default(3)),
			MAX_INBOUND_BYTES: z.preprocess(
				emptyToUndefined,
				z.coerce
					.number()
					.int()
					.min(1024)
					.max(25 * MIB)
					.default(10 * MIB),
			),
		})
		.superRefine((env, ctx) => {
			if (env.ENVIRONMENT !== "production") return;
			for (const key of ["MAIL_DOMAIN", "APP_SECRET", "PUBLIC_URL", "RESEND_API_KEY"] as const) {
				if (env[key] === undefined) {
					ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
				}
			}
		});
});

export interface Config {
	db: D1Database;
	environment: Environment;
	isDevelopment: boolean;
	mailDomain: string;
	/** Display name and address our mail comes from. */
	mailFrom: string;
	/** Base URL for links in mail, without a trailing slash. */
	publicUrl: string;
	appSecret: string;
	resend: { apiKey: string; baseUrl: string | undefined; timeoutMs: number } | null;
	maxInboundBytes: number;
	/** Where a tick hands leftover work; null: the next tick picks it up. */
	deliveryQueue: Queue<TickWork> | null;
	/** Pages of due nudges (1,000 each) one tick or queue message handles before handing on. */
	tickBudgetPages: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

/** Validates the Worker's env. The error names every missing or invalid setting. */
export function parseEnv(env: unknown): ConfigResult {
	const parsed = envSchema().safeParse(env ?? {});
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "env"} ${i.message}`);
		return { ok: false, error: `Configuration error: ${problems.join("; ")}` };
	}
	const e = parsed.data;
	const mailDomain = e.MAIL_DOMAIN ?? DEV_MAIL_DOMAIN;
	return {
		ok: true,
		config: {
			db: e.DB,
			environment: e.ENVIRONMENT,
			isDevelopment: e.ENVIRONMENT === "development",
			mailDomain,
			mailFrom: `${e.MAIL_FROM_NAME} <hello@${mailDomain}>`,
			publicUrl: (e.PUBLIC_URL ?? "http://127.0.0.1:8787").replace(/\/+$/, ""),
			appSecret: e.APP_SECRET ?? DEV_APP_SECRET,
			resend: e.RESEND_API_KEY
				? { apiKey: e.RESEND_API_KEY, baseUrl: e.RESEND_BASE_URL, timeoutMs: e.RESEND_TIMEOUT_MS }
				: null,
			maxInboundBytes: e.MAX_INBOUND_BYTES,
			deliveryQueue: e.DELIVERY_QUEUE ?? null,
			tickBudgetPages: e.TICK_BUDGET_PAGES,
		},
	};
}

/**
 * The config of each env object already validated (issue 14): workerd hands every event
 * of an isolate the same env, and validating it with zod cost ~0.08 ms per event.
 */
const configs = new WeakMap<object, Config>();

/** For handlers that cannot answer with a value: a misconfigured Worker is a bug to fix, not an outcome. */
export function requireConfig(env: unknown): Config {
	const known = typeof env === "object" && env !== null ? configs.get(env) : undefined;
	if (known) return known;
	const result = parseEnv(env);
	if (!result.ok) throw new Error(result.error);
	if (typeof env === "object" && env !== null) configs.set(env, result.config);
	return result.config;
}
