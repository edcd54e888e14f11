/**
 * A bound on new pending accounts, so a catch-all domain cannot fill D1 with
 * accounts and held mail: at most PENDING_CAPS.perDomainPerDay a day from one
 * organisation (a.evil.example and b.evil.example are one), and
 * PENDING_CAPS.totalPerDay in all. One query, through users(status, created_at):
 * it reads at most the day's pending accounts, which the cap itself bounds.
 */
import { type SQL, sql } from "drizzle-orm";
import { getDomain } from "tldts";
import type { Db } from "../db/client";
import { userAddresses, users } from "../db/schema";

export const PENDING_CAPS = { perDomainPerDay: 50, totalPerDay: 2000 };

export type PendingRoom = { ok: true } | { ok: false; scope: "domain" | "total" };

/** The organisational domain of an address (private suffixes such as eu.org count as their own). */
export function organisationOf(address: string): string {
	const host = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
	return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/**
 * The day's pending accounts, in all and from the address's organisation, as one JSON pair. With
 * `when`, only if it holds: else no row, and nothing read (sender-lookup.ts reads it ahead for a
 * sender who may be new, and only for one). The count is a subquery of a select with no table of
 * its own, because only there does a false WHERE skip it: on the count itself, it still scans.
 */
export function pendingCountQuery(db: Db, address: string, now: Date, when: SQL = sql`1`) {
	const org = organisationOf(address);
	const since = now.getTime() - 86_400_000;
	const tail = sql`substr(${userAddresses.address}, -${org.length + 1})`;
	const day = db
		.select({
			counts: sql`json_array(count(*), coalesce(sum(${tail} = ${`@${org}`} or ${tail} = ${`.${org}`}), 0))`,
		})
		.from(users)
		.innerJoin(userAddresses, sql`${userAddresses.userId} = ${users.id} and ${userAddresses.isPrimary} = 1`)
		.where(sql`${users.status} = 'pending' and ${users.createdAt} > ${since}`);
	return db
		.select({ counts: sql<string>`${day}`.as("counts") })
		.from(sql`(select 1)`)
		.where(when);
}

/** The room the day's count leaves (a row of pendingCountQuery). */
export function pendingRoomOf(row: { counts: string } | undefined, caps = PENDING_CAPS): PendingRoom {
	const [total = 0, sameOrg = 0] = row ? (JSON.parse(row.counts) as number[]) : [];
	if (sameOrg >= caps.perDomainPerDay) return { ok: false, scope: "domain" };
	if (total >= caps.totalPerDay) return { ok: false, scope: "total" };
	return { ok: true };
}

export async function roomForPendingAccount(
	db: Db,
	address: string,
	now: Date,
	caps = PENDING_CAPS,
): Promise<PendingRoom> {
	const [row] = await pendingCountQuery(db, address, now);
	return pendingRoomOf(row, caps);
}
