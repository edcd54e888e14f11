/** How hard to fuzz: a fixed seed and a modest count in `npm test`; `npm run fuzz` sets more (and may set a seed). */
import { env } from "cloudflare:workers";

const bindings = env as unknown as Record<string, string | undefined>;
export const fuzzRuns = (ciDefault: number) => Number(bindings.FUZZ_RUNS || ciDefault);
export const fuzzSeed = (fixed: number) => (bindings.FUZZ_SEED ? Number(bindings.FUZZ_SEED) : fixed);
