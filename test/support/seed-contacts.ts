/** A user with many contacts, seeded in a few set-based statements (a recursive CTE counts them out). */
import { env } from "cloudflare:workers";

/**
 * `count` contacts for `userId`, each with an open outreach thread, one outbound message
 * and its one open nudge (pending, delivered or snoozed, in turn), and one inbound_log row
 * (the Activity page) per contact. Contacts were last
 * written to a minute apart going back from `at`; every fifth has no last contact.
 */
export async function seedContacts(userId: string, count: number, at: Date) {
	const t = at.getTime();
	const numbers = `with recursive k(i) as (select 0 union all select i + 1 from k where i + 1 < ?2)`;
	const id = (kind: string) => `?1 || '-${kind}' || i`;
	await env.DB.batch([
		env.DB.prepare(`insert into contacts (id, user_id, email, name, status, last_contact_at, created_at, updated_at)
			${numbers} select ${id("c")}, ?1, 'p' || i || '@scale.example', 'Person ' || i, 'awaiting_reply',
				case when i % 5 = 0 then null else ?3 - i * 60000 end, ?3 - i * 60000 - 1000, ?3 from k`).bind(
			userId,
			count,
			t,
		),
		env.DB.prepare(`insert into threads (id, user_id, contact_id, kind, state, subject_key, subject, attempts, last_outbound_at, created_at, updated_at)
			${numbers} select ${id("t")}, ?1, ${id("c")}, 'outreach', 'open', 'hello ' || i, 'Hello ' || i, 0, ?3 - i * 60000, ?3, ?3 from k`).bind(
			userId,
			count,
			t,
		),
		env.DB.prepare(`insert into messages (id, user_id, thread_id, message_id, direction, from_address, to_json, subject, sent_at, created_at)
			${numbers} select ${id("m")}, ?1, ${id("t")}, ?1 || '.' || i || '@mail.example', 'outbound', 'owner@scale.example',
				json_array(json_object('address', 'p' || i || '@scale.example', 'name', 'Person ' || i)), 'Hello ' || i, ?3 - i * 60000, ?3 from k`).bind(
			userId,
			count,
			t,
		),
		env.DB.prepare(`insert into nudges (id, user_id, contact_id, thread_id, kind, state, due_at, attempt, sent_at, wake_at, created_at, updated_at)
			${numbers} select ${id("n")}, ?1, ${id("c")}, ${id("t")}, 'follow_up',
				case i % 3 when 0 then 'pending' when 1 then 'sent' else 'snoozed' end, ?3 + i * 60000, 1,
				case i % 3 when 1 then ?3 else null end, case i % 3 when 1 then ?3 + 86400000 else null end, ?3, ?3 from k`).bind(
			userId,
			count,
			t,
		),
		env.DB.prepare(`insert into inbound_log (id, user_id, message_key, envelope_from, envelope_to, subject, size_bytes, outcome, reason, created_at)
			${numbers} select ${id("l")}, ?1, ?1 || '.' || i || '@mail.example', 'owner@scale.example', 'track@followthrough.test',
				'Hello ' || i, 1000, 'accepted', 'outreach', ?3 - i * 60000 from k`).bind(userId, count, t),
	]);
}
