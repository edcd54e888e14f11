/**
 * Monday's opening line: the pure sentence (only on the user's local Monday, only
 * after activity), and last week's counts for a batch of users in their own
 * timezones, read in one statement.
 */

import { env } from "cloudflare:workers";
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client";
import { digestOpeningLine, lastWeekStats, mondayOpeningLines, type WeekStats } from "../../src/insights/weekly-line";
import { instantAt } from "../../src/time/local-time";
import { countingD1 } from "../support/counting-d1";
import { seedContact, seedNudge, seedThread, seedUser } from "./seed-rows";

const busy: WeekStats = { outreach: 5, replies: 2, introsWithinDay: 1 };

describe("digestOpeningLine", () => {
	it("opens a Monday digest after an active week", () => {
		expect(digestOpeningLine("2026-11-30", busy)).toBe(
			"Last week: 5 outreach, 2 replies, 1 intro followed up within a day",
		);
		expect(digestOpeningLine("2026-11-30", { outreach: 1, replies: 1, introsWithinDay: 0 })).toBe(
			"Last week: 1 outreach, 1 reply",
		);
		expect(digestOpeningLine("2026-11-30", { outreach: 0, replies: 3, introsWithinDay: 2 })).toBe(
			"Last week: 0 outreach, 3 replies, 2 intros followed up within a day",
		);
	});

	it("says nothing after a quiet week, or without stats", () => {
		expect(digestOpeningLine("2026-11-30", { outreach: 0, replies: 0, introsWithinDay: 0 })).toBeNull();
		expect(digestOpeningLine("2026-11-30", undefined)).toBeNull();
	});

	it("never on a day other than Monday, whatever the week held", () => {
		const day = fc.integer({ min: 0, max: 3650 }).map((n) => Temporal.PlainDate.from("2024-01-01").add({ days: n }));
		const stats = fc.record({
			outreach: fc.nat(50),
			replies: fc.nat(50),
			introsWithinDay: fc.nat(10),
		});
		fc.assert(
			fc.property(day, stats, (d, s) => {
				const line = digestOpeningLine(d.toString(), s);
				const active = s.outreach + s.replies + s.introsWithinDay > 0;
				expect(line !== null).toBe(d.dayOfWeek === 1 && active);
			}),
		);
	});
});

describe("lastWeekStats", () => {
	it("counts each user's own last local week, for a batch in one statement", async () => {
		// Monday 30 Nov 2026, 07:00 UTC: already Monday in Auckland (20:00) and Berlin, still Sunday in Los Angeles.
		const now = new Date("2026-11-30T07:00:00Z");
		const zones = ["Europe/Berlin", "Pacific/Auckland", "America/Los_Angeles"] as const;
		const ids: string[] = [];
		for (const tz of zones) {
			const u = await seedUser(tz, now);
			ids.push(u);
			const at = (date: string, hour: number) => instantAt(date, hour * 60, tz);
			const cold = async (created: Date, inbound: Date | null) => {
				const c = await seedContact(u, { name: "Ann", at: created });
				await seedThread(u, {
					contactId: c,
					kind: "outreach",
					createdAt: created,
					lastOutboundAt: created,
					lastInboundAt: inbound,
				});
			};
			// Berlin and Auckland: last week is 23–29 Nov. Los Angeles (still Sunday 29th): 16–22 Nov.
			await cold(at("2026-11-23", 0), at("2026-11-25", 10)); // first minute of Monday 23rd, replied on the 25th
			await cold(at("2026-11-29", 23.5), null); // Sunday 29th, 23:30
			await cold(at("2026-11-22", 23.5), at("2026-11-24", 9)); // Sunday 22nd, replied the 24th
			await cold(at("2026-11-30", 0), null); // this week
			// An intro on the 24th reached out on within 20 hours, another after two days, one never; and one
			// forwarded on the 24th but made on the 23rd (its own Date): reached 3 h after the forward, 27 h after it was made.
			for (const [created, reached, introducedAt] of [
				[at("2026-11-24", 9), at("2026-11-25", 5), at("2026-11-24", 9)],
				[at("2026-11-24", 9), at("2026-11-26", 10), at("2026-11-24", 9)],
				[at("2026-11-18", 9), at("2026-11-18", 15), at("2026-11-18", 9)],
				[at("2026-11-24", 9), at("2026-11-24", 12), at("2026-11-23", 9)],
			] as const) {
				const ref = await seedContact(u, { name: "Ref", at: created });
				const p = await seedContact(u, { name: "Bob", referrerId: ref, at: created, introducedAt });
				await seedThread(u, { contactId: p, kind: "intro", createdAt: created, lastOutboundAt: reached });
			}
			const ref = await seedContact(u, { name: "Ref", at: now });
			const p = await seedContact(u, { name: "Cy", referrerId: ref, at: now });
			const t = await seedThread(u, {
				contactId: p,
				kind: "intro",
				createdAt: at("2026-11-26", 8),
				lastOutboundAt: null,
			});
			await seedNudge(u, {
				contactId: p,
				threadId: t,
				kind: "reach_out",
				state: "done",
				dueAt: now,
				closedAt: at("2026-11-26", 12),
			});
		}
		const counting = countingD1(env.DB);
		const stats = await lastWeekStats(
			createDb(counting.db),
			zones.map((tz, i) => ({ id: ids[i] as string, timezone: tz })),
			now,
		);
		expect(counting.count()).toBe(1);
		// Week 23–29: outreach on the 23rd, the 29th and the three intros reached on their threads;
		// replies on the 24th and 25th; intros within a day: the one reached after 20 h and the one done after 4 h
		// (not the one forwarded late: 27 h from its own Date).
		const lateWeek = { outreach: 5, replies: 2, introsWithinDay: 2 };
		expect(stats.get(ids[0] as string)).toEqual(lateWeek);
		expect(stats.get(ids[1] as string)).toEqual(lateWeek);
		// Week 16–22: outreach on the 22nd and the intro of the 18th (reached on its thread); no reply in it.
		expect(stats.get(ids[2] as string)).toEqual({ outreach: 2, replies: 0, introsWithinDay: 1 });
		// What the digest would open with, on each user's local date.
		const local = (tz: string) =>
			Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(tz).toPlainDate().toString();
		expect(digestOpeningLine(local(zones[0]), stats.get(ids[0] as string))).toBe(
			"Last week: 5 outreach, 2 replies, 2 intros followed up within a day",
		);
		expect(digestOpeningLine(local(zones[2]), stats.get(ids[2] as string))).toBeNull();
	});

	it("gives a tick the lines of its Monday users only, with no statement when nobody has Monday", async () => {
		const now = new Date("2026-11-30T07:00:00Z");
		const users = [];
		for (const tz of ["Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo"]) {
			const id = await seedUser(tz, now);
			const c = await seedContact(id, { name: "Ann", at: now });
			const sent = instantAt("2026-11-24", 600, tz);
			await seedThread(id, { contactId: c, kind: "outreach", createdAt: sent, lastOutboundAt: sent });
			users.push({ id, timezone: tz });
		}
		const quiet = { id: await seedUser("Europe/Paris", now), timezone: "Europe/Paris" };
		const counting = countingD1(env.DB);
		const lines = await mondayOpeningLines(createDb(counting.db), [...users, quiet], now);
		expect(counting.count()).toBe(1);
		// Monday in Berlin and Tokyo, each after a week with one outreach; Sunday in Los Angeles; Paris was quiet.
		expect(Object.fromEntries(lines)).toEqual({
			[users[0]?.id as string]: "Last week: 1 outreach, 0 replies",
			[users[2]?.id as string]: "Last week: 1 outreach, 0 replies",
		});
		const sunday = countingD1(env.DB);
		expect((await mondayOpeningLines(createDb(sunday.db), users, new Date("2026-11-29T12:00:00Z"))).size).toBe(0);
		expect(sunday.count()).toBe(0);
	});
});
