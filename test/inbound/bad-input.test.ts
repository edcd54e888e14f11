/**
 * Hostile and broken mail: no crash, exactly one logged outcome, and either all of
 * an outcome's writes or none (nothing tracked unless the outcome says so).
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { authFor, DOMAIN, db, logOf, receive, signUp } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const USER = "bad@example.com";
const enc = new TextEncoder();

const counts = async () => {
	const tables = ["users", "contacts", "threads", "messages", "nudges", "outbox", "held_mail", "inbound_log"];
	const out: Record<string, number> = {};
	for (const t of tables) out[t] = (await db.get<{ n: number }>(sql.raw(`select count(*) as n from ${t}`)))?.n ?? 0;
	return out;
};

const head = (extra: string[] = [], from = USER) => [
	authFor(from),
	`From: ${from}`,
	"To: Ann <ann@acme.example>",
	"Subject: hi",
	"Date: Mon, 23 Nov 2026 09:15:00 -0500",
	`Message-ID: <${crypto.randomUUID()}@x>`,
	...extra,
];

const cases: [string, () => Uint8Array][] = [
	[
		"malformed MIME (broken boundary)",
		() =>
			enc.encode(
				[
					...head(["MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="zz"']),
					"",
					"--yy",
					"Content-Type: text/plain",
					"",
					"hello",
					"--zz",
					"no end",
				].join("\r\n"),
			),
	],
	[
		"no From",
		() =>
			enc.encode(
				[authFor(USER), "To: ann@acme.example", "Subject: hi", "Message-ID: <nofrom@x>", "", "body"].join("\r\n"),
			),
	],
	[
		"From as a group",
		() =>
			enc.encode(
				[
					authFor(USER),
					`From: Team: ${USER}, other@example.com;`,
					"To: ann@acme.example",
					"Subject: grp",
					"Message-ID: <grp@x>",
					"",
					"body",
				].join("\r\n"),
			),
	],
	[
		"raw 8-bit headers",
		() =>
			new Uint8Array([
				...enc.encode(head().join("\r\n").replace("Subject: hi", "Subject: caf")),
				0xe9,
				0xff,
				...enc.encode(" \u00fc\r\nTo: J\u00f6rg <jorg@acme.example>\r\n\r\nbody"),
			]),
	],
	[
		"a 2 MiB header block",
		() =>
			enc.encode(
				[...head(Array.from({ length: 2048 }, (_, i) => `X-Filler-${i}: ${"a".repeat(1000)}`)), "", "body"].join(
					"\r\n",
				),
			),
	],
	[
		"1,000 recipients",
		() =>
			enc.encode(
				[
					...head().filter((l) => !l.startsWith("To:")),
					`To: ${Array.from({ length: 1000 }, (_, i) => `p${i}@acme.example`).join(", ")}`,
					"",
					"body",
				].join("\r\n"),
			),
	],
	[
		"attachment-only mail",
		() =>
			enc.encode(
				[
					...head([
						"MIME-Version: 1.0",
						"Content-Type: application/pdf; name=a.pdf",
						"Content-Transfer-Encoding: base64",
						"Content-Disposition: attachment; filename=a.pdf",
					]),
					"",
					"JVBERi0xLjQK",
				].join("\r\n"),
			),
	],
	["binary garbage", () => crypto.getRandomValues(new Uint8Array(64 * 1024))],
	[
		"emoji and IDN names and addresses",
		() =>
			enc.encode(
				[
					...head().filter((l) => !l.startsWith("To:")),
					"To: =?UTF-8?B?8J+MnyBab8OrIE3DvGxsZXI=?= <zoe@m\u00fcller.example>, \u30c6\u30b9\u30c8 <test@xn--r8jz45g.example>",
					"Subject: =?UTF-8?Q?Caf=C3=A9_=E2=98=95?=",
					"",
					"body",
				].join("\r\n"),
			),
	],
	[
		"HTML-only mail",
		() =>
			enc.encode(
				[
					...head(["MIME-Version: 1.0", "Content-Type: text/html; charset=utf-8"]),
					"",
					"<p>Hi <b>Ann</b>,<br>coffee?</p><script>alert(1)</script>",
				].join("\r\n"),
			),
	],
	[
		"a 10k-character Subject",
		() =>
			enc.encode(
				`${head()
					.join("\r\n")
					.replace("Subject: hi", `Subject: ${"long ".repeat(2000)}`)}\r\n\r\nbody`,
			),
	],
	["only headers, no body", () => enc.encode(`${head().join("\r\n")}\r\n`)],
	["empty message", () => new Uint8Array()],
];

/** What each case ends as: read as well as it can be, or refused with why. */
const EXPECTED: Record<string, { outcome: string; reason: string }> = {
	"malformed MIME (broken boundary)": { outcome: "accepted", reason: "outreach" },
	"no From": { outcome: "rejected", reason: "unauthenticated_no_from" },
	"From as a group": { outcome: "accepted", reason: "outreach" },
	"raw 8-bit headers": { outcome: "accepted", reason: "outreach" },
	// Over MAIL_LIMITS.headerBytes: refused before anything else is read.
	"a 2 MiB header block": { outcome: "rejected", reason: "unreadable" },
	"1,000 recipients": { outcome: "ignored", reason: "bulk" },
	"attachment-only mail": { outcome: "accepted", reason: "outreach" },
	"binary garbage": { outcome: "rejected", reason: "unauthenticated_no_from" },
	"emoji and IDN names and addresses": { outcome: "accepted", reason: "outreach" },
	"HTML-only mail": { outcome: "accepted", reason: "outreach" },
	"a 10k-character Subject": { outcome: "accepted", reason: "outreach" },
	"only headers, no body": { outcome: "accepted", reason: "outreach" },
	"empty message": { outcome: "rejected", reason: "unauthenticated_no_from" },
};

describe("bad input", () => {
	beforeAll(async () => {
		await signUp(USER, T);
	});

	it("every case says what it ends as", () => {
		expect(Object.keys(EXPECTED).sort()).toEqual(cases.map(([label]) => label).sort());
	});

	it.each(cases)("%s: one outcome, no crash, no partial writes", async (label, make) => {
		const before = await counts();
		const logsBefore = (await logOf()).length;
		const r = await receive(make(), { to: `track@${DOMAIN}`, at: T, envelopeFrom: USER });
		const after = await counts();
		expect(r.outcome).toMatchObject(EXPECTED[label] ?? { outcome: "(no expectation)" });
		expect((await logOf()).length).toBe(logsBefore + 1);
		expect(r.rejected !== null).toBe(r.outcome.outcome === "rejected");
		if (r.outcome.outcome !== "accepted") {
			for (const t of ["contacts", "threads", "messages", "nudges"]) expect(after[t], t).toBe(before[t]);
		} else {
			expect((after.nudges ?? 0) - (before.nudges ?? 0)).toBeGreaterThan(0);
		}
	});

	it("keeps at most 200 characters of text, and never the body", async () => {
		const body = `${"Lorem ipsum dolor sit amet. ".repeat(40)}SECRET-TAIL`;
		const messageId = "long-body@x";
		const mail = [...head().filter((l) => !l.startsWith("Message-ID:")), `Message-ID: <${messageId}>`, "", body];
		const r = await receive(enc.encode(mail.join("\r\n")), { to: `track@${DOMAIN}`, at: T, envelopeFrom: USER });
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "outreach" });
		// This mail's own row, not whatever other tests left.
		const rows = await db.all<{ snippet: string }>(sql`select snippet from messages where message_id = ${messageId}`);
		expect(rows).toHaveLength(1);
		const snippet = rows[0]?.snippet ?? "";
		expect(snippet.length).toBe(200);
		expect(snippet.startsWith("Lorem ipsum dolor sit amet.")).toBe(true);
		const dump =
			JSON.stringify(await db.all(sql`select * from messages`)) +
			JSON.stringify(await db.all(sql`select * from threads`));
		expect(dump).not.toContain("SECRET-TAIL");
	});

	it("a 10k-character Subject is clipped where it is stored", async () => {
		const subject = "x".repeat(10_000);
		const messageId = "long-subject@x";
		const mail = head()
			.filter((l) => !l.startsWith("Message-ID:"))
			.map((l) => (l === "Subject: hi" ? `Subject: ${subject}` : l));
		const r = await receive(enc.encode(`${[...mail, `Message-ID: <${messageId}>`].join("\r\n")}\r\n\r\nbody`), {
			to: `track@${DOMAIN}`,
			at: T,
			envelopeFrom: USER,
		});
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "outreach" });
		// This mail's own log row and thread, found by its Message-ID and subject.
		const logged = (await logOf()).filter((l) => l.messageKey === messageId);
		expect(logged.map((l) => l.subject)).toEqual([`${"x".repeat(199)}…`]);
		const threads = await db.all<{ subject: string }>(sql`select subject from threads where subject like 'xxx%'`);
		expect(threads.map((t) => t.subject)).toEqual(["x".repeat(300)]);
	});
});

describe("third-party display names", () => {
	it.each([
		["a 500-character name", `Ann ${"Lee".repeat(166)}`, (n: string) => [...n].length <= 80 && n.startsWith("Ann Lee")],
		["a link in the name", "Ann Lee https://win.example/prize?x=1", (n: string) => n === "Ann Lee"],
		["www. in the name", "Ann www.win.example Lee", (n: string) => n === "Ann Lee"],
		["control and bidi characters", "Ann\u0007 Lee\u202e\u200b", (n: string) => n === "Ann Lee"],
	] as const)("%s is capped and cleaned before it is stored", async (_label, raw, ok) => {
		const address = `dn-${crypto.randomUUID().slice(0, 8)}@acme.example`;
		const mail = [
			...head().filter((l) => !l.startsWith("To:")),
			`To: "${raw}" <${address}>`,
			"",
			"Would you have 20 minutes next week?",
		];
		const r = await receive(enc.encode(mail.join("\r\n")), { to: `track@${DOMAIN}`, at: T, envelopeFrom: USER });
		expect(r.outcome).toMatchObject({ outcome: "accepted", reason: "outreach" });
		const rows = await db.all<{ name: string | null }>(sql`select name from contacts where email = ${address}`);
		expect(rows).toHaveLength(1);
		const name = rows[0]?.name ?? "";
		expect(ok(name), JSON.stringify(name)).toBe(true);
	});
});
