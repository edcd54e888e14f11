/**
 * Inbound benchmark: every corpus email (mime, forward, auto; generated mail when
 * the corpus is absent) through the email() edge inside workerd, with accounts in
 * place so the writes happen; and the floor: PostalMime.parse alone on the same
 * mail, plus one D1 batch of the same shape as the handler's writes.
 * performance.now() ticks in whole ms here, so means come from timing many together.
 * D1's cost per email (round trips to the commit, rows read and written) is read
 * from D1's result meta through a metering binding (test/support/metered-d1.ts);
 * `scale` compares rows read per email for a user with 10 contacts and one with 10,000.
 */
import { env } from "cloudflare:workers";
import PostalMime from "postal-mime";
import { expect, it } from "vitest";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { contacts, inboundLog, inboundSeen, messages, nudges, threads } from "../../src/db/schema";
import { handleEmailEvent } from "../../src/inbound/email-event";
import { extractForward } from "../../src/inbound/forwarded-message";
import { parseMessage } from "../../src/inbound/parse-message";
import { corpus, randomPeople } from "../support/corpus";
import { authFor, buildMail, DOMAIN, db, type Msg, signUp } from "../support/inbound";
import { meteredInbound, replyTo, seedContacts } from "../support/inbound-cost";
import { meteredD1, splitAtCommit } from "../support/metered-d1";
import { tick } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z");
const USERS = Array.from({ length: 10 }, (_, i) => `bench${i}@example.com`);
const enc = new TextEncoder();
const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join("");
const fromLatin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** Puts a user's From (and Email Routing's passing stamp) on a raw message. */
function asUser(raw: Uint8Array, user: string): Uint8Array {
	const text = latin1(raw);
	const split = text.search(/\r?\n\r?\n/);
	const head = split < 0 ? text : text.slice(0, split);
	const rest = split < 0 ? "\r\n\r\n" : text.slice(split);
	const kept = head.replace(/^From:.*(\r?\n[ \t].*)*\r?\n?/gim, "");
	return fromLatin1(`${authFor(user)}\r\nFrom: ${user}\r\n${kept}${rest}`);
}

function emails(): { label: string; raw: Uint8Array }[] {
	const out: { label: string; raw: Uint8Array }[] = [];
	const user = (i: number) => USERS[i % USERS.length] ?? "bench0@example.com";
	if (corpus) {
		for (const [f, data] of Object.entries(corpus.mime ?? {}))
			out.push({ label: `mime/${f}`, raw: asUser(b64(data), user(out.length)) });
		for (const [i, c] of (corpus.forward?.cases ?? []).entries()) {
			const body = randomPeople(5000 + i)(corpus.forward?.files[c.body_file] ?? "");
			out.push({
				label: `forward/${c.id}`,
				raw: enc.encode(
					buildMail({ from: user(i), to: `track@${DOMAIN}`, subject: "Fwd: Integer consequat non purus", body }),
				),
			});
		}
		for (const it of corpus.auto?.items ?? [])
			out.push({ label: `auto/${it.file}`, raw: b64(corpus.auto?.files[it.file] ?? "") });
		return out;
	}
	console.log("BENCH corpus absent: generated mail");
	for (let i = 0; i < 300; i++) {
		const to = Array.from({ length: 1 + (i % 3) }, (_, k) => `Person ${i}-${k} <p${i}k${k}@acme${i % 7}.example>`).join(
			", ",
		);
		out.push({
			label: `generated/${i}`,
			raw: enc.encode(
				buildMail({
					from: user(i),
					to,
					subject: `Coffee ${i}?`,
					body: "Hi! Would you have 20 minutes next week?\n\nThanks",
				}),
			),
		});
	}
	return out;
}

const pct = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? 0;
const round = (n: number) => Math.round(n * 1000) / 1000;

it("inbound: handler vs floor", async () => {
	for (const u of USERS) await signUp(u, T);
	const set = emails();
	const meter = meteredD1(env.DB);
	const services = buildServices(requireConfig({ ...env, DB: meter.db }), fixedClock(T));

	// Floor 1: parse alone, same options as the handler.
	let t0 = performance.now();
	for (const e of set) await PostalMime.parse(e.raw, { rfc822Attachments: true });
	const parseMean = (performance.now() - t0) / set.length;

	// Not floor, but where CPU goes: forward detection over the parsed text (23 languages of patterns).
	const parsed = [];
	for (const e of set) parsed.push(await parseMessage(e.raw));
	t0 = performance.now();
	for (const m of parsed) await extractForward(m);
	const forwardMean = (performance.now() - t0) / set.length;

	// Floor 2: one batch shaped like the handler's writes for a tracked email.
	const userId = (await db.select().from(contacts).limit(1))[0]?.userId ?? (await signUp("floor@example.com", T));
	const rounds = 200;
	t0 = performance.now();
	for (let i = 0; i < rounds; i++) {
		const id = crypto.randomUUID();
		await db.batch([
			db.insert(inboundSeen).values({ messageKey: id, recipient: "bench", seenAt: T }),
			db.insert(contacts).values({ id, userId, email: `${id}@floor.example`, createdAt: T, updatedAt: T }),
			db.insert(threads).values({
				id,
				userId,
				contactId: id,
				kind: "outreach",
				subjectKey: "s",
				subject: "s",
				createdAt: T,
				updatedAt: T,
			}),
			db
				.insert(nudges)
				.values({ id, userId, contactId: id, threadId: id, kind: "follow_up", dueAt: T, createdAt: T, updatedAt: T }),
			db
				.insert(messages)
				.values({ id, userId, messageId: id, direction: "outbound", fromAddress: "a@b.c", createdAt: T }),
			db.insert(inboundLog).values({
				id,
				userId,
				messageKey: id,
				envelopeFrom: "a",
				envelopeTo: "b",
				sizeBytes: 1,
				outcome: "accepted",
				reason: "outreach",
				createdAt: T,
			}),
		]);
	}
	const batchMean = (performance.now() - t0) / rounds;

	// What one D1 round trip costs here however small: the part of any read-then-write the floor has once.
	t0 = performance.now();
	for (let i = 0; i < rounds; i++) await env.DB.prepare("select 1").all();
	const tripMean = (performance.now() - t0) / rounds;

	// The handler, one email at a time.
	const each: number[] = [];
	const outcomes: Record<string, number> = {};
	const trips: ReturnType<typeof meter.trips>[] = [];
	t0 = performance.now();
	for (const e of set) {
		meter.reset();
		const s = performance.now();
		const message = {
			from: "x@example.com",
			to: `track@${DOMAIN}`,
			raw: new Blob([e.raw]).stream(),
			rawSize: e.raw.byteLength,
			setReject() {},
		};
		const o = await handleEmailEvent(message, services);
		each.push(performance.now() - s);
		outcomes[o.outcome] = (outcomes[o.outcome] ?? 0) + 1;
		trips.push(meter.trips());
	}
	const mean = (performance.now() - t0) / set.length;
	const cost = { trips: 0, maxTrips: 0, read: 0, written: 0, afterTrips: 0 };
	for (const t of trips) {
		const { processing, afterCommit } = splitAtCommit(t);
		cost.trips += processing.roundTrips;
		cost.maxTrips = Math.max(cost.maxTrips, processing.roundTrips);
		cost.read += processing.rowsRead;
		cost.written += processing.rowsWritten;
		cost.afterTrips += afterCommit.roundTrips;
	}
	const scale = await scaleRows();
	const under1MiB = each.filter((_, i) => (set[i]?.raw.byteLength ?? 0) < 1024 * 1024);
	const result = {
		n: set.length,
		mean_ms: round(mean),
		p50_ms: round(pct(each, 50)),
		p99_ms: round(pct(under1MiB, 99)),
		max_ms: round(Math.max(...each)),
		parse_mean_ms: round(parseMean),
		batch_mean_ms: round(batchMean),
		floor_ms: round(parseMean + batchMean),
		d1_round_trip_ms: round(tripMean),
		forward_detect_mean_ms: round(forwardMean),
		ratio_to_floor: round(mean / (parseMean + batchMean)),
		outcomes,
		d1_round_trips_mean: round(cost.trips / set.length),
		d1_round_trips_max: cost.maxTrips,
		rows_read_mean: round(cost.read / set.length),
		rows_written_mean: round(cost.written / set.length),
		// Delivering the mail an email queued (claim, send, record), after its commit.
		after_commit_round_trips_mean: round(cost.afterTrips / set.length),
	};
	console.log(
		`BENCH inbound: ${result.n} emails, mean ${result.mean_ms} ms, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms (under 1 MiB), max ${result.max_ms} ms`,
	);
	console.log(
		`BENCH inbound floor: parse ${result.parse_mean_ms} ms + batch ${result.batch_mean_ms} ms = ${result.floor_ms} ms; handler/floor ${result.ratio_to_floor}x; forward detection ${result.forward_detect_mean_ms} ms`,
	);
	console.log(`BENCH inbound D1: one round trip (select 1) ${result.d1_round_trip_ms} ms`);
	console.log(`BENCH inbound outcomes: ${JSON.stringify(outcomes)}`);
	console.log(
		`BENCH inbound D1 per email (to the commit): ${result.d1_round_trips_mean} round trips (max ${result.d1_round_trips_max}), ${result.rows_read_mean} rows read, ${result.rows_written_mean} written; ${result.after_commit_round_trips_mean} round trips after it`,
	);
	console.log(
		`BENCH inbound scale: rows read per email ${scale.rows_read_per_email_small} (10 contacts) vs ${scale.rows_read_per_email_large} (${scale.large_contacts} contacts)`,
	);
	console.log(`BENCH_JSON ${JSON.stringify({ inbound: result, scale })}`);
	expect(result.n).toBeGreaterThan(0);
});

/**
 * Rows read per email, the same four mails (outreach to a new contact and to an
 * existing one, a forward, a reply command) from a user with 10 contacts and one
 * with 10,000.
 */
async function scaleRows() {
	const LARGE = 10_000;
	const metered = meteredInbound();
	const mean = async (size: string, contacts: number) => {
		const address = `bench-scale-${size}@example.com`;
		const userId = await signUp(address, T);
		await seedContacts(userId, contacts, T);
		const at = (min: number) => new Date(T.getTime() + min * 60_000);
		const mails: Msg[] = [
			{ from: address, to: "Nia Vale <nia@vale.example>", subject: "Coffee?" },
			{ from: address, to: "Seed 10 <seed10@seed.example>", subject: "Hello" },
			{
				from: address,
				subject: "Fwd: Question",
				body: "\n---------- Forwarded message ---------\nFrom: Eve Stone <eve@stone.example>\nDate: Mon, Nov 23, 2026 at 8:02 AM\nSubject: Question\nTo: Pat <pat@example.com>\n\nHi, a question.",
			},
		];
		let rows = 0;
		for (const [i, m] of mails.entries()) rows += (await metered(m, at(i + 1))).processing.rowsRead;
		return { address, rows };
	};
	const small = await mean("small", 10);
	const large = await mean("large", LARGE);
	const digestAt = new Date(T.getTime() + 3 * 86_400_000);
	await tick(digestAt);
	const reply = async (address: string) =>
		(await metered(await replyTo(address, "1 done", "Nia"), digestAt)).processing.rowsRead;
	return {
		rows_read_per_email_small: round((small.rows + (await reply(small.address))) / 4),
		rows_read_per_email_large: round((large.rows + (await reply(large.address))) / 4),
		large_contacts: LARGE,
	};
}
