/**
 * Every mail we send is built here, once: the outbox row (our Message-ID,
 * Auto-Submitted) and, as the mail asks for them, a reply address whose token
 * is stored only as a hash (or a token only a link in the text carries), list
 * headers with a signed one-click unsubscribe (RFC 2369/2919/8058), and
 * In-Reply-To with References. Callers store what is built: inbound
 * and account mail as writes in their own batch (`outgoingWrites`), the cron
 * tick as its outbox trigger's effects.
 */
import type { Config } from "../config/env";
import type { Db } from "../db/client";
import { tokens } from "../db/schema";
import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import { nonEmpty } from "../lib/non-empty";
import { hashSecretToken, newSecretToken } from "../lib/secret-token";
import { inDays } from "../time/local-time";
import { type ComposedRow, composeOutboxRow, type MailDraft } from "./compose";
import { deliverDueOutbox } from "./deliver-outbox";
import type { Mailer } from "./mailer";
import type { OutboxRepo } from "./outbox-repo";
import { ITEM_LINK_DAYS, signLink, UNSUBSCRIBE_LINK_DAYS } from "./signed-link";

/** How long a reply address (r+<token>@) takes replies. */
export const REPLY_TOKEN_DAYS = 30;

/** The lists our mail belongs to: List-Id names them, so clients and filters can treat each as a list. */
const LISTS = { notices: "Followthrough notices", reminders: "Followthrough reminders" } as const;
export type MailList = keyof typeof LISTS;

/** A mail we send; the Reply-To and headers are this module's to set. */
export interface OutgoingDraft extends Omit<MailDraft, "replyTo" | "headers"> {
	/** The user it is for; null for an address that is no user's (such a mail has no token and is on no list). */
	userId: string | null;
	/**
	 * A Reply-To of r+<token>@: `reply` takes commands, `verify` confirms an address. `secret`: when the
	 * text carries the same secret (a link), the caller makes it (newSecretToken) and passes it in.
	 */
	replyToken?: { purpose: "reply" | "verify"; days?: number; context?: Record<string, unknown>; secret?: string };
	/** A secret only a link in the text carries (a sign-in link), stored with the mail beside its reply token. */
	linkToken?: { purpose: "sign_in"; secret: string; expiresAt: Date; context?: Record<string, unknown> };
	/** Or a Reply-To already issued: the r+ address the mail we answer went to, so a later answer still works. */
	replyTo?: string;
	/** List headers, and a one-click unsubscribe that pauses the user (it needs a reply token for its mailto). */
	list?: MailList;
	/** The Message-ID (without brackets) of the mail this one answers. */
	inReplyTo?: string | null;
}

/** The words of a mail, as the texts modules write them. */
export type MailText = Pick<OutgoingDraft, "subject" | "text">;

/** How the plain-text mail we write ends. */
export const SIGN_OFF = "\n\n— Followthrough";

/** What building a mail needs of the configuration. */
export type MailConfig = Pick<Config, "mailDomain" | "mailFrom" | "publicUrl" | "appSecret">;

/** A mail's token row in `tokens`: the hash of the token, never the token. */
export interface MailTokenRow {
	id: string;
	userId: string;
	purpose: "reply" | "verify" | "sign_in";
	tokenHash: string;
	/** The mail it was sent in. */
	outboxId: string;
	contextJson: string;
	expiresAt: Date;
	createdAt: Date;
}

export interface BuiltMail {
	row: ComposedRow;
	/** The mail's own tokens: its reply token, and the one its link carries; none when it has neither. */
	tokens: MailTokenRow[];
}

async function unsubscribeLink(config: MailConfig, userId: string, now: Date): Promise<string> {
	const e = inDays(now, UNSUBSCRIBE_LINK_DAYS).getTime();
	return `${config.publicUrl}/u/${await signLink(config.appSecret, { u: userId, a: "unsubscribe", e })}`;
}

export async function buildOutgoingMail(draft: OutgoingDraft, config: MailConfig, now: Date): Promise<BuiltMail> {
	const id = newId();
	const { replyToken, linkToken } = draft;
	if ((replyToken || linkToken || draft.list) && draft.userId === null)
		throw new Error(`buildOutgoingMail: ${draft.kind} mail with a token or on a list needs a user`);
	if (replyToken && draft.replyTo)
		throw new Error(`buildOutgoingMail: ${draft.kind} mail has a new reply token and another Reply-To`);
	const secret = replyToken ? (replyToken.secret ?? newSecretToken()) : null;
	const replyTo = secret ? `r+${secret}@${config.mailDomain}` : (draft.replyTo ?? null);
	const headers: Record<string, string> = {};
	if (draft.inReplyTo) {
		headers["in-reply-to"] = `<${draft.inReplyTo}>`;
		headers.references = `<${draft.inReplyTo}>`;
	}
	if (draft.list) {
		if (!secret) throw new Error(`buildOutgoingMail: ${draft.kind} mail on a list needs a reply token`);
		// Every such mail can be stopped in one click (RFC 8058); it pauses, and can be undone.
		headers["list-unsubscribe"] =
			`<${await unsubscribeLink(config, draft.userId ?? "", now)}>, <mailto:${replyTo}?subject=unsubscribe>`;
		headers["list-unsubscribe-post"] = "List-Unsubscribe=One-Click";
		headers["list-id"] = `${LISTS[draft.list]} <${draft.list}.${config.mailDomain}>`;
	}
	const row = composeOutboxRow({ ...draft, replyTo, headers }, config, { id, now });
	const stored = [
		...(secret && replyToken
			? [{ ...replyToken, secret, expiresAt: inDays(now, replyToken.days ?? REPLY_TOKEN_DAYS) }]
			: []),
		...(linkToken ? [linkToken] : []),
	];
	const tokens: MailTokenRow[] = [];
	for (const t of stored)
		if (draft.userId)
			tokens.push({
				id: newId(),
				userId: draft.userId,
				purpose: t.purpose,
				tokenHash: await hashSecretToken(t.secret),
				outboxId: id,
				contextJson: JSON.stringify(t.context ?? {}),
				expiresAt: t.expiresAt,
				createdAt: now,
			});
	return { row, tokens };
}

/** A built mail as writes for the caller's batch: the outbox row first, since the token references it. */
export function outgoingWrites(deps: { db: Db; outbox: OutboxRepo }, mail: BuiltMail): Write[] {
	return [deps.outbox.insert(mail.row), ...(mail.tokens.length ? [deps.db.insert(tokens).values(mail.tokens)] : [])];
}

/** A mail sent on its own (not as part of another change): built, stored with its token in one batch, delivered. */
export async function sendMailNow(
	deps: { db: Db; outbox: OutboxRepo; mailer: Mailer },
	draft: OutgoingDraft,
	config: MailConfig,
	now: Date,
): Promise<void> {
	const mail = await buildOutgoingMail(draft, config, now);
	await deps.db.batch(nonEmpty(outgoingWrites(deps, mail)));
	await deliverDueOutbox(deps, now);
}

/** One-click links for an item of a reminder mail (GET shows a confirmation page). */
export interface ItemLinks {
	done: string;
	snooze: string;
	/** The contact's page on the dashboard (sign-in required). */
	open: string;
}

/** Signed Done and Snooze links, and the dashboard page, for each item. */
export async function itemLinks(
	config: MailConfig,
	userId: string,
	items: readonly { id: string; contactId: string | null }[],
	now: Date,
): Promise<Map<string, ItemLinks>> {
	const { appSecret, publicUrl } = config;
	const e = inDays(now, ITEM_LINK_DAYS).getTime();
	const out = new Map<string, ItemLinks>();
	for (const n of items) {
		out.set(n.id, {
			done: `${publicUrl}/a/${await signLink(appSecret, { u: userId, n: n.id, a: "done", e })}`,
			snooze: `${publicUrl}/a/${await signLink(appSecret, { u: userId, n: n.id, a: "snooze", e })}`,
			open: n.contactId ? `${publicUrl}/app/contacts/${n.contactId}` : `${publicUrl}/app`,
		});
	}
	return out;
}
