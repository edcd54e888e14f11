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
