/** The Activity page: every inbound email of the user, newest first, with what it did and why. */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { inboundLog } from "../db/schema";
import { type Page, pageWindow, toPage } from "../lib/paging";

export async function activity(db: Db, userId: string, page: number): Promise<Page<ActivityRow>> {
	const { limit, offset } = pageWindow(page);
	const rows = await db
		.select({
			id: inboundLog.id,
			at: inboundLog.createdAt,
			to: inboundLog.envelopeTo,
			subject: inboundLog.subject,
			outcome: inboundLog.outcome,
			reason: inboundLog.reason,
			detail: inboundLog.detail,
		})
		.from(inboundLog)
		.where(and(eq(inboundLog.userId, userId)))
		.orderBy(desc(inboundLog.createdAt), desc(inboundLog.id))
		.limit(limit)
		.offset(offset);
	return toPage(rows, page);
}

export type ActivityRow = {
	id: string;
	at: Date;
	to: string;
	subject: string | null;
	outcome: string;
	reason: string;
	detail: string;
};
