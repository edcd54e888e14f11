/** status@: the pending nudges and tracked contacts, in one short mail. */
import { and, asc, eq, inArray } from "drizzle-orm";
import { contacts, nudges } from "../../db/schema";
import { formatDate, formatLocal } from "../../time/local-time";
import type { Account, InboundContext } from "../inbound-context";
import type { Draft } from "../reply-texts";

const LIMIT = 25;

export async function statusMail(ctx: InboundContext, account: Account): Promise<Draft> {
	const { db } = ctx.services;
	const { user } = account;
	const pending = await db
		.select({
			kind: nudges.kind,
			dueAt: nudges.dueAt,
			dueOn: nudges.dueOn,
			note: nudges.note,
			name: contacts.name,
			email: contacts.email,
		})
		.from(nudges)
		.leftJoin(contacts, eq(contacts.id, nudges.contactId))
		.where(and(eq(nudges.userId, user.id), inArray(nudges.state, ["pending", "snoozed"])))
		.orderBy(asc(nudges.dueAt))
		.limit(LIMIT + 1);
	const tracked = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.userId, user.id));
	const lines = pending.slice(0, LIMIT).map((n, i) => {
		const who = n.name || n.email || n.note || "reminder";
		const when = n.dueOn ? formatDate(n.dueOn) : formatLocal(n.dueAt, user.timezone);
		return `${i + 1}. ${n.kind.replace("_", " ")}: ${who}, ${when}`;
	});
	if (pending.length > LIMIT) lines.push(`…and more: the dashboard lists everything.`);
	return {
		subject: `Your follow-ups: ${pending.length > LIMIT ? `${LIMIT}+` : pending.length} pending, ${tracked.length} contacts`,
		text: [
			pending.length ? "Coming up:" : "Nothing pending. BCC track@ on your next outreach.",
			...lines,
			"",
			`${tracked.length} ${tracked.length === 1 ? "contact" : "contacts"} tracked. Status ${user.status}, digest at ${String(Math.floor(user.digestMinutes / 60)).padStart(2, "0")}:${String(user.digestMinutes % 60).padStart(2, "0")} ${user.timezone}.`,
			"",
			"— Followthrough",
		].join("\n"),
	};
}
