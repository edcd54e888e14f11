/**
 * buildOutgoingMail is the one place a mail's Reply-To, token and threading headers are made. Each way a
 * mail gets its Reply-To: a new reply token (ours, or the caller's secret when a link carries it too), a
 * token only a link carries, or a Reply-To already issued; and what is refused.
 */
import { describe, expect, it } from "vitest";
import { hashSecretToken, newSecretToken } from "../../src/lib/secret-token";
import { buildOutgoingMail, type MailConfig, REPLY_TOKEN_DAYS } from "../../src/mail/outgoing-mail";

const CONFIG: MailConfig = {
	mailDomain: "followthrough.test",
	mailFrom: "Followthrough <hello@followthrough.test>",
	publicUrl: "https://app.followthrough.test",
	appSecret: "s".repeat(32),
};
const NOW = new Date("2026-11-23T14:15:00Z");
const DAY = 86_400_000;
const words = { to: "pat@example.com", subject: "Hello", text: "Hi" };

describe("buildOutgoingMail", () => {
	it("a new reply token: r+<token>@ is the Reply-To, and only its hash is stored, for this mail", async () => {
		const { row, tokens } = await buildOutgoingMail(
			{ kind: "reply", userId: "u1", ...words, replyToken: { purpose: "reply", context: { nudges: ["n1"] } } },
			CONFIG,
			NOW,
		);
		const secret = row.replyTo?.match(/^r\+([a-z2-7]+)@followthrough\.test$/)?.[1] ?? "";
		expect(secret).not.toBe("");
		expect(tokens).toHaveLength(1);
		const [token] = tokens;
		expect(token).toMatchObject({
			userId: "u1",
			purpose: "reply",
			tokenHash: await hashSecretToken(secret),
			outboxId: row.id,
			contextJson: '{"nudges":["n1"]}',
			expiresAt: new Date(NOW.getTime() + REPLY_TOKEN_DAYS * DAY),
		});
		expect(JSON.stringify(token)).not.toContain(secret);
	});

	it("the caller's secret, when the text carries it too (a link), is the Reply-To's", async () => {
		const secret = newSecretToken();
		const { row, tokens } = await buildOutgoingMail(
			{ kind: "verification", userId: "u1", ...words, replyToken: { purpose: "verify", days: 7, secret } },
			CONFIG,
			NOW,
		);
		expect(row.replyTo).toBe(`r+${secret}@followthrough.test`);
		const [token] = tokens;
		expect(token).toMatchObject({ purpose: "verify", tokenHash: await hashSecretToken(secret) });
		expect(token?.expiresAt).toEqual(new Date(NOW.getTime() + 7 * DAY));
	});

	it("a token a link carries, beside the reply token: both stored with the mail, the Reply-To the reply's", async () => {
		const secret = newSecretToken();
		const expiresAt = new Date(NOW.getTime() + 15 * 60_000);
		const { row, tokens } = await buildOutgoingMail(
			{
				kind: "sign_in",
				userId: "u1",
				...words,
				replyToken: { purpose: "reply" },
				list: "notices",
				linkToken: { purpose: "sign_in", secret, expiresAt, context: { next: "/app" } },
			},
			CONFIG,
			NOW,
		);
		const replySecret = row.replyTo?.match(/^r\+([a-z2-7]+)@followthrough\.test$/)?.[1] ?? "";
		expect(replySecret).not.toBe(secret);
		expect(tokens).toEqual([
			expect.objectContaining({ purpose: "reply", tokenHash: await hashSecretToken(replySecret), outboxId: row.id }),
			expect.objectContaining({
				purpose: "sign_in",
				tokenHash: await hashSecretToken(secret),
				outboxId: row.id,
				contextJson: '{"next":"/app"}',
				expiresAt,
			}),
		]);
		expect(JSON.parse(row.headersJson)).toHaveProperty("list-unsubscribe-post", "List-Unsubscribe=One-Click");
	});

	it("a Reply-To already issued, answering a mail: no new token, and In-Reply-To and References name it", async () => {
		const { row, tokens } = await buildOutgoingMail(
			{ kind: "confirmation", userId: null, ...words, replyTo: "r+abc@followthrough.test", inReplyTo: "m1@x.example" },
			CONFIG,
			NOW,
		);
		expect(tokens).toEqual([]);
		expect(row.replyTo).toBe("r+abc@followthrough.test");
		expect(JSON.parse(row.headersJson)).toMatchObject({
			"in-reply-to": "<m1@x.example>",
			references: "<m1@x.example>",
		});
	});

	it("refuses a token or a list for an address that is no user's, and two Reply-Tos", async () => {
		await expect(
			buildOutgoingMail({ kind: "reply", userId: null, ...words, replyToken: { purpose: "reply" } }, CONFIG, NOW),
		).rejects.toThrow("needs a user");
		await expect(
			buildOutgoingMail(
				{
					kind: "reply",
					userId: "u1",
					...words,
					replyToken: { purpose: "reply" },
					replyTo: "r+abc@followthrough.test",
				},
				CONFIG,
				NOW,
			),
		).rejects.toThrow("another Reply-To");
		await expect(
			buildOutgoingMail({ kind: "digest", userId: "u1", ...words, list: "reminders" }, CONFIG, NOW),
		).rejects.toThrow("needs a reply token");
	});
});
