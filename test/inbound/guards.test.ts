import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../src/db/schema";
import {
	buildMail,
	contactsOf,
	DOMAIN,
	logOf,
	mailsTo,
	nudgesOf,
	receive,
	send,
	userFactory,
} from "../support/inbound";
import { db, enqueue } from "../support/outbox";

const T = new Date("2026-11-23T14:15:00Z");
const newUser = userFactory("guard", T);

describe("idempotence", () => {
	it("the same message delivered twice changes nothing the second time", async () => {
		const { address, userId } = await newUser();
		const raw = buildMail({ from: address, to: "Ann <ann@acme.example>", messageId: "same-1" });
		const first = await receive(raw, { to: `track@${DOMAIN}`, at: T });
		const second = await receive(raw, { to: `track@${DOMAIN}`, at: new Date(T.getTime() + 60_000) });
		expect(first.outcome.reason).toBe("outreach");
		expect(second.outcome).toMatchObject({ outcome: "ignored", reason: "duplicate" });
		expect(await nudgesOf(userId)).toHaveLength(1);
		expect((await logOf()).filter((l) => l.messageKey === "same-1@mail.example")).toHaveLength(2);
	});

	it("…even when both deliveries arrive at once", async () => {
		const { address, userId } = await newUser();
		const raw = buildMail({
			from: address,
			to: "Ann <ann@acme.example>, Bob <bob@stone.example>",
			messageId: "same-2",
		});
		const results = await Promise.all([1, 2, 3].map(() => receive(raw, { to: `track@${DOMAIN}`, at: T })));
		expect(results.map((r) => r.outcome.reason).sort()).toEqual(["duplicate", "duplicate", "outreach"]);
		expect(await nudgesOf(userId)).toHaveLength(2);
		expect(await contactsOf(userId)).toHaveLength(2);
	});

	it("a message without Message-ID is keyed by its content", async () => {
		const { address, userId } = await newUser();
		const raw = buildMail({ from: address, to: "Ann <ann@acme.example>" }).replace(/^Message-ID:.*\r\n/m, "");
		await receive(raw, { to: `track@${DOMAIN}`, at: T });
		const again = await receive(raw, { to: `track@${DOMAIN}`, at: T });
		expect(again.outcome.reason).toBe("duplicate");
		expect(await nudgesOf(userId)).toHaveLength(1);
	});
});

describe("addresses that answer", () => {
	it("an unknown local part gets a short reply listing the addresses", async () => {
		const { address } = await newUser();
		const r = await send({ from: address, to: "Ann <ann@acme.example>", rcpt: `trak@${DOMAIN}` }, T);
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "unknown_address" });
		const reply = (await mailsTo(address)).at(-1);
		expect(reply?.subject).toBe(`trak@${DOMAIN} isn't one of our addresses`);
		expect(reply?.text).toContain(`track@${DOMAIN}  BCC it on outreach`);
	});

	it("help@ answers with the addresses and commands", async () => {
		const { address } = await newUser();
		await send({ from: address, rcpt: `help@${DOMAIN}`, subject: "?" }, T);
		const reply = (await mailsTo(address)).at(-1);
		expect(reply?.subject).toBe("How Followthrough works");
		expect(reply?.text).toContain("snooze until monday");
	});

	it("status@ lists what is pending", async () => {
		const { address } = await newUser();
		await send({ from: address, to: "Ann Lee <ann@acme.example>" }, T);
		await send({ from: address, rcpt: `status@${DOMAIN}`, subject: "status" }, T);
		const reply = (await mailsTo(address)).at(-1);
		expect(reply?.subject).toBe("Your follow-ups: 1 pending, 1 contact");
		expect(reply?.text).toContain("1. follow up: Ann Lee, Thu 26 Nov");
	});

	it("status@ tells the user about mail of ours the provider refused for good", async () => {
		const { address, userId } = await newUser();
		const row = await enqueue({ kind: "digest", userId, to: address }, new Date(T.getTime() - 86_400_000));
		await db.update(outbox).set({ state: "failed", lastError: "422: Invalid `to` field" }).where(eq(outbox.id, row.id));
		await send({ from: address, rcpt: `status@${DOMAIN}`, subject: "status" }, T);
		const reply = (await mailsTo(address)).at(-1);
		expect(reply?.text).toContain(
			"Could not be delivered (last 30 days):\n- the digest of Sun 22 Nov, 09:15: 422: Invalid `to` field",
		);
	});

	it("remind@ and remind+3d@ set plain reminders about the email", async () => {
		const { address, userId } = await newUser();
		await send({ from: address, rcpt: `remind@${DOMAIN}`, subject: "Renew passport" }, T);
		await send({ from: address, rcpt: `remind+3d@${DOMAIN}`, subject: "Send portfolio" }, T);
		const rows = (await nudgesOf(userId)).map((r) => [r.nudge.kind, r.nudge.note, r.nudge.dueOn, r.email]);
		expect(rows).toEqual(
			expect.arrayContaining([
				["reminder", "Renew passport", "2026-11-24", null],
				["reminder", "Send portfolio", "2026-11-26", null],
			]),
		);
	});

	it("our own mail looping back is ignored and never answered", async () => {
		const { address } = await newUser();
		const before = (await mailsTo(address)).length;
		const r = await send({ from: `hello@${DOMAIN}`, to: address, subject: "You're all set" }, T);
		expect(r.outcome).toMatchObject({ outcome: "ignored", reason: "automatic_loop" });
		expect(await mailsTo(address)).toHaveLength(before);
	});

	it("every email gets exactly one log row", async () => {
		const { address } = await newUser();
		const before = (await logOf()).length;
		await send({ from: address, to: "Ann <ann@acme.example>" }, T);
		await send({ from: address, rcpt: `nope@${DOMAIN}` }, T);
		await send({ from: "x@y.example", to: address, auth: false }, T);
		expect((await logOf()).length - before).toBe(3);
	});
});
