/**
 * Conformance over ../shared/corpus/forward (206 cases, 13 clients, 23 languages):
 * each body is wrapped as a forward from a user and run through the whole email()
 * pipeline. Positives must yield the original sender (and To/Cc where asserted) as
 * tracked contacts; negatives must not. People are re-randomised per case.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cleanDisplayName } from "../../src/tracking/contact-name";
import { corpus, randomPeople } from "../support/corpus";
import { contactsOf, DOMAIN, send, signUp } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const forward = corpus?.forward ?? null;
if (!forward) console.log("[corpus] forward/ is absent: forward conformance skipped.");

const check = (checks: [string, unknown][], path: string) => checks.find(([p]) => p === path)?.[1];

describe.runIf(forward !== null)("forward corpus through email()", () => {
	const user = "forwarder@example.com";
	let userId = "";
	beforeAll(async () => {
		userId = await signUp(user, T);
	});

	const cases = forward?.cases ?? [];
	it("has every case", () => {
		expect(cases.length).toBe(206);
	});

	it.for(cases.map((c, i) => [c.id, i] as const))("%s", async ([, index]) => {
		const c = cases[index];
		if (!c || !forward) throw new Error("case missing");
		const people = randomPeople(1000 + index);
		const body = people(forward.files[c.body_file] ?? "");
		const subject = c.subject_file ? (forward.files[c.subject_file] ?? "").trim() : "Fwd: Integer consequat non purus";
		const r = await send({ from: user, to: `track@${DOMAIN}`, subject, body, messageId: `case-${index}` }, T);
		expect(r.rejected).toBeNull();
		const tracked = new Map((await contactsOf(userId)).map((ct) => [ct.email, ct]));
		const fromAddress = check(c.checks, "email.from.address");
		const expectedFrom = typeof fromAddress === "string" ? people(fromAddress) : null;

		if (check(c.checks, "forwarded") === false) {
			expect(tracked.has(people("john.doe@acme.com"))).toBe(false);
			return;
		}
		if (expectedFrom === null) {
			// Names only, no addresses (variant 12): the sender is tracked by name (DESIGN.md, "People").
			expect(r.outcome.outcome).toBe("accepted");
			const name = check(c.checks, "email.from.name");
			const byName = [...tracked.values()].find((ct) => ct.email.startsWith("name:"));
			expect(byName?.name).toBe(typeof name === "string" ? people(name) : undefined);
			return;
		}
		expect(r.outcome.outcome).toBe("accepted");
		const sender = tracked.get(expectedFrom);
		expect(sender, `sender ${expectedFrom}`).toBeDefined();
		const fromName = check(c.checks, "email.from.name");
		// Stored as people read it: "Lee, Bob" becomes "Bob Lee" (tracking/contact-name.ts).
		if (typeof fromName === "string" && fromName) expect(sender?.name).toBe(cleanDisplayName(people(fromName)));
		for (const [path, value] of c.checks) {
			if (!/^email\.(to|cc)\[\d+\]\.address$/.test(path) || typeof value !== "string") continue;
			expect(tracked.has(people(value)), `${path} ${people(value)}`).toBe(true);
		}
	});
});
