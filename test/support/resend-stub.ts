/** Test-side view of the Resend stub: a fresh namespace per call, scripted answers, recorded requests. */
import { env } from "cloudflare:workers";

export interface StubRequest {
	method: string;
	path: string;
	headers: Record<string, string>;
	body: unknown;
	status: number;
	/** A repeated Idempotency-Key: answered from the first time, nothing sent. */
	replayed: boolean;
}

export function resendStub() {
	const baseUrl = `${env.RESEND_STUB_URL}/${crypto.randomUUID()}`;
	return {
		baseUrl,
		async script(answers: { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }[]) {
			await fetch(`${baseUrl}/__script`, { method: "POST", body: JSON.stringify(answers) });
		},
		async requests(): Promise<StubRequest[]> {
			return (await (await fetch(`${baseUrl}/__requests`)).json()) as StubRequest[];
		},
		/** Mails Resend would have sent: successful, non-replayed requests, flattened. */
		async delivered(): Promise<{ to: string; subject: string }[]> {
			return (await (await fetch(`${baseUrl}/__delivered`)).json()) as { to: string; subject: string }[];
		},
	};
}
