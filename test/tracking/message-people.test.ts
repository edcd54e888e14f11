/**
 * message_people (migrations/0009): the trigger on messages records whom each message
 * names, and the migration's backfill gives messages stored before it the same rows.
 */
import { env } from "cloudflare:workers";
import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { messagePeople } from "../../src/db/schema";
import { db, userFactory } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("people", T);

const peopleOf = async (userId: string) =>
	(
		await db
			.select()
			.from(messagePeople)
			.where(eq(messagePeople.userId, userId))
			.orderBy(asc(messagePeople.messageId), asc(messagePeople.address))
	).map((r) => `${r.messageId} ${r.address} ${r.at.getTime()}`);

it("names each message's recipients (and the sender of mail not the user's own), lower-cased; the backfill agrees", async () => {
	const { userId } = await newUser();
	const insert =
		env.DB.prepare(`insert into messages (id, user_id, message_id, direction, from_address, to_json, cc_json, sent_at, created_at)
		values (?1, ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8)`);
	const to = (...a: string[]) => JSON.stringify(a.map((address) => ({ address, name: null })));
	await env.DB.batch([
		insert.bind(
			`${userId}-out`,
			userId,
			"outbound",
			"me@example.com",
			to("Ann@Acme.example", "ben@stone.example"),
			"[]",
			1000,
			5,
		),
		insert.bind(
			`${userId}-in`,
			userId,
			"inbound",
			"ANN@acme.example",
			to("me@example.com"),
			to("ann@acme.example"),
			null,
			7,
		),
	]);
	const byTrigger = await peopleOf(userId);
	expect(byTrigger).toEqual([
		`${userId}-in ann@acme.example 7`,
		`${userId}-in me@example.com 7`,
		`${userId}-out ann@acme.example 1000`,
		`${userId}-out ben@stone.example 1000`,
	]);
	// The backfill, as the migration runs it, over the same messages.
	await db.delete(messagePeople).where(eq(messagePeople.userId, userId));
	const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0009_"));
	const backfill =
		migration?.queries.filter((q) => q.includes("INSERT OR IGNORE INTO message_people") && !q.includes("TRIGGER")) ??
		[];
	expect(backfill).toHaveLength(3);
	for (const q of backfill) await env.DB.prepare(q).run();
	expect(await peopleOf(userId)).toEqual(byTrigger);
});
