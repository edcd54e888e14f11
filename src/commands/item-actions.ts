/**
 * Done, snooze and stop from the dashboard and the API: the same rules as the
 * reply commands (apply-commands.ts), scoped to the signed-in user. Another
 * user's id finds nothing and changes nothing.
 */
import type { UserRow } from "../accounts/accounts-repo";
import type { Services } from "../app/services";
import { nonEmpty } from "../lib/non-empty";
import { applyCommands } from "./apply-commands";
import type { Action, Command, Target } from "./command-grammar";
import { contactsById, itemsByIds, presentItems } from "./command-items";

export type ItemAction = { kind: "done" } | { kind: "snooze"; days: number };

export type ActionOutcome =
	| { ok: true; lines: string[] }
	| { ok: false; reason: "not_found" }
	| { ok: false; reason: "not_applied"; problems: string[] };

async function apply(
	services: Services,
	user: UserRow,
	itemIds: string[],
	action: Action,
	target: Target,
): Promise<ActionOutcome> {
	const { db, clock } = services;
	const items = await itemsByIds(db, user.id, itemIds);
	if (itemIds.length && !presentItems(items).length) return { ok: false, reason: "not_found" };
	const command: Command = { action, target, line: action.kind };
	const applied = await applyCommands({ services, now: clock.now() }, { user }, items, [command]);
	if (applied.writes.length) await db.batch(nonEmpty(applied.writes));
	return applied.done.length
		? { ok: true, lines: applied.done }
		: { ok: false, reason: "not_applied", problems: applied.problems };
}

/** `user`: the signed-in user (from the session or the API token). */
export function actOnNudge(services: Services, user: UserRow, nudgeId: string, action: ItemAction) {
	const a: Action =
		action.kind === "done" ? { kind: "done" } : { kind: "snooze", delay: { kind: "days", days: action.days } };
	return apply(services, user, [nudgeId], a, { kind: "numbers", numbers: [1] });
}

/** Stops tracking a contact: their open threads close and everything pending about them is cancelled. */
export async function stopContact(services: Services, user: UserRow, contactId: string): Promise<ActionOutcome> {
	const [contact] = await contactsById(services.db, user.id, [contactId]);
	if (!contact) return { ok: false, reason: "not_found" };
	return apply(services, user, [], { kind: "stop" }, { kind: "contact", contactId });
}
