import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addAddress } from "../../src/accounts/add-address";
import { buildServices } from "../../src/app/services";
import { fixedClock } from "../../src/config/clock";
import { requireConfig } from "../../src/config/env";
import { contactsOf, DOMAIN, mailsTo, replyAddressOf, send, signUp, userIdOf } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const services = () => buildServices(requireConfig(env), fixedClock(T));

describe("a second address", () => {
	it("is confirmed by a reply from it, then its mail counts for the same account", async () => {
		const userId = await signUp("pat@home.example", T);
		expect(await addAddress(services(), userId, "Pat@Work.example")).toEqual({ ok: true });
		const [verify] = await mailsTo("pat@work.example");
		expect(verify?.subject).toBe("Confirm this address for Followthrough");

		// Before confirmation, mail from it is held, not tracked.
		const held = await send({ from: "pat@work.example", to: "Ann <ann@acme.example>" }, T);
		expect(held.outcome.outcome).toBe("held");

		const rcpt = await replyAddressOf("pat@work.example");
		const r = await send({ from: "pat@work.example", to: rcpt, rcpt, subject: "Re: Confirm" }, T);
		expect(r.outcome).toMatchObject({ reason: "verified", userId });
		expect(await userIdOf("pat@work.example")).toBe(userId);
		// The held mail was released into the same account.
		expect((await contactsOf(userId)).map((c) => c.email)).toEqual(["ann@acme.example"]);
		await send({ from: "pat@work.example", to: "Bob <bob@stone.example>" }, T);
		expect((await contactsOf(userId)).map((c) => c.email)).toEqual(["ann@acme.example", "bob@stone.example"]);
	});

	it("cannot take another account's address, and a reply from the first address does not confirm it", async () => {
		const a = await signUp("alex@a.example", T);
		await signUp("blair@b.example", T);
		expect(await addAddress(services(), a, "blair@b.example")).toEqual({ ok: false, reason: "taken" });
		expect(await addAddress(services(), a, `x@${DOMAIN}`)).toEqual({ ok: false, reason: "invalid" });
		expect(await addAddress(services(), a, "alex2@a.example")).toEqual({ ok: true });
		const rcpt = await replyAddressOf("alex2@a.example");
		const r = await send({ from: "alex@a.example", to: rcpt, rcpt, subject: "Re" }, T);
		expect(r.outcome.reason).toBe("token_wrong_sender");
	});
});
