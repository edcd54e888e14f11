/**
 * What a reply command says it did: one line per change, in the product's voice
 * ("Snoozed Ann Lee until Mon 30 Nov, 08:00."), naming what it starts next.
 */
import type { ThreadEvent, Transition } from "../lifecycle/thread";
import type { AppliedChange } from "../lifecycle/thread-store";
import { formatDate, formatLocalNear, localDate } from "../time/local-time";

/** The referrer a change asked the user to tell ("let Carol know you reached out"), by name. */
export function loopOpenedBy(t: Transition, applied: readonly AppliedChange[]): string | null {
	const caused = applied.find((a) => t.causes.some((c) => c.event === a.event));
	return caused?.transition.open?.kind === "close_loop" ? caused.thread.name : null;
}

/** One line per change, in the product's voice. */
export function confirmation(
	e: ThreadEvent,
	label: string,
	t: Transition,
	tz: string,
	now: Date,
	next: { loopWith: string | null },
): string {
	switch (e.type) {
		case "done":
			// A reach-out done is the outreach: say what it starts.
			return next.loopWith ? `Done: ${label}. Next: let ${next.loopWith} know you reached out.` : `Done: ${label}.`;
		case "snooze":
			// A date more than ~5 months out shows its year.
			return `Snoozed ${label} until ${formatLocalNear(e.until.dueAt, tz, now)}.`;
		case "met":
			return t.open?.kind === "thank_you"
				? `Noted you met ${label}: a thank-you note is due ${!t.open.due.dueOn || t.open.due.dueOn === localDate(now, tz) ? "today" : formatDate(t.open.due.dueOn)}.`
				: `Noted you met ${label}.`;
		case "reply":
			return `${label} replied: follow-ups stopped.`;
		default:
			return `Stopped following up with ${label}.`;
	}
}

const PLAIN_DONE = /^Done: (.+)\.$/;

/**
 * Runs of plain "Done: X." lines as one line ("Done: Ann Lee, Ben Ortiz and Cleo Park."): `done all`
 * on fifteen items is one command, confirmed in one line. A line that says more ("Next: …") stays.
 */
export function joinDoneLines(lines: readonly string[]): string[] {
	const out: string[] = [];
	let run: string[] = [];
	const flush = () => {
		if (run.length === 1) out.push(`Done: ${run[0]}.`);
		else if (run.length > 1) out.push(`Done: ${run.slice(0, -1).join(", ")} and ${run.at(-1)}.`);
		run = [];
	};
	for (const line of lines) {
		const found = line.includes("Next:") ? null : (PLAIN_DONE.exec(line)?.[1] ?? null);
		// A label that has its own comma, "and", semicolon or full stop would blur the joined list: its own line.
		const label = found !== null && !/[,;.]| and /.test(found) ? found : null;
		if (label === null) {
			flush();
			out.push(line);
		} else run.push(label);
	}
	flush();
	return out;
}
