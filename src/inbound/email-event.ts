/**
 * The email() edge: reads the Email Routing message into plain data, runs the
 * pipeline, writes the one log row, and maps the outcome to SMTP (setReject).
 */
import type { Services } from "../app/services";
import { newId, sha256Hex } from "../lib/crypto";
import type { InboundEmail, InboundOutcome } from "./inbound-email";
import { insertInboundLog } from "./inbound-log-repo";
import { processInbound } from "./process-inbound";

export interface EmailMessageLike {
	readonly from: string;
	readonly to: string;
	readonly raw: ReadableStream<Uint8Array>;
	readonly rawSize: number;
	setReject(reason: string): void;
}

async function readRaw(message: EmailMessageLike, cap: number): Promise<Uint8Array | null> {
	if (message.rawSize > cap) return null;
	const bytes = new Uint8Array(await new Response(message.raw).arrayBuffer());
	return bytes.byteLength > cap ? null : bytes;
}

/** The one place an outcome becomes an SMTP answer. */
function answerSmtp(message: EmailMessageLike, outcome: InboundOutcome): void {
	if (outcome.outcome === "rejected") message.setReject(outcome.detail);
}

export async function handleEmailEvent(message: EmailMessageLike, services: Services): Promise<InboundOutcome> {
	const { config, clock, db } = services;
	const raw = await readRaw(message, config.maxInboundBytes);
	const email: InboundEmail = {
		envelopeFrom: message.from,
		envelopeTo: message.to,
		rawSize: raw?.byteLength ?? message.rawSize,
		raw,
	};
	const { outcome, mail } = await processInbound(email, config);
	const messageKey = mail?.messageId ?? (raw ? `sha256:${await sha256Hex(raw)}` : `unread:${newId()}`);
	await db.batch([
		insertInboundLog(db, {
			id: newId(),
			messageKey,
			envelopeFrom: email.envelopeFrom,
			envelopeTo: email.envelopeTo,
			fromHeader: mail?.from?.address ?? null,
			subject: mail?.subject ?? null,
			sizeBytes: email.rawSize,
			outcome,
			at: clock.now(),
		}),
	]);
	console.log(
		JSON.stringify({ event: "inbound", to: email.envelopeTo, outcome: outcome.outcome, reason: outcome.reason }),
	);
	answerSmtp(message, outcome);
	return outcome;
}
