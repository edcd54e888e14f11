import { defineConfig } from "vitest/config";

// The browser suite runs in Node and drives Chromium against a running Worker;
// scripts/test-browser.mjs starts that Worker and sets FOLLOWTHROUGH_URL.
export default defineConfig({
	test: {
		include: ["test/browser/**/*.test.ts"],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		fileParallelism: false,
	},
});
