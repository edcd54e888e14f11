/** The inbound log: one row per email, written in the same batch as the email's effects. */
import type { Db } from "../db/client";
import { inboundLog } from "../db/schema";
import type { InboundOutcome } from "./inbound-outcome";

export interface InboundLogEntry {
	id: string;
	messageKey: string;
	envelopeFrom: string;
	envelopeTo: string;
	fromHeader: string | null;
	subject: string | null;
	sizeBytes: number;
	outcome: InboundOutcome;
	at: Date;
}

const clip = (s: string | null, n: number) => (s === null ? null : s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function insertInboundLog(db: Db, e: InboundLogEntry) {
	return db.insert(inboundLog).values({
		id: e.id,
		userId: e.outcome.userId,
		messageKey: clip(e.messageKey, 500) ?? "",
		envelopeFrom: clip(e.envelopeFrom, 320) ?? "",
		envelopeTo: clip(e.envelopeTo, 320) ?? "",
		fromHeader: clip(e.fromHeader, 320),
		subject: clip(e.subject, 200),
		sizeBytes: e.sizeBytes,
		outcome: e.outcome.outcome,
		reason: e.outcome.reason,
		detail: clip(e.outcome.detail, 1000) ?? "",
		createdAt: e.at,
	});
}
