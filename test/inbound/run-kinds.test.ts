/**
 * The ordered list of inbound kinds: the first match processes the mail; a kind
 * whose match throws is logged and skipped; an error in process (D1) propagates.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { routeRecipient } from "../../src/inbound/address-grammar";
import { accepted, type InboundContext } from "../../src/inbound/inbound-context";
import type { InboundKind } from "../../src/inbound/kinds/inbound-kind";
import type { KindName } from "../../src/inbound/kinds/kind-names";
import { INBOUND_KINDS } from "../../src/inbound/kinds/ordered-kinds";
import { runKinds } from "../../src/inbound/kinds/run-kinds";
import { parseMessage } from "../../src/inbound/parse-message";
import { buildMail, DOMAIN } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");

async function context(to = `track@${DOMAIN}`): Promise<InboundContext> {
	const raw = new TextEncoder().encode(buildMail({ from: "kinds@example.com", to: "Ann <ann@acme.example>" }));
	return {
		services: buildServices(requireConfig(env), fixedClock(T)),
		now: T,
		email: { envelopeFrom: "kinds@example.com", envelopeTo: to, rawSize: raw.byteLength, raw },
		mail: await parseMessage(raw),
		route: routeRecipient(to, DOMAIN),
		messageKey: "kinds-test",
		logId: "kinds-log",
		releaseHeld: async () => {},
	};
}

const sender = { address: "kinds@example.com", account: null };

const throwsInMatch = (name: KindName): InboundKind<unknown> => ({
	name,
	match: () => {
		throw new Error(`${name} reader broke`);
	},
	process: () => Promise.reject(new Error("never reached")),
});

const takes = (name: KindName): InboundKind<{ seen: string }> => ({
	name,
	match: (input) => ({ seen: input.route.kind }),
	process: async (_ctx, parsed) => accepted("u1", { reason: "commands", done: [`${name} took it (${parsed.seen})`] }),
});

describe("inbound kinds, tried in order", () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it("lists every kind once, whose mail it is first and outreach, the catch-all, last", () => {
		const names = INBOUND_KINDS.map((k) => k.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names.slice(0, 5)).toEqual([
			"other_domain",
			"reply_token",
			// A contact's reply-all is theirs, never a new account: it comes before new_sender.
			"contact_reply",
			"new_sender",
			"unconfirmed_sender",
		]);
		expect(names.at(-1)).toBe("outreach");
	});

	it("each file of kinds/ exports one kind, { name, match, process }, named after the file, and the list holds them all", () => {
		const KIND_FILES = import.meta.glob<Record<string, unknown>>("../../src/inbound/kinds/*.ts", { eager: true });
		const MACHINERY = ["inbound-kind", "kind-names", "ordered-kinds", "run-kinds"];
		const found = Object.entries(KIND_FILES)
			.map(([path, mod]) => [path.replace(/^.*\/(.*)\.ts$/, "$1"), Object.values(mod)] as const)
			.filter(([file]) => !MACHINERY.includes(file))
			.map(([file, exports]) => {
				const kinds = exports.filter(
					(e): e is InboundKind<unknown> =>
						typeof e === "object" && e !== null && "name" in e && "match" in e && "process" in e,
				);
				expect(kinds, file).toHaveLength(1);
				const [kind] = kinds;
				expect(typeof kind?.match, file).toBe("function");
				expect(typeof kind?.process, file).toBe("function");
				expect(kind?.name, file).toBe(file.replaceAll("-", "_"));
				return kind;
			});
		expect(found).toHaveLength(14);
		expect(new Set(found)).toEqual(new Set(INBOUND_KINDS));
	});

	it("the first kind that matches processes the mail; later ones are not asked", async () => {
		const later = { ...takes("help"), match: vi.fn(() => ({ seen: "no" })) };
		const effects = await runKinds(await context(), sender, [takes("status"), later]);
		expect(effects.outcome.detail).toBe("status took it (track)");
		expect(later.match).not.toHaveBeenCalled();
	});

	it("a kind whose match throws is logged and skipped, and the next kind takes the mail", async () => {
		const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
		const effects = await runKinds(await context(), sender, [throwsInMatch("forward"), takes("outreach")]);
		expect(effects.outcome).toMatchObject({ outcome: "accepted", detail: "outreach took it (track)" });
		const lines = warn.mock.calls.map(([line]) => JSON.parse(String(line)));
		expect(lines).toEqual([
			expect.objectContaining({ event: "inbound_kind_failed", kind: "forward", error: "Error: forward reader broke" }),
		]);
	});

	it("when nothing else takes it, the outcome names the first kind that failed", async () => {
		vi.spyOn(console, "warn").mockImplementation(() => {});
		const effects = await runKinds(await context(), sender, [throwsInMatch("forward"), throwsInMatch("outreach")]);
		expect(effects.outcome).toEqual({
			outcome: "ignored",
			reason: "handler_failed:forward",
			detail: "Could not read this email (forward failed): nothing changed.",
			userId: null,
		});
		expect(effects.writes).toEqual([]);
	});

	it("with no kind matching, the mail is not routed", async () => {
		const none: InboundKind<unknown> = { name: "outreach", match: () => null, process: () => Promise.reject() };
		const effects = await runKinds(await context(), sender, [none]);
		expect(effects.outcome).toMatchObject({ outcome: "ignored", reason: "not_routed" });
	});

	it("an error in process (D1) is not swallowed: the email fails and Email Routing retries it", async () => {
		const d1Down: InboundKind<true> = {
			name: "outreach",
			match: () => true,
			process: () => Promise.reject(new Error("D1_ERROR: network connection lost")),
		};
		await expect(runKinds(await context(), sender, [d1Down, takes("help")])).rejects.toThrow("D1_ERROR");
	});
});
