/**
 * Deleting an account leaves nothing behind: every table is read back and no row
 * mentions the user's id, addresses, contacts or subjects. (dev_mailbox stands in
 * for Resend's sent-mail log in development and is not our store.)
 */
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { addressKeyHash } from "../../src/accounts/address-key";
import { replyAddressOf, send, userFactory } from "../support/inbound";
import { call, post, sessionCookie } from "../support/web";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("gone", T);

async function everyRow(): Promise<Record<string, string>> {
	const { results } = await env.DB.prepare(
		"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name not in ('d1_migrations', 'dev_mailbox')",
	).all<{ name: string }>();
	const out: Record<string, string> = {};
	for (const { name } of results) {
		const rows = await env.DB.prepare(`select * from "${name}"`).all();
		out[name] = JSON.stringify(rows.results);
	}
	return out;
}

it("deleting an account removes every row about it, in every table", async () => {
	const u = await newUser();
	const other = await newUser();
	await send({ from: u.address, to: "Quill Unique <quill@unique.example>", subject: "Zanzibar plan" }, T);
	await send({ from: other.address, to: "Ann Lee <ann@acme.example>", subject: "Keep me" }, T);
	await send(
		{ from: u.address, to: "Rho <rho@unique.example>", subject: "Zanzibar two", rcpt: "met@followthrough.test" },
		T,
	);
	// A command reply, a sign-in request and a session, so tokens, sessions and rate limits have rows.
	await send({ from: u.address, rcpt: await replyAddressOf(u.address), subject: "Re: x", body: "pause" }, T);
	await post("/signin", { email: u.address });
	const cookie = await sessionCookie(u.userId);
	await call("/app/export.json", { cookie });

	const before = await everyRow();
	const keys = await env.DB.prepare("select message_key as k from inbound_log where user_id = ?1")
		.bind(u.userId)
		.all<{ k: string }>();
	const marks = [
		u.userId,
		u.address,
		"quill@unique.example",
		"Zanzibar",
		// The idempotence keys of their mail and the rate-limit key of their address.
		...keys.results.map((r) => r.k),
		await addressKeyHash(u.address),
	];
	const tablesWithUser = Object.entries(before)
		.filter(([, rows]) => marks.some((m) => rows.includes(m)))
		.map(([t]) => t);
	expect(tablesWithUser.sort()).toEqual(
		expect.arrayContaining([
			"contacts",
			"inbound_log",
			"messages",
			"nudges",
			"outbox",
			"sessions",
			"threads",
			"tokens",
			"user_addresses",
			"users",
		]),
	);

	expect((await post("/app/delete", { confirm: "DELETE" }, cookie)).status).toBe(200);
	const after = await everyRow();
	for (const [table, rows] of Object.entries(after))
		for (const m of marks) expect(rows.includes(m), `${table} still mentions ${m}`).toBe(false);
	// The other user's data is untouched.
	expect(after.contacts).toContain("ann@acme.example");
	expect(after.users).toContain(other.userId);
});
