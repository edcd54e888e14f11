/** status@: the pending nudges and tracked contacts, in one short mail. */
import { plural } from "../../lib/plural";
import { formatDate, formatLocal } from "../../time/local-time";
import { cleanDisplayName } from "../../tracking/contact-name";
import { NUDGE_KIND_WORDS } from "../../tracking/nudge-kinds";
import { type Account, accepted, type InboundContext } from "../inbound-context";
import { answer } from "../reply-mail";
import type { Draft } from "../reply-texts";
import { COUNT_CAP, FAILED_DAYS, readStatus, STATUS_LIMIT } from "../status-read-ahead";
import { confirmedAccount, type InboundKind } from "./inbound-kind";

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

const trackedWords = (n: number) =>
	n > COUNT_CAP ? `more than ${COUNT_CAP.toLocaleString("en")} contacts` : plural(n, "contact");

async function statusMail(ctx: InboundContext, account: Account): Promise<Draft> {
	const { user } = account;
	// Read ahead with the sender lookup for mail to status@ (status-read-ahead.ts), else here.
	const { pending, tracked, failed } =
		ctx.accountAhead?.status ?? (await readStatus(ctx.services.db, user.id, ctx.now));
	const lines = pending.slice(0, STATUS_LIMIT).map((n, i) => {
		const who = cleanDisplayName(n.name) || n.email || n.note || "reminder";
		const when = n.dueOn ? formatDate(n.dueOn) : formatLocal(n.dueAt, user.timezone);
		return `${i + 1}. ${NUDGE_KIND_WORDS[n.kind]}: ${who}, ${when}`;
	});
	if (pending.length > STATUS_LIMIT) lines.push(`…and more: the dashboard lists everything.`);
	return {
		subject: `Your follow-ups: ${pending.length > STATUS_LIMIT ? `${STATUS_LIMIT}+` : pending.length} pending, ${trackedWords(tracked)}`,
		text: [
			pending.length ? "Open now or coming up:" : "Nothing pending. BCC track@ on your next outreach.",
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
