import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run bench`: the inbound benchmark inside workerd (test/bench/), not part of `npm test`.
export default defineConfig(async (env) =>
	mergeConfig(await (typeof base === "function" ? base(env) : base), {
		test: { include: ["test/bench/**/*.bench.test.ts"], testTimeout: 600_000, hookTimeout: 600_000 },
	}),
);
