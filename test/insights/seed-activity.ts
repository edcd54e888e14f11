/** Three months of outreach and introductions for one user, with what was seeded (for expected numbers). */
import { env } from "cloudflare:workers";
import { seedContact, seedNudge, seedThread } from "./seed-rows";

export const NOW = new Date("2026-11-25T15:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface Tracked {
	intro: boolean;
	created: number;
	inbound: number | null;
	rung: number;
}
export interface Intro {
	at: number;
	reached: number | null;
}

/** Three months of outreach and introductions; returns what was seeded, for the expected numbers. */
export async function seedActivity(userId: string, seed: number) {
	const r = rng(seed);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
	const tracked: Tracked[] = [];
	const intros: Intro[] = [];
	const loops = { closed: 0, open: 0 };

	/** A reply (or none) on a thread with its follow-ups: those before the reply make its rung, one after does not. */
	async function replyAndLadder(threadId: string, contactId: string, start: number, intro: boolean) {
		const delay = pick([2 * HOUR, 20 * HOUR, 2.5 * DAY, 6 * DAY, 10 * DAY, 20 * DAY]) + Math.floor(r() * HOUR);
		const replied = r() < 0.5 && start + delay < NOW.getTime();
		const inbound = replied ? start + delay : null;
		const rung = replied ? Math.floor(r() * 5) : Math.floor(r() * 3);
		const end = inbound ?? NOW.getTime();
		for (let j = 1; j <= rung; j++) {
			const sentAt = new Date(start + ((end - start) * j) / (rung + 1));
			await seedNudge(userHolder.id, {
				contactId,
				threadId,
				kind: j === 4 ? "last_try" : "follow_up",
				state: "done",
				dueAt: sentAt,
				attempt: j,
				sentAt,
			});
		}
		if (inbound !== null) {
			const after = new Date(inbound + HOUR);
			await seedNudge(userHolder.id, {
				contactId,
				threadId,
				kind: "follow_up",
				state: "cancelled",
				dueAt: after,
				attempt: rung + 1,
				sentAt: after,
			});
		}
		return { intro, inbound, rung: replied ? rung : 0 };
	}
	const userHolder = { id: userId };

	for (let i = 0; i < 80; i++) {
		const start = NOW.getTime() - Math.floor(r() * 90 * DAY);
		if (r() < 0.65) {
			const contactId = await seedContact(userId, { name: `Cold ${i}`, at: new Date(start) });
			const threadId = await seedThread(userId, {
				contactId,
				kind: r() < 0.2 ? "application" : "outreach",
				createdAt: new Date(start),
				lastOutboundAt: new Date(start),
			});
			const t = await replyAndLadder(threadId, contactId, start, false);
			await setInbound(threadId, t.inbound);
			tracked.push({ ...t, created: start });
			continue;
		}
		const referrer = await seedContact(userId, { name: `Referrer ${i}`, at: new Date(start) });
		// Every third introduction was forwarded to us two days after it was made: its age counts from its own Date.
		const introducedAt = i % 3 === 0 ? start - 2 * DAY : start;
		const person = await seedContact(userId, {
			name: `Intro ${i}`,
			referrerId: referrer,
			at: new Date(start),
			introducedAt: new Date(introducedAt),
		});
		const reachDelay = pick([3 * HOUR, 20 * HOUR, 30 * HOUR, 3 * DAY]) + Math.floor(r() * HOUR);
		const reachAt = start + reachDelay;
		const mode = reachAt >= NOW.getTime() ? "none" : pick(["thread", "thread", "new", "new", "done", "none"] as const);
		const introThread = await seedThread(userId, {
			contactId: person,
			kind: "intro",
			createdAt: new Date(start),
			lastOutboundAt: mode === "thread" ? new Date(reachAt) : null,
		});
		await seedNudge(userId, {
			contactId: person,
			threadId: introThread,
			kind: "reach_out",
			state: mode === "done" ? "done" : mode === "none" ? "pending" : "cancelled",
			dueAt: new Date(start),
			closedAt: mode === "none" ? null : new Date(mode === "done" ? reachAt : reachAt + 5 * DAY),
		});
		intros.push({ at: introducedAt, reached: mode === "none" ? null : reachAt });
		if (mode === "thread") {
			// The outreach starts when they write, not at the intro.
			const t = await replyAndLadder(introThread, person, reachAt, true);
			await setInbound(introThread, t.inbound);
			tracked.push({ ...t, created: reachAt });
		} else if (mode === "new") {
			const threadId = await seedThread(userId, {
				contactId: person,
				kind: "outreach",
				createdAt: new Date(reachAt),
				lastOutboundAt: new Date(reachAt),
			});
			const t = await replyAndLadder(threadId, person, reachAt, true);
			await setInbound(threadId, t.inbound);
			tracked.push({ ...t, created: reachAt });
		}
		if (mode !== "none") {
			const closed = r() < 0.5;
			await seedNudge(userId, {
				contactId: referrer,
				threadId: introThread,
				kind: "close_loop",
				state: closed ? "done" : pick(["pending", "sent", "snoozed"] as const),
				dueAt: new Date(reachAt),
				closedAt: closed ? new Date(reachAt + HOUR) : null,
			});
			loops[closed ? "closed" : "open"]++;
		}
	}
	// Not outreach: a meeting thread with a reply, and a reminder.
	const met = await seedContact(userId, { name: "Met", at: NOW });
	await seedThread(userId, {
		contactId: met,
		kind: "application",
		createdAt: new Date(NOW.getTime() - DAY),
		lastOutboundAt: null,
		lastInboundAt: NOW,
	});
	return { tracked, intros, loops };
}

async function setInbound(threadId: string, inbound: number | null) {
	if (inbound === null) return;
	await env.DB.prepare("update threads set last_inbound_at = ?, state = 'replied' where id = ?")
		.bind(inbound, threadId)
		.run();
}
