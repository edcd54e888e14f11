import type { Services } from "../app/services";
import type { SessionUser } from "../session/session-repo";

/** What every route sees: validated services, never raw env; and, behind sign-in, the user. */
export interface AppEnv {
	Bindings: Record<string, unknown>;
	Variables: { services: Services; user: SessionUser; sessionId: string };
}
