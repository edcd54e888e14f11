/**
 * A digest's order: kind by urgency, then due time, then the longest wait for an
 * answer; the rest keep the order they were read in.
 */
import { describe, expect, it } from "vitest";
import { byUrgency, type TickItem } from "../../src/nudges/plan-tick";

const DUE = new Date("2026-12-14T07:00:00Z");
const item = (id: string, o: Partial<TickItem>): TickItem =>
	({ id, kind: "follow_up", dueAt: DUE, lastOutboundAt: null, ...o }) as TickItem;

describe("byUrgency", () => {
	it("at the same kind and due time, the thread waiting longest comes first; the rest keep their order", () => {
		const fresh = Array.from({ length: 25 }, (_, i) =>
			item(`f${String(i).padStart(2, "0")}`, { lastOutboundAt: new Date("2026-12-09T09:00:00Z") }),
		);
		const old = item("zz-application", { kind: "confirm_receipt", lastOutboundAt: new Date("2026-11-23T08:00:00Z") });
		const never = item("a-no-mail", { lastOutboundAt: null });
		const sorted = [...fresh.slice(0, 12), never, old, ...fresh.slice(12)].sort(byUrgency);
		expect(sorted[0]?.id).toBe("zz-application");
		expect(sorted.at(-1)?.id).toBe("a-no-mail");
		expect(sorted.slice(1, -1).map((n) => n.id)).toEqual(fresh.map((n) => n.id));
	});

	it("kind and due time still come first", () => {
		const intro = item("intro", { kind: "reach_out", dueAt: new Date("2026-12-14T09:00:00Z") });
		const early = item("early", { dueAt: new Date("2026-12-13T07:00:00Z") });
		const old = item("old", { lastOutboundAt: new Date("2026-10-01T08:00:00Z") });
		expect([old, early, intro].sort(byUrgency).map((n) => n.id)).toEqual(["intro", "early", "old"]);
	});
});
