/**
 * A reply to one of our mails with commands ("1 done", "snooze 3d", "stop Ann"):
 * only the new text counts; every command is confirmed in one line; a line that
 * could not be applied is named with why; greetings and sign-offs beside a
 * command pass in silence. A name that fits several items is asked about, and
 * the next reply may answer with just the name.
 */
import { createAccountsRepo, type TokenRow } from "../accounts/accounts-repo";
import { applyCommands } from "../commands/apply-commands";
import { joinDoneLines } from "../commands/command-confirmation";
import { describeIssue, parseCommands } from "../commands/command-grammar";
import { itemsByIds, itemsIn, presentItems } from "../commands/command-items";
import { prepareCommands, readQuestion } from "../commands/prepare-commands";
import { logRecovered } from "../lib/log";
import { newText } from "../lib/new-text";
import { accepted, type Effects, type InboundContext, ignored } from "./inbound-context";
import { replyMail, reSubject } from "./reply-mail";
import { helpMail } from "./reply-texts";

interface TokenContext {
	nudges?: string[];
	question?: unknown;
}

function readContext(json: string): TokenContext {
	try {
		const c = JSON.parse(json) as unknown;
		if (!c || typeof c !== "object") return {};
		const { nudges, question } = c as Record<string, unknown>;
		return {
			nudges: Array.isArray(nudges) ? nudges.filter((n): n is string => typeof n === "string").slice(0, 90) : [],
			question,
		};
	} catch (err) {
		// We wrote this JSON: unreadable means a bug or a damaged row, so it shows in the logs.
		logRecovered("parse_fallback", err, { where: "command token context", fallback: "no items" });
		return {};
	}
}

export async function handleCommandReply(ctx: InboundContext, token: TokenRow): Promise<Effects> {
	const { db, config } = ctx.services;
	const accounts = createAccountsRepo(db);
	// Read ahead with the sender lookup when this is the token it read (reply-read-ahead.ts).
	const ahead = ctx.reply?.token?.id === token.id && ctx.reply.user?.id === token.userId ? ctx.reply : null;
	const user = ahead ? ahead.user : await accounts.findById(token.userId);
	if (!user || user.status === "pending") return ignored(token.userId, { reason: "account_not_active" });
	const addresses = ahead ? ahead.addresses : await accounts.addressesOf(user.id);
	const context = readContext(token.contextJson);
	const items = ahead
		? itemsIn(ahead.items, context.nudges ?? [])
		: await itemsByIds(db, user.id, context.nudges ?? []);
	const parsed = parseCommands(newText(ctx.mail.text), readQuestion(context.question) ?? undefined);
	// A List-Unsubscribe mailto arrives with the subject "unsubscribe" and no body.
	if (!parsed.commands.length && /^\s*unsubscribe\s*$/i.test(ctx.mail.subject)) {
		parsed.commands.push({ action: { kind: "pause" }, target: { kind: "implicit" }, line: "unsubscribe" });
	}
	const prepared = prepareCommands(parsed.commands, presentItems(items), ctx.now, user);
	const applied = await applyCommands({ ...ctx, known: ahead?.known ?? undefined }, { user }, items, prepared.commands);
	const problems = [...prepared.problems, ...applied.problems, ...parsed.issues.map(describeIssue)];
	if (!parsed.commands.length && !parsed.issues.length) problems.push("I didn't find a command in your reply.");
	const { question } = prepared;
	if (question) problems.push(`Or reply with just the name, like "${question.candidates.at(-1)}".`);
	const showHelp = !applied.done.length || parsed.commands.some((c) => c.action.kind === "help");
	const text = [
		// One line per command: `done all` on fifteen items says "Done: …" once.
		...joinDoneLines(applied.done),
		...(problems.length ? ["", ...problems] : []),
		...(showHelp ? ["", helpMail({ mailDomain: config.mailDomain }).text] : ["", "— Followthrough"]),
	]
		.join("\n")
		.trim();
	const reply = await replyMail(ctx, {
		kind: "confirmation",
		userId: user.id,
		to: addresses[0] ?? "",
		subject: reSubject(ctx.mail.subject),
		text,
		// The answer to our question names one of the items that mail had.
		context: question ? { nudges: context.nudges ?? [], question } : undefined,
	});
	const effects = applied.done.length
		? accepted(user.id, { reason: "commands", done: applied.done }, [...applied.writes, ...reply.writes])
		: ignored(user.id, { reason: "command_not_understood", problems }, reply.writes);
	return { ...effects, sendsMail: true };
}
