/**
 * The Activity page: every inbound email of the user, newest first, with what it
 * did and why. Keyset paging on inbound_log_user_created_id_idx: a page deep in a
 * long history reads its rows, not every row before it.
 */
import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { keysetWindow } from "../db/keyset";
import { inboundLog } from "../db/schema";
import { type Page, type PageAt, toKeysetPage } from "../lib/paging";

export async function activity(db: Db, userId: string, at: PageAt): Promise<Page<ActivityRow>> {
	const { where, orderBy, limit, offset } = keysetWindow(
		{ key: inboundLog.createdAt, id: inboundLog.id, direction: "desc" },
		at,
	);
	const conditions: SQL[] = [eq(inboundLog.userId, userId), ...(where ? [where] : [])];
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
		.where(and(...conditions))
		.orderBy(...orderBy)
		.limit(limit)
		.offset(offset);
	return toKeysetPage(rows, at, (r) => ({ key: r.at.getTime(), id: r.id }));
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
