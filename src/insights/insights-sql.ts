/**
 * The definitions Insights and the weekly line share, as SQL over columns that exist
 * today (threads, contacts, nudges). Every fragment is scoped by the caller to one user.
 *
 * - A thread was **reached out on** when the user's own mail is on it (`last_outbound_at`).
 * - It is an **intro** thread when it is the introduction's own thread or its contact has a referrer.
 * - It was **replied** when a reply from them was seen on it (`last_inbound_at`); the time to reply
 *   runs from the start of the outreach (STARTED_AT) to that reply, and the week of the outreach is
 *   the week it started.
 * - The **rung** is the last follow-up delivered before the reply: 0 none, 1–3, 4 the last try.
 * - An intro was **reached** at the earliest of: the user's mail on the intro thread, a new
 *   thread of theirs to the introduced person, or `done` on the reach-out nudge; how long that
 *   took counts from the introduction's own Date (INTRO_AT).
 */
import { sql } from "drizzle-orm";
import { FOLLOW_UP_KINDS } from "../tracking/nudge-kinds";

/** A list of our own constants as SQL literals, so the statements keep the lists the rules use. */
const literals = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/** Threads of kinds that carry outreach (not reminders or meetings). */
export const OUTREACH_THREAD = sql.raw(
	"t.kind in ('outreach', 'application', 'intro') and t.last_outbound_at is not null",
);

/**
 * When the user's outreach on a thread began: its start, except on an introduction's own
 * thread, which starts at the intro and is reached out on later (its \`last_outbound_at\`).
 */
export const STARTED_AT = sql.raw("(case when t.kind = 'intro' then t.last_outbound_at else t.created_at end)");

export const IS_INTRO = sql.raw("(t.kind = 'intro' or c.referrer_id is not null)");

export const RUNG = sql.raw(`coalesce((select max(case when n.kind = 'last_try' then 4
		when n.kind = 'confirm_receipt' then 1 else min(max(n.attempt, 1), 3) end)
	from nudges n where n.thread_id = t.id and n.user_id = t.user_id
		and n.kind in (${literals(FOLLOW_UP_KINDS)})
		and n.sent_at is not null and n.sent_at <= t.last_inbound_at), 0)`);

/**
 * When the introduction on intro thread `i` happened: its own Date (the contact's
 * `introduced_at`, DESIGN.md "Time"), not when it was forwarded to us; an introduction
 * dated after this thread began is a later one, so the thread's start stands.
 */
export const INTRO_AT = sql.raw(`coalesce((select c.introduced_at from contacts c where c.id = i.contact_id
	and c.user_id = i.user_id and c.introduced_at <= i.created_at), i.created_at)`);

const NEVER = 8_640_000_000_000_000;
/** When the intro thread `i` was acted on, or null. */
export const REACHED_AT = sql.raw(`nullif(min(
	coalesce(case when i.last_outbound_at >= i.created_at then i.last_outbound_at end, ${NEVER}),
	coalesce((select min(o.created_at) from threads o where o.user_id = i.user_id and o.contact_id = i.contact_id
		and o.kind != 'intro' and o.last_outbound_at is not null and o.created_at >= i.created_at), ${NEVER}),
	coalesce((select min(r.closed_at) from nudges r where r.thread_id = i.id and r.user_id = i.user_id
		and r.kind = 'reach_out' and r.state = 'done'), ${NEVER})
), ${NEVER})`);
