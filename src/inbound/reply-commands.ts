/**
 * A reply to one of our mails with commands ("1 done", "snooze 3d", "stop Ann"):
 * only the new text counts; every command is confirmed in one line, and what
 * could not be applied is said, with the grammar.
 */
import { createAccountsRepo, type TokenRow } from "../accounts/accounts-repo";
import { applyCommands } from "../commands/apply-commands";
import { parseCommands } from "../commands/command-grammar";
import { itemsByIds } from "../commands/command-items";
import { newText } from "../lib/new-text";
import { accepted, type Effects, type InboundContext, ignored } from "./inbound-context";
import { replyMail, reSubject } from "./reply-mail";
import { helpMail } from "./reply-texts";

export async function handleCommandReply(ctx: InboundContext, token: TokenRow): Promise<Effects> {
	const { db, config } = ctx.services;
	const accounts = createAccountsRepo(db);
	const user = await accounts.findById(token.userId);
	if (!user || user.status === "pending") return ignored(token.userId, { reason: "account_not_active" });
	const addresses = await accounts.addressesOf(user.id);
	const context = JSON.parse(token.contextJson) as { nudges?: string[] };
	const items = await itemsByIds(db, user.id, context.nudges ?? []);
	const parsed = parseCommands(newText(ctx.mail.text));
	// A List-Unsubscribe mailto arrives with the subject "unsubscribe" and no body.
	if (!parsed.commands.length && /^\s*unsubscribe\s*$/i.test(ctx.mail.subject)) {
		parsed.commands.push({ action: { kind: "pause" }, target: { kind: "implicit" }, line: "unsubscribe" });
	}
	const applied = await applyCommands(ctx, { user }, items, parsed.commands);
	const problems = [
		...applied.problems,
		...parsed.unknown.map((l) => `"${l.slice(0, 80)}": I don't know that command.`),
	];
	if (!parsed.commands.length && !parsed.unknown.length) problems.push("I didn't find a command in your reply.");
	const asksHelp = parsed.commands.some((c) => c.action.kind === "help");
	const text = [
		...applied.done,
		...(problems.length ? ["", ...problems] : []),
		...(problems.length || asksHelp ? ["", helpMail({ mailDomain: config.mailDomain }).text] : ["", "— Followthrough"]),
	]
		.join("\n")
		.trim();
	const reply = await replyMail(ctx, {
		kind: "confirmation",
		userId: user.id,
		to: addresses[0] ?? "",
		subject: reSubject(ctx.mail.subject),
		text,
	});
	const effects = applied.done.length
		? accepted(user.id, { reason: "commands", done: applied.done }, [...applied.writes, ...reply.writes])
		: ignored(user.id, { reason: "command_not_understood", problems }, reply.writes);
	return { ...effects, sendsMail: true };
}
