import type { D1Migration } from "cloudflare:test";

declare global {
	namespace Cloudflare {
		interface Env {
			DB: D1Database;
			ENVIRONMENT: string;
			MAIL_DOMAIN: string;
			TEST_MIGRATIONS: D1Migration[];
			/** Base URL of the Node-side Resend stub (test/node/resend-stub-server.ts). */
			RESEND_STUB_URL: string;
		}
	}
}

declare module "vitest" {
	export interface ProvidedContext {
		/** Whether `spamassassin` runs on this machine (test/node/resend-stub-server.ts). */
		spamassassin: boolean;
	}
}
