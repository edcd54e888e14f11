/**
 * A bound on new pending accounts, so a catch-all domain cannot fill D1 with
 * accounts and held mail: at most PENDING_CAPS.perDomainPerDay a day from one
 * organisation (a.evil.example and b.evil.example are one), and
 * PENDING_CAPS.totalPerDay in all. One query, through users(status, created_at):
 * it reads at most the day's pending accounts, which the cap itself bounds.
 */
import { sql } from "drizzle-orm";
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

export async function roomForPendingAccount(
	db: Db,
	address: string,
	now: Date,
	caps = PENDING_CAPS,
): Promise<PendingRoom> {
	const org = organisationOf(address);
	const since = now.getTime() - 86_400_000;
	const tail = sql`substr(${userAddresses.address}, -${org.length + 1})`;
	const [row] = await db
		.select({
			total: sql<number>`count(*)`,
			sameOrg: sql<number>`coalesce(sum(${tail} = ${`@${org}`} or ${tail} = ${`.${org}`}), 0)`,
		})
		.from(users)
		.innerJoin(userAddresses, sql`${userAddresses.userId} = ${users.id} and ${userAddresses.isPrimary} = 1`)
		.where(sql`${users.status} = 'pending' and ${users.createdAt} > ${since}`);
	if ((row?.sameOrg ?? 0) >= caps.perDomainPerDay) return { ok: false, scope: "domain" };
	if ((row?.total ?? 0) >= caps.totalPerDay) return { ok: false, scope: "total" };
	return { ok: true };
}
