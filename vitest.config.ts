import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Tests run inside workerd against a real local D1 with every migration applied
// (test/setup/apply-migrations.ts). A Resend stub runs in Node (test/node/resend-stub-server.ts),
// and the shared corpus is read in Node and provided to the conformance suites (test/node/corpus.ts).
export default defineConfig(async () => {
	const bench = process.env.FOLLOWTHROUGH_BENCH === "1";
	const migrations = await readD1Migrations("./migrations");
	return {
		plugins: [
			cloudflareTest(({ inject }) => ({
				wrangler: { configPath: "./wrangler.toml" },
				miniflare: {
					bindings: {
						ENVIRONMENT: "development",
						MAIL_DOMAIN: "followthrough.test",
						TEST_MIGRATIONS: migrations,
						RESEND_STUB_URL: inject<string>("resendStubUrl"),
						// `npm run fuzz` (scripts/fuzz.mjs) raises these; empty means each suite's CI default.
						FUZZ_RUNS: process.env.FOLLOWTHROUGH_FUZZ_RUNS ?? "",
						FUZZ_SEED: process.env.FOLLOWTHROUGH_FUZZ_SEED ?? "",
					},
				},
			})),
		],
		test: {
			// `npm run bench` (scripts/bench.mjs) sets FOLLOWTHROUGH_BENCH: only the benchmarks run, without time limits.
			...(bench
				? { include: ["test/bench/**/*.bench.test.ts"], testTimeout: 600_000, hookTimeout: 600_000 }
				: {
						include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
						exclude: ["test/bench/**", "test/browser/**", "node_modules/**"],
					}),
			// The Worker's one-line JSON event logs are for production; keep test output readable.
			onConsoleLog: (log: string) => !log.startsWith('{"event":'),
			globalSetup: ["./test/node/resend-stub-server.ts", "./test/node/corpus.ts"],
			setupFiles: ["./test/setup/apply-migrations.ts"],
		},
	};
});
