/**
 * The checks a reply's commands pass before they are applied: a snooze to a date
 * that has passed is asked about, not applied; a name that fits several items of
 * the mail becomes the question the next reply may answer with just the name. Pure.
 */
import { z } from "zod";
import { lazy } from "../lib/lazy";
import { localDate, type UserClock } from "../time/local-time";
import type { Item } from "./command-items";
import type { Command, PendingQuestion } from "./command-types";
import { describeSnoozeProblem, planSnooze } from "./snooze-until";

/** The actions a bare name can complete: those on one item, as the question stores them. */
const ANSWERABLE = new Set<Command["action"]["kind"]>(["done", "replied", "met", "stop", "snooze"]);

export interface Prepared {
	/** The commands to apply, in order. */
	commands: Command[];
	/** One sentence per command held back ("30 Nov has passed. Did you mean …"). */
	problems: string[];
	/** The first name that fits several items: what our answer asks. */
	question: PendingQuestion | null;
}

/** How an item is named in the mail we send: the contact's name, else their address. */
const shownName = (i: Pick<Item, "contactName" | "contactEmail">) => i.contactName || i.contactEmail || "";

/** The items a name fits, as the command applier matches them (a prefix of the name or the address). */
export function itemsNamed(items: readonly Item[], name: string): Item[] {
	const s = name.toLowerCase();
	return items.filter((i) => (i.contactName ?? "").toLowerCase().startsWith(s) || (i.contactEmail ?? "").startsWith(s));
}

export function prepareCommands(
	commands: readonly Command[],
	items: readonly Item[],
	now: Date,
	user: UserClock,
): Prepared {
	const out: Prepared = { commands: [], problems: [], question: null };
	const today = localDate(now, user.timezone);
	for (const c of commands) {
		if (c.action.kind === "snooze") {
			const plan = planSnooze(c.action.delay, now, user);
			if (plan.kind !== "until") {
				out.problems.push(`"${c.line.slice(0, 80)}": ${describeSnoozeProblem(plan, today, c.target)}`);
				continue;
			}
		}
		if (!out.question && ANSWERABLE.has(c.action.kind)) {
			// "stop Ann" with two Anns, or "done" with several items: the answer names one of them.
			const fits =
				c.target.kind === "name" ? itemsNamed(items, c.target.name) : c.target.kind === "implicit" ? [...items] : [];
			const names = fits.map(shownName).filter(Boolean);
			if (names.length > 1) out.question = { action: c.action, candidates: names.slice(0, 10) };
		}
		out.commands.push(c);
	}
	return out;
}

const question = lazy(() => {
	const delay = z.union([
		z.object({ kind: z.literal("days"), days: z.number().int().min(1).max(366) }),
		z.object({ kind: z.literal("phrase"), phrase: z.string().max(60) }),
	]);
	const action = z.union([
		z.object({ kind: z.enum(["done", "replied", "met", "stop"]) }),
		z.object({ kind: z.literal("snooze"), delay }),
	]);
	return z.object({ action, candidates: z.array(z.string().max(200)).min(2).max(10) });
});

/** The question stored with a reply token, or null when there is none or it is not one we wrote. */
export function readQuestion(stored: unknown): PendingQuestion | null {
	const r = question().safeParse(stored);
	return r.success ? r.data : null;
}
