/** Bulk fixtures for benchmarks and scale tests. */
import { env } from "cloudflare:workers";

const SEED_CHUNK = 500;

/**
 * Many users at once, each verified, with one contact, one open thread and one
 * follow-up due at `now`: set-based inserts, 500 users per batch.
 */
export async function seedDueFollowUps(prefix: string, count: number, now: Date) {
	const t = now.getTime() - 3 * 86_400_000;
	for (let i = 0; i < count; i += SEED_CHUNK) {
		const rows = Array.from({ length: Math.min(SEED_CHUNK, count - i) }, (_, k) => {
			const n = i + k;
			return {
				u: `${prefix}-u${n}`,
				a: `${prefix}-a${n}`,
				c: `${prefix}-c${n}`,
				th: `${prefix}-t${n}`,
				nu: `${prefix}-n${n}`,
				email: `${prefix}${n}@bench.example`,
				contact: `ann${n}@acme.example`,
			};
		});
		const j = JSON.stringify(rows);
		await env.DB.batch([
			env.DB.prepare(`insert into users (id, status, timezone, digest_minutes, mode, business_days, created_at, verified_at)
				select value ->> 'u', 'active', 'UTC', 480, 'digest', 62, ?2, ?2 from json_each(?1)`).bind(j, t),
			env.DB.prepare(`insert into user_addresses (id, user_id, address, is_primary, created_at, verified_at)
				select value ->> 'a', value ->> 'u', value ->> 'email', 1, ?2, ?2 from json_each(?1)`).bind(j, t),
			env.DB.prepare(`insert into contacts (id, user_id, email, name, status, created_at, updated_at)
				select value ->> 'c', value ->> 'u', value ->> 'contact', 'Ann Lee', 'awaiting_reply', ?2, ?2 from json_each(?1)`).bind(
				j,
				t,
			),
			env.DB.prepare(`insert into threads (id, user_id, contact_id, kind, state, subject_key, subject, attempts, last_outbound_at, created_at, updated_at)
				select value ->> 'th', value ->> 'u', value ->> 'c', 'outreach', 'open', 'coffee?', 'Coffee?', 0, ?2, ?2, ?2 from json_each(?1)`).bind(
				j,
				t,
			),
			env.DB.prepare(`insert into nudges (id, user_id, contact_id, thread_id, kind, state, due_at, due_on, attempt, created_at, updated_at)
				select value ->> 'nu', value ->> 'u', value ->> 'c', value ->> 'th', 'follow_up', 'pending', ?2, '2026-11-26', 1, ?3, ?3 from json_each(?1)`).bind(
				j,
				now.getTime(),
				t,
			),
		]);
	}
}
