/** Builds raw mail and hands it to the real email() handler, as Email Routing would. */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";

export const AUTH_PASS = (domain: string) =>
	`i=1; mx.cloudflare.net; dkim=pass header.d=${domain} header.s=s1; dmarc=pass header.from=${domain}; spf=pass smtp.mailfrom=bounce@${domain}`;

export interface RawMailOptions {
	from?: string;
	to?: string;
	subject?: string;
	body?: string;
	messageId?: string | null;
	/** Extra header lines, placed first (top-most), e.g. an ARC-Authentication-Results. */
	headers?: string[];
	date?: string;
}

export function rawMail(o: RawMailOptions = {}): string {
	const from = o.from ?? "Pat Doe <pat@example.com>";
	const lines = [
		...(o.headers ?? []),
		`From: ${from}`,
		`To: ${o.to ?? "Ann Lee <ann@acme.example>"}`,
		`Subject: ${o.subject ?? "Coffee next week?"}`,
		`Date: ${o.date ?? "Mon, 23 Nov 2026 09:15:00 -0500"}`,
		...(o.messageId === null ? [] : [`Message-ID: <${o.messageId ?? `${crypto.randomUUID()}@example.com`}>`]),
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=utf-8",
		"",
		o.body ?? "Hi Ann, would you have 20 minutes next week?",
		"",
	];
	return lines.join("\r\n");
}

export interface Delivered {
	rejected: string | null;
}

/** Runs worker.email() with a message shaped like Email Routing's. */
export async function deliverEmail(
	raw: string | Uint8Array,
	envelope: { from?: string; to?: string; rawSize?: number } = {},
	bindings: Record<string, unknown> = env as unknown as Record<string, unknown>,
): Promise<Delivered> {
	const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
	let rejected: string | null = null;
	const message = {
		from: envelope.from ?? "pat@example.com",
		to: envelope.to ?? "track@followthrough.test",
		headers: new Headers(),
		raw: new Blob([bytes]).stream(),
		rawSize: envelope.rawSize ?? bytes.byteLength,
		setReject(reason: string) {
			rejected = reason;
		},
		forward: async () => ({ messageId: "" }),
		reply: async () => ({ messageId: "" }),
	} as unknown as ForwardableEmailMessage;
	const ctx = createExecutionContext();
	await worker.email(message, bindings, ctx);
	await waitOnExecutionContext(ctx);
	return { rejected };
}
