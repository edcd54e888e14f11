// The load test's accounting, read straight from the local D1's SQLite file after
// the run: every email has one outcome; every due nudge was delivered exactly once;
// no mail went to an address that is not its user's.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

export function openLocalD1(persistDir) {
	const dir = join(persistDir, "v3", "d1", "miniflare-D1DatabaseObject");
	const [file] = readdirSync(dir)
		.filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite")
		.map((f) => join(dir, f))
		.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
	if (!file) throw new Error(`no local D1 database under ${dir}`);
	return new DatabaseSync(file, { readOnly: true });
}

/** `prefix`: the run's sender addresses start with it; `sent`: emails posted per address. */
export function checkLoad(db, { prefix, since, lastTick, sent }) {
	const like = `${prefix}%`;
	const users = `(select user_id from user_addresses where address like '${like}')`;
	const one = (q, ...p) => db.prepare(q).get(...p);
	const all = (q, ...p) => db.prepare(q).all(...p);

	const logged = all(
		"select envelope_from as address, count(*) as n from inbound_log where envelope_from like ? and created_at >= ? group by envelope_from",
		like,
		since,
	);
	const loggedBy = new Map(logged.map((r) => [r.address, Number(r.n)]));
	const missingOutcome = [...sent].filter(([address, n]) => loggedBy.get(address) !== n);
	const outcomes = Object.fromEntries(
		all(
			"select outcome || ':' || reason as k, count(*) as n from inbound_log where envelope_from like ? and created_at >= ? group by k order by n desc",
			like,
			since,
		).map((r) => [r.k, Number(r.n)]),
	);
	const deliveries = all(
		`select n.value as nudge, count(*) as times from outbox o join tokens t on t.outbox_id = o.id, json_each(t.context_json, '$.nudges') n
		 where o.user_id in ${users} and o.kind in ('digest', 'nudge') group by n.value`,
	);
	const sentNudges = Number(
		one(`select count(*) as n from nudges where user_id in ${users} and state in ('sent', 'done')`).n,
	);
	const deliveredTwice = deliveries.filter((d) => Number(d.times) !== 1).length;
	const undelivered = Number(
		one(
			`select count(*) as n from nudges n join users u on u.id = n.user_id where n.user_id in ${users}
			 and u.status = 'active' and n.state in ('pending', 'snoozed') and n.due_at <= ?`,
			lastTick,
		).n,
	);
	const notSent = all(
		`select state, count(*) as n from outbox where user_id in ${users} and state != 'sent' group by state`,
	).map((r) => `${r.state}: ${r.n}`);
	const wrongUser = Number(
		one(
			`select count(*) as n from outbox o where o.user_id in ${users} and not exists
			 (select 1 from user_addresses ua where ua.user_id = o.user_id and ua.address = o.to_address)`,
		).n,
	);
	const mailboxMismatch = Number(
		one(
			"select count(*) as n from dev_mailbox d left join outbox o on o.id = d.id where o.id is null or o.to_address != d.to_address",
		).n,
	);
	const mails = Number(one(`select count(*) as n from outbox where user_id in ${users} and state = 'sent'`).n);
	const problems = [
		...missingOutcome.map(([a, n]) => `${a}: sent ${n} emails, ${loggedBy.get(a) ?? 0} outcomes`),
		...(deliveredTwice ? [`${deliveredTwice} nudges delivered more than once`] : []),
		...(deliveries.length !== sentNudges
			? [`${sentNudges} nudges marked sent, ${deliveries.length} found in sent mail`]
			: []),
		...(undelivered ? [`${undelivered} due nudges not delivered`] : []),
		...(notSent.length ? [`outbox rows not sent: ${notSent.join(", ")}`] : []),
		...(wrongUser ? [`${wrongUser} mails to an address that is not their user's`] : []),
		...(mailboxMismatch ? [`${mailboxMismatch} delivered mails without a matching outbox row`] : []),
	];
	return { outcomes, nudgesDelivered: deliveries.length, mails, problems };
}
