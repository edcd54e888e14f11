/**
 * Applies reply commands to the user's items: each command finds its targets
 * (the mail's numbered items, or contacts by name), changes state per the
 * cadence rules, and says what it did in one line per item. A command it cannot
 * place asks rather than guesses.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { UserRow } from "../accounts/accounts-repo";
import { setPaused } from "../accounts/pause";
import type { Services } from "../app/services";
import { contacts, nudges, threads, users } from "../db/schema";
import type { Write } from "../db/write";
import { sameDayDue } from "../nudges/cadence";
import { formatLocal, formatMinutes } from "../time/local-time";
import { displayName } from "../tracking/ensure-contacts";
import { FOLLOW_UP_KINDS, LADDER_KINDS, UNFINISHED_NUDGE_STATES } from "../tracking/nudge-kinds";
import { createTrackingRepo } from "../tracking/tracking-repo";
import { type Command, GLOBAL_ACTIONS } from "./command-grammar";
import { contactsById, contactsNamed, type Item } from "./command-items";
import { snoozeUntil } from "./snooze-until";

/** What applying commands needs: the services and the time (a reply mail or a one-click link). */
export interface CommandContext {
	services: Services;
	now: Date;
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
	items: Item[],
	c: Command,
	problems: string[],
): Promise<Target[]> {
	const t = c.target;
	if (t.kind === "all") return items.map((item) => ({ item, contact: null }));
	if (t.kind === "contact") {
		const [contact] = await contactsById(ctx.services.db, user.id, [t.contactId]);
		if (!contact) problems.push(`"${c.line}": that contact is not tracked.`);
		return contact ? [{ item: null, contact }] : [];
	}
	if (t.kind === "numbers") {
		const out: Target[] = [];
		for (const n of t.numbers) {
			const item = items[n - 1];
			if (item) out.push({ item, contact: null });
			else
				problems.push(
					`"${c.line}": there is no item ${n}${items.length ? ` (that email had 1–${items.length})` : ""}.`,
				);
		}
		return out;
	}
	if (t.kind === "implicit") {
		const [only] = items;
		if (items.length === 1 && only) return [{ item: only, contact: null }];
		problems.push(
			items.length
				? `"${c.line}": which one? That email had ${items.length} items: reply like "1 ${c.action.kind.replace("_", " ")}".`
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
	items: Item[],
	commands: Command[],
): Promise<Applied> {
	const { db } = ctx.services;
	const { user } = account;
	const now = ctx.now;
	const repo = createTrackingRepo(db);
	const out: Applied = { writes: [], done: [], problems: [] };
	const closeItem = (id: string, state: "done" | "cancelled" = "done") =>
		db
			.update(nudges)
			.set({ state, closedAt: now, updatedAt: now })
			.where(and(eq(nudges.userId, user.id), eq(nudges.id, id)));
	const setUser = (set: Partial<typeof users.$inferInsert>) => db.update(users).set(set).where(eq(users.id, user.id));

	for (const c of commands) {
		const a = c.action;
		if (GLOBAL_ACTIONS.has(a.kind)) {
			switch (a.kind) {
				case "pause":
					out.writes.push(setPaused(db, user.id, true));
					out.done.push('Paused: no reminders until you reply "resume".');
					break;
				case "resume":
					out.writes.push(setPaused(db, user.id, false));
					out.done.push("Resumed: reminders are back on.");
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
					const helpers = await db
						.select({ name: contacts.name, email: contacts.email })
						.from(contacts)
						.where(and(eq(contacts.userId, user.id), inArray(contacts.status, ["met", "replied"])))
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
			const threadId = item?.threadId ?? null;
			switch (a.kind) {
				case "done":
					if (!item) {
						out.problems.push(`"${c.line}": "done" needs an item from that email.`);
						break;
					}
					out.writes.push(closeItem(item.id));
					out.done.push(`Done: ${label}.`);
					break;
				case "snooze": {
					if (!item) {
						out.problems.push(`"${c.line}": "snooze" needs an item from that email.`);
						break;
					}
					const due = snoozeUntil(a.delay, now, user);
					if (!due) {
						out.problems.push(`"${c.line}": that date is in the past.`);
						break;
					}
					// The ladder continues from the snoozed item when it comes back.
					if (threadId) out.writes.push(repo.cancelNudges(user.id, [threadId], LADDER_KINDS, now));
					out.writes.push(
						db
							.update(nudges)
							.set({ state: "snoozed", dueAt: due.dueAt, dueOn: due.dueOn, updatedAt: now })
							.where(and(eq(nudges.userId, user.id), eq(nudges.id, item.id))),
					);
					out.done.push(`Snoozed ${label} until ${formatLocal(due.dueAt, user.timezone)}.`);
					break;
				}
				case "replied":
				case "stop":
				case "met": {
					if (!contactId) {
						out.problems.push(`"${c.line}": that item is not about a person.`);
						break;
					}
					const theirThreads = threadId
						? [threadId]
						: (
								await db
									.select({ id: threads.id })
									.from(threads)
									.where(and(eq(threads.userId, user.id), eq(threads.contactId, contactId)))
							).map((t) => t.id);
					if (item) out.writes.push(closeItem(item.id));
					if (a.kind === "met") {
						out.writes.push(
							repo.updateContact(user.id, contactId, { status: "met", lastContactAt: now, updatedAt: now }),
							repo.addNudge({
								userId: user.id,
								contactId,
								threadId,
								kind: "thank_you",
								due: sameDayDue(now, user),
								now,
							}),
						);
						out.done.push(`Noted you met ${label}: a thank-you note is due today.`);
						break;
					}
					if (a.kind === "replied") {
						if (theirThreads.length) {
							out.writes.push(repo.cancelNudges(user.id, theirThreads, FOLLOW_UP_KINDS, now));
							for (const id of theirThreads)
								out.writes.push(
									repo.updateThread(user.id, id, { state: "replied", lastInboundAt: now, updatedAt: now }),
								);
						}
						out.writes.push(
							repo.updateContact(user.id, contactId, { status: "replied", lastContactAt: now, updatedAt: now }),
						);
						out.done.push(`${label} replied: follow-ups stopped.`);
						break;
					}
					// stop: close every open thread with them and everything pending about them.
					out.writes.push(
						db
							.update(nudges)
							.set({ state: "cancelled", closedAt: now, updatedAt: now })
							.where(
								and(
									eq(nudges.userId, user.id),
									eq(nudges.contactId, contactId),
									inArray(nudges.state, UNFINISHED_NUDGE_STATES),
								),
							),
						db
							.update(threads)
							.set({ state: "closed", updatedAt: now })
							.where(and(eq(threads.userId, user.id), eq(threads.contactId, contactId))),
						repo.updateContact(user.id, contactId, { status: "closed", updatedAt: now }),
					);
					out.done.push(`Stopped following up with ${label}.`);
					break;
				}
			}
		}
	}
	return out;
}
