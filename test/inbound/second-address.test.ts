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
	it("is added by its explicit yes, then its mail counts for the same account", async () => {
		const userId = await signUp("pat@home.example", T);
		expect(await addAddress(services(), userId, "Pat@Work.example")).toEqual({ ok: true });
		const [request] = await mailsTo("pat@work.example");
		expect(request?.subject).toBe("Is this your address? Reply yes to add it");
		// Nothing is stored on the account before the yes.
		expect(await userIdOf("pat@work.example")).toBeNull();

		const rcpt = await replyAddressOf("pat@work.example");
		const r = await send({ from: "pat@work.example", to: rcpt, rcpt, subject: "Re: Is this", body: "yes" }, T);
		expect(r.outcome).toMatchObject({ reason: "address_added", userId });
		expect(await userIdOf("pat@work.example")).toBe(userId);
		await send({ from: "pat@work.example", to: "Bob <bob@stone.example>" }, T);
		expect((await contactsOf(userId)).map((c) => c.email)).toEqual(["bob@stone.example"]);
	});

	it("an address of another account is asked the same way, and a reply from the first address confirms nothing", async () => {
		const a = await signUp("alex@a.example", T);
		await signUp("blair@b.example", T);
		expect(await addAddress(services(), a, "blair@b.example")).toEqual({ ok: true });
		expect(await addAddress(services(), a, `x@${DOMAIN}`)).toEqual({ ok: false, reason: "invalid" });
		expect(await addAddress(services(), a, "alex@a.example")).toEqual({ ok: false, reason: "already_yours" });
		expect(await addAddress(services(), a, "alex2@a.example")).toEqual({ ok: true });
		const rcpt = await replyAddressOf("alex2@a.example");
		const r = await send({ from: "alex@a.example", to: rcpt, rcpt, subject: "Re", body: "yes" }, T);
		expect(r.outcome.reason).toBe("token_wrong_sender");
		// Blair's yes does not move Blair's address: it has its own account.
		const blairRcpt = await replyAddressOf("blair@b.example");
		const b = await send({ from: "blair@b.example", to: blairRcpt, rcpt: blairRcpt, subject: "Re", body: "yes" }, T);
		expect(b.outcome.reason).toBe("address_has_own_account");
		expect(await userIdOf("blair@b.example")).not.toBe(a);
	});
});
