import type { Services } from "../app/services";

/** What every route sees: validated services, never raw env. */
export interface AppEnv {
	Bindings: Record<string, unknown>;
	Variables: { services: Services };
}
