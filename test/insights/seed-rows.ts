/** Direct inserts for insights tests: a user, contacts, threads and nudges with chosen times. */
import { contacts, nudges, threads, users } from "../../src/db/schema";
import { db } from "../support/outbox";

let seq = 0;
export const uid = (p: string) => `${p}-${++seq}-${crypto.randomUUID().slice(0, 8)}`;

export async function seedUser(timezone: string, at: Date) {
	const id = uid("user");
	await db.insert(users).values({ id, status: "active", timezone, createdAt: at, verifiedAt: at });
	return id;
}

export async function seedContact(
	userId: string,
	o: { name: string; referrerId?: string | null; at: Date; introducedAt?: Date },
) {
	const id = uid("contact");
	await db.insert(contacts).values({
		id,
		userId,
		email: `${id}@example.com`,
		name: o.name,
		referrerId: o.referrerId ?? null,
		introducedAt: o.introducedAt ?? null,
		createdAt: o.at,
		updatedAt: o.at,
	});
	return id;
}

export async function seedThread(
	userId: string,
	o: {
		contactId: string;
		kind: "outreach" | "intro" | "application";
		createdAt: Date;
		lastOutboundAt: Date | null;
		lastInboundAt?: Date | null;
		subject?: string;
	},
) {
	const id = uid("thread");
	await db.insert(threads).values({
		id,
		userId,
		contactId: o.contactId,
		kind: o.kind,
		state: o.lastInboundAt ? "replied" : "open",
		subjectKey: (o.subject ?? "coffee").toLowerCase(),
		subject: o.subject ?? "Coffee",
		lastOutboundAt: o.lastOutboundAt,
		lastInboundAt: o.lastInboundAt ?? null,
		createdAt: o.createdAt,
		updatedAt: o.createdAt,
	});
	return id;
}

export type NudgeSeed = {
	contactId?: string | null;
	threadId?: string | null;
	kind: (typeof nudges.$inferInsert)["kind"];
	state: (typeof nudges.$inferInsert)["state"];
	dueAt: Date;
	dueOn?: string | null;
	attempt?: number;
	note?: string | null;
	sentAt?: Date | null;
	closedAt?: Date | null;
};

export async function seedNudge(userId: string, n: NudgeSeed) {
	const id = uid("nudge");
	await db.insert(nudges).values({
		id,
		userId,
		contactId: n.contactId ?? null,
		threadId: n.threadId ?? null,
		kind: n.kind,
		state: n.state,
		dueAt: n.dueAt,
		dueOn: n.dueOn ?? null,
		attempt: n.attempt ?? 0,
		note: n.note ?? null,
		sentAt: n.sentAt ?? null,
		closedAt: n.closedAt ?? null,
		createdAt: n.dueAt,
		updatedAt: n.dueAt,
	});
	return id;
}
