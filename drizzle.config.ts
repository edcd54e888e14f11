import { defineConfig } from "drizzle-kit";

// One migrations folder for every tool: drizzle-kit writes it, wrangler applies it
// (local and remote), and the test setup applies it to each test's D1.
export default defineConfig({
	dialect: "sqlite",
	schema: "./src/db/schema.ts",
	out: "./migrations",
});
