/**
 * status@ for a large account: one page of open nudges and a capped contact count,
 * read in one batch, so its rows read do not grow with the account.
 */
import { describe, expect, it } from "vitest";
import { DOMAIN, mailsTo, signUp } from "../support/inbound";
import { meteredInbound, seedContacts } from "../support/inbound-cost";

const T = new Date("2026-11-23T14:15:00Z");
const metered = meteredInbound();

describe("status@ as an account grows", () => {
	it("says 'more than 1,000 contacts' past the cap, and reads about as much at 10,000 contacts as at 10", async () => {
		const rows: Record<string, number> = {};
		for (const [size, n] of [
			["small", 10],
			["large", 10_000],
		] as const) {
			const address = `status-${size}@example.com`;
			const userId = await signUp(address, T);
			await seedContacts(userId, n, T);
			const r = await metered({ from: address, rcpt: `status@${DOMAIN}`, subject: "status" }, T);
			expect(r.outcome.reason).toBe("status");
			// Its page, count and failures are read with the sender lookup: one read, one commit.
			expect(r.processing.roundTrips).toBe(2);
			rows[size] = r.processing.rowsRead;
			const mail = (await mailsTo(address)).at(-1);
			expect(mail?.subject).toBe(
				size === "small"
					? "Your follow-ups: 1 pending, 10 contacts"
					: "Your follow-ups: 25+ pending, more than 1,000 contacts",
			);
		}
		// The count stops at 1,001 contacts: the large account reads that, not 10,000.
		expect(rows.large).toBeLessThan((rows.small ?? 0) + 1_200);
	});
});
