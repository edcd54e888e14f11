/** status@: the pending nudges and tracked contacts, in one short mail. */
import { and, asc, count, eq, sql } from "drizzle-orm";
import { contacts, nudges } from "../../db/schema";
import { plural } from "../../lib/plural";
import { formatDate, formatLocal } from "../../time/local-time";
import { cleanDisplayName } from "../../tracking/contact-name";
import { openNudge } from "../../tracking/nudge-kinds";
import { type Account, accepted, type InboundContext } from "../inbound-context";
import { answer } from "../reply-mail";
import type { Draft } from "../reply-texts";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

const LIMIT = 25;
/** How far back undeliverable mail is reported. */
const FAILED_DAYS = 30;
const FAILED_LIMIT = 5;

const KIND_NAMES: Record<string, string> = { digest: "digest", nudge: "reminder", confirmation: "confirmation" };

type Failed = { kind: string; createdAt: Date; error: string | null };

/** Mail of ours to this user that the provider refused for good. */
function failedLines(failed: readonly Failed[], timezone: string): string[] {
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

/** Contacts are counted up to this many: the count reads one index entry per contact. */
const COUNT_CAP = 1000;
const trackedWords = (n: number) =>
	n > COUNT_CAP ? `more than ${COUNT_CAP.toLocaleString("en")} contacts` : plural(n, "contact");

async function statusMail(ctx: InboundContext, account: Account): Promise<Draft> {
	const { db, outbox, clock } = ctx.services;
	const { user } = account;
	const upTo = db
		.select({ one: sql`1` })
		.from(contacts)
		.where(eq(contacts.userId, user.id))
		.limit(COUNT_CAP + 1)
		.as("counted");
	// One round trip: the open nudges (a page, by nudges_user_open_due_idx), the count, the failures.
	const [pending, counted, failed] = await db.batch([
		db
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
			.where(and(eq(nudges.userId, user.id), openNudge(nudges.state)))
			.orderBy(asc(nudges.dueAt))
			.limit(LIMIT + 1),
		db.select({ n: count() }).from(upTo),
		outbox.recentFailures(user.id, clock.now(), FAILED_DAYS, FAILED_LIMIT),
	]);
	const tracked = counted[0]?.n ?? 0;
	const lines = pending.slice(0, LIMIT).map((n, i) => {
		const who = cleanDisplayName(n.name) || n.email || n.note || "reminder";
		const when = n.dueOn ? formatDate(n.dueOn) : formatLocal(n.dueAt, user.timezone);
		return `${i + 1}. ${n.kind.replace("_", " ")}: ${who}, ${when}`;
	});
	if (pending.length > LIMIT) lines.push(`…and more: the dashboard lists everything.`);
	return {
		subject: `Your follow-ups: ${pending.length > LIMIT ? `${LIMIT}+` : pending.length} pending, ${trackedWords(tracked)}`,
		text: [
			pending.length ? "Coming up:" : "Nothing pending. BCC track@ on your next outreach.",
			...lines,
			"",
			`${trackedWords(tracked)} tracked. Status ${user.status}, digest at ${String(Math.floor(user.digestMinutes / 60)).padStart(2, "0")}:${String(user.digestMinutes % 60).padStart(2, "0")} ${user.timezone}.`,
			...failedLines(failed, user.timezone),
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
