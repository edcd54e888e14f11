/**
 * Applies reply commands to the user's items: each command finds its targets
 * (the mail's numbered items, or contacts by name), changes state per the
 * cadence rules, and says what it did in one line per item. A command it cannot
 * place asks rather than guesses.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { UserRow } from "../accounts/accounts-repo";
import { setPaused } from "../accounts/pause";
import type { Services } from "../app/services";
import { contacts, nudges, users } from "../db/schema";
import type { Write } from "../db/write";
import { sameDayDue } from "../lifecycle/cadence";
import type { ThreadEvent } from "../lifecycle/thread";
import { applyThreadChanges, type ThreadChange } from "../lifecycle/thread-store";
import { formatLocalNear, formatMinutes } from "../time/local-time";
import { displayName } from "../tracking/ensure-contacts";
import type { KnownRows } from "../tracking/known-rows";
import { OPEN_NUDGE_STATES } from "../tracking/nudge-kinds";
import { createTrackingRepo } from "../tracking/tracking-repo";
import { confirmation, loopOpenedBy } from "./command-confirmation";
import { type Command, GLOBAL_ACTIONS } from "./command-grammar";
import { contactsById, contactsNamed, type Item, type NumberedItems, presentItems } from "./command-items";
import { snoozeUntil } from "./snooze-until";

/** What applying commands needs: the services and the time (a reply mail or a one-click link). */
export interface CommandContext {
	services: Services;
	now: Date;
	/** Threads read ahead with the mail (tracking/known-rows.ts): those it holds cost no round trip. */
	known?: KnownRows;
}

export interface Applied {
	writes: Write[];
	/** One line per change: "Snoozed Ann Lee until Thu 3 Dec, 08:00." */
	done: string[];
	/** Commands that could not be applied, with why. */
	problems: string[];
}

const who = (i: Pick<Item, "contactName" | "contactEmail" | "note">) =>
	i.contactName || i.contactEmail || (i.note ? `"${i.note}"` : "the reminder");

interface Target {
	item: Item | null;
	/** For a name that matched a contact but no item in the mail. */
	contact: { id: string; name: string | null; email: string } | null;
}

async function targetsOf(
	ctx: CommandContext,
	user: UserRow,
	numbered: NumberedItems,
	c: Command,
	problems: string[],
): Promise<Target[]> {
	const t = c.target;
	const items = presentItems(numbered);
	if (t.kind === "all") return items.map((item) => ({ item, contact: null }));
	if (t.kind === "contact") {
		const [contact] = await contactsById(ctx.services.db, user.id, [t.contactId]);
		if (!contact) problems.push(`"${c.line}": that contact is not tracked.`);
		return contact ? [{ item: null, contact }] : [];
	}
	if (t.kind === "numbers") {
		const out: Target[] = [];
		for (const n of t.numbers) {
			const item = numbered[n - 1];
			if (item) out.push({ item, contact: null });
			else if (item === null) problems.push(`"${c.line}": item ${n} is no longer tracked.`);
			else
				problems.push(
					`"${c.line}": there is no item ${n}${numbered.length ? ` (that email had 1–${numbered.length})` : ""}.`,
				);
		}
		return out;
	}
	if (t.kind === "implicit") {
		// "done" alone names the one item the mail showed; with several shown, it asks, even if one is gone.
		const [only] = items;
		if (numbered.length === 1 && only) return [{ item: only, contact: null }];
		problems.push(
			numbered.length
				? `"${c.line}": which one? That email had ${numbered.length} items: reply like "1 ${c.action.kind.replace("_", " ")}".`
				: `"${c.line}": that email had no items. Name the person, like "${c.action.kind} Ann".`,
		);
		return [];
	}
	const name = t.name.toLowerCase();
	const matches = items.filter(
		(i) => `${i.contactName ?? ""}`.toLowerCase().startsWith(name) || `${i.contactEmail ?? ""}`.startsWith(name),
	);
	if (matches.length === 1) return matches.map((item) => ({ item, contact: null }));
	if (matches.length > 1) {
		problems.push(
			`"${c.line}": ${matches.map(who).join(" and ")} both match. Use the number, like "1 ${c.action.kind}".`,
		);
		return [];
	}
	const found = await contactsNamed(ctx.services.db, user.id, name);
	if (found.length === 1 && found[0]) return [{ item: null, contact: found[0] }];
	problems.push(
		found.length
			? `"${c.line}": ${found.map((f) => displayName(f)).join(", ")} all match. Use more of the name.`
			: `"${c.line}": no one called "${t.name}" is tracked.`,
	);
	return [];
}

export async function applyCommands(
	ctx: CommandContext,
	account: { user: UserRow },
	items: NumberedItems,
	commands: Command[],
): Promise<Applied> {
	const { db } = ctx.services;
	const { user } = account;
	const now = ctx.now;
	const repo = createTrackingRepo(db);
	const out: Applied = { writes: [], done: [], problems: [] };
	// Lifecycle changes are applied together at the end; each keeps its place among the lines.
	const changes: { change: ThreadChange; line: string; label: string; slot: number }[] = [];
	const setUser = (set: Partial<typeof users.$inferInsert>) => db.update(users).set(set).where(eq(users.id, user.id));

	// As the commands leave it: "pause, resume" in one reply is a pause and a resume.
	let paused = user.status === "paused";
	for (const c of commands) {
		const a = c.action;
		if (GLOBAL_ACTIONS.has(a.kind)) {
			switch (a.kind) {
				case "pause":
					out.writes.push(setPaused(db, user.id, true));
					out.done.push(
						paused
							? 'Already paused: no reminders until you reply "resume".'
							: 'Paused: no reminders until you reply "resume".',
					);
					paused = true;
					break;
				case "resume":
					out.writes.push(setPaused(db, user.id, false));
					out.done.push(paused ? "Resumed: reminders are back on." : "Reminders were already on: nothing to resume.");
					paused = false;
					break;
				case "timezone":
					out.writes.push(setUser({ timezone: a.zone }));
					out.done.push(`Timezone set to ${a.zone}.`);
					break;
				case "digest_time":
					out.writes.push(setUser({ digestMinutes: a.minutes }));
					out.done.push(`Your digest now comes at ${formatMinutes(a.minutes)}.`);
					break;
				case "mode":
					out.writes.push(setUser({ mode: a.mode }));
					out.done.push(
						a.mode === "instant"
							? "Instant mode: one email per reminder, when it is due."
							: "Digest mode: one email a day.",
					);
					break;
				case "got_job": {
					// Everyone who helped: people who answered or met the user, and everyone who introduced someone.
					const helpers = await db
						.select({ name: contacts.name, email: contacts.email })
						.from(contacts)
						.where(
							and(
								eq(contacts.userId, user.id),
								or(
									inArray(contacts.status, ["met", "replied"]),
									sql`exists (select 1 from contacts i where i.user_id = ${user.id} and i.referrer_id = ${contacts.id})`,
								),
							),
						)
						.limit(20);
					const names = helpers.map((h) => displayName(h));
					out.writes.push(
						repo.addNudge({
							userId: user.id,
							contactId: null,
							threadId: null,
							kind: "celebrate",
							due: sameDayDue(now, user),
							note: names.length ? names.join(", ") : null,
							now,
						}),
					);
					out.done.push(
						`Congratulations! ${names.length ? `A reminder to thank ${names.join(", ")} is due today.` : "A reminder to thank the people who helped is due today."}`,
					);
					break;
				}
				default:
					out.done.push("The commands are below.");
			}
			continue;
		}
		for (const target of await targetsOf(ctx, user, items, c, out.problems)) {
			const { item } = target;
			const contactId = item?.contactId ?? target.contact?.id ?? null;
			const label = item
				? who(item)
				: displayName({ name: target.contact?.name ?? null, email: target.contact?.email ?? "" });
			if ((a.kind === "done" || a.kind === "snooze") && !item) {
				out.problems.push(`"${c.line}": "${a.kind}" needs an item from that email.`);
				continue;
			}
			const due = a.kind === "snooze" ? snoozeUntil(a.delay, now, user) : null;
			if (a.kind === "snooze" && !due) {
				out.problems.push(`"${c.line}": that date is in the past.`);
				continue;
			}
			if (!contactId) {
				// A plain reminder or a celebration: no thread, only the item itself.
				if (!item || (a.kind !== "done" && a.kind !== "snooze")) {
					out.problems.push(`"${c.line}": that item is not about a person.`);
					continue;
				}
				out.writes.push(
					due
						? db
								.update(nudges)
								.set({ state: "snoozed", dueAt: due.dueAt, dueOn: due.dueOn, wakeAt: null, updatedAt: now })
								.where(openItem(user.id, item.id))
						: db.update(nudges).set({ state: "done", closedAt: now, updatedAt: now }).where(openItem(user.id, item.id)),
				);
				out.done.push(
					due ? `Snoozed ${label} until ${formatLocalNear(due.dueAt, user.timezone, now)}.` : `Done: ${label}.`,
				);
				continue;
			}
			const event: ThreadEvent =
				a.kind === "done"
					? { type: "done", nudgeId: item?.id ?? "" }
					: a.kind === "snooze" && due
						? { type: "snooze", nudgeId: item?.id ?? "", until: due }
						: a.kind === "met"
							? { type: "met", at: now, threadId: item?.threadId ?? null, ...(item ? { nudgeId: item.id } : {}) }
							: a.kind === "replied"
								? { type: "reply", at: now, ...(item ? { nudgeId: item.id } : {}) }
								: { type: "stop", ...(item ? { nudgeId: item.id } : {}) };
			changes.push({ change: { contactId, event }, line: c.line, label, slot: out.done.length });
			out.done.push("");
		}
	}
	if (changes.length) {
		const lifecycle = await applyThreadChanges(
			db,
			{ id: user.id, clock: user },
			changes.map((x) => x.change),
			now,
			new Map(),
			ctx.known,
		);
		out.writes.push(...lifecycle.writes);
		for (const x of changes) {
			const result = lifecycle.applied.find((r) => r.event === x.change.event);
			if (!result || result.transition.result === "stale") {
				out.problems.push(
					`"${x.line}": ${x.label}'s item changed since that email; nothing was done. Your next digest has it.`,
				);
				continue;
			}
			// "replied": their answer is on the contact's open threads, as a reply's own mail puts it (kinds/contact-reply.ts).
			if (x.change.event.type === "reply" && result.transition.result === "applied")
				out.writes.push(repo.markReplied(user.id, x.change.contactId, now, now));
			out.done[x.slot] = confirmation(x.change.event, x.label, result.transition, user.timezone, now, {
				loopWith: loopOpenedBy(result.transition, lifecycle.applied),
			});
		}
		out.done = out.done.filter((line) => line !== "");
	}
	return out;
}

const openItem = (userId: string, id: string) =>
	and(eq(nudges.userId, userId), eq(nudges.id, id), inArray(nudges.state, OPEN_NUDGE_STATES));
