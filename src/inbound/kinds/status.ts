/** status@: the pending nudges and tracked contacts, in one short mail. */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { contacts, nudges } from "../../db/schema";
import { plural } from "../../lib/plural";
import { formatDate, formatLocal } from "../../time/local-time";
import { cleanDisplayName } from "../../tracking/contact-name";
import { OPEN_NUDGE_STATES } from "../../tracking/nudge-kinds";
import { type Account, accepted, type InboundContext } from "../inbound-context";
import { answer } from "../reply-mail";
import type { Draft } from "../reply-texts";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

const LIMIT = 25;
/** How far back undeliverable mail is reported. */
const FAILED_DAYS = 30;
const FAILED_LIMIT = 5;

const KIND_NAMES: Record<string, string> = { digest: "digest", nudge: "reminder", confirmation: "confirmation" };

/** Mail of ours to this user that the provider refused for good. */
async function failedMail(ctx: InboundContext, userId: string, timezone: string): Promise<string[]> {
	const failed = await ctx.services.outbox.recentFailures(userId, ctx.services.clock.now(), FAILED_DAYS, FAILED_LIMIT);
	if (!failed.length) return [];
	return [
		"",
		`Could not be delivered (last ${FAILED_DAYS} days):`,
		...failed.map(
			(f) =>
				`- the ${KIND_NAMES[f.kind] ?? "mail"} of ${formatLocal(f.createdAt, timezone)}: ${(f.error ?? "refused").slice(0, 120)}`,
		),
	];
}

async function statusMail(ctx: InboundContext, account: Account): Promise<Draft> {
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
		.where(and(eq(nudges.userId, user.id), inArray(nudges.state, OPEN_NUDGE_STATES)))
		.orderBy(asc(nudges.dueAt))
		.limit(LIMIT + 1);
	const [counted] = await db.select({ n: count() }).from(contacts).where(eq(contacts.userId, user.id));
	const tracked = counted?.n ?? 0;
	const lines = pending.slice(0, LIMIT).map((n, i) => {
		const who = cleanDisplayName(n.name) || n.email || n.note || "reminder";
		const when = n.dueOn ? formatDate(n.dueOn) : formatLocal(n.dueAt, user.timezone);
		return `${i + 1}. ${n.kind.replace("_", " ")}: ${who}, ${when}`;
	});
	if (pending.length > LIMIT) lines.push(`…and more: the dashboard lists everything.`);
	return {
		subject: `Your follow-ups: ${pending.length > LIMIT ? `${LIMIT}+` : pending.length} pending, ${plural(tracked, "contact")}`,
		text: [
			pending.length ? "Coming up:" : "Nothing pending. BCC track@ on your next outreach.",
			...lines,
			"",
			`${plural(tracked, "contact")} tracked. Status ${user.status}, digest at ${String(Math.floor(user.digestMinutes / 60)).padStart(2, "0")}:${String(user.digestMinutes % 60).padStart(2, "0")} ${user.timezone}.`,
			...(await failedMail(ctx, user.id, user.timezone)),
			"",
			"— Followthrough",
		].join("\n"),
	};
}

export const status: InboundKind<Account> = {
	name: "status",
	match: (input) => (input.route.kind === "status" ? confirmedAccount(input) : null),
	process: async (ctx, account) =>
		answer(ctx, account, accepted(account.user.id, { reason: "status" }), await statusMail(ctx, account)),
};
