/** Inbound mail as plain data: what the email() edge hands to the application. */

export interface InboundEmail {
	/** Envelope sender (SMTP MAIL FROM); may be empty for bounces. */
	envelopeFrom: string;
	/** Envelope recipient: one of our addresses. */
	envelopeTo: string;
	/** Size the MTA reported, known before the body is read. */
	rawSize: number;
	/** The raw RFC 5322 message; null when it was not read (over the size cap). */
	raw: Uint8Array | null;
}

/** The single result of processing one inbound email, logged exactly once. */
export type InboundOutcome =
	| { outcome: "accepted"; reason: string; detail: string; userId: string | null }
	| { outcome: "ignored"; reason: string; detail: string; userId: string | null }
	| { outcome: "held"; reason: string; detail: string; userId: string }
	/** Refused at SMTP time: `detail` is the reason given to the sending server. */
	| { outcome: "rejected"; reason: string; detail: string; userId: null };
