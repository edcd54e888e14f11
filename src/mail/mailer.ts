/** What the rest of the app knows about sending mail: a small interface and plain values. */

export interface OutgoingMail {
	/** Our outbox id; doubles as the provider's Idempotency-Key. */
	id: string;
	from: string;
	to: string;
	replyTo: string | null;
	subject: string;
	text: string;
	html: string | null;
	/** Extra headers, lower-case names (message-id, auto-submitted, list-unsubscribe…). */
	headers: Record<string, string>;
}

export type SendResult =
	| { ok: true; providerId: string | null }
	| {
			ok: false;
			/** `retryable`: try again later (429, 5xx, network); `permanent`: do not retry. */
			kind: "retryable" | "permanent";
			status: number | null;
			message: string;
			retryAfterMs: number | null;
	  };

/** Resend's batch endpoint takes at most this many mails per call. */
export const MAX_BATCH = 100;

export interface Mailer {
	readonly name: "resend" | "dev-mailbox";
	send(mail: OutgoingMail): Promise<SendResult>;
	/** Up to MAX_BATCH mails in one call; one result per mail, in order. */
	sendBatch(mails: OutgoingMail[]): Promise<SendResult[]>;
}
