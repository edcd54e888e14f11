/**
 * Every mail we send is built here, once: the outbox row (our Message-ID,
 * Auto-Submitted) and, as the mail asks for them, a reply address whose token
 * is stored only as a hash, list headers with a signed one-click unsubscribe
 * (RFC 2369/2919/8058), and In-Reply-To. Callers store what is built: inbound
 * and account mail as writes in their own batch (`outgoingWrites`), the cron
 * tick as its outbox trigger's effects.
 */
import type { Config } from "../config/env";
import type { Db } from "../db/client";
import { tokens } from "../db/schema";
import type { Write } from "../db/write";
import { newId } from "../lib/crypto";
import { hashSecretToken, newSecretToken } from "../lib/secret-token";
import { inDays } from "../time/local-time";
import { type ComposedRow, composeOutboxRow, type MailDraft } from "./compose";
import type { OutboxRepo } from "./outbox-repo";
import { ITEM_LINK_DAYS, signLink, UNSUBSCRIBE_LINK_DAYS } from "./signed-link";

/** How long a reply address (r+<token>@) takes replies. */
export const REPLY_TOKEN_DAYS = 30;

/** The lists our mail belongs to: List-Id names them, so clients and filters can treat each as a list. */
const LISTS = { notices: "Followthrough notices", reminders: "Followthrough reminders" } as const;
export type MailList = keyof typeof LISTS;

/** A mail to one of our users; the Reply-To and headers are this module's to set. */
export interface OutgoingDraft extends Omit<MailDraft, "userId" | "replyTo" | "headers"> {
	userId: string;
	/** A Reply-To of r+<token>@: `reply` takes commands, `verify` confirms an address. */
	replyToken?: { purpose: "reply" | "verify"; days?: number; context?: Record<string, unknown> };
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

/** A reply token's row in `tokens`: the hash of the token, never the token. */
export interface ReplyTokenRow {
	id: string;
	userId: string;
	purpose: "reply" | "verify";
	tokenHash: string;
	/** The mail it was sent in. */
	outboxId: string;
	contextJson: string;
	expiresAt: Date;
	createdAt: Date;
}

export interface BuiltMail {
	row: ComposedRow;
	/** Null when the mail has no reply address. */
	token: ReplyTokenRow | null;
}

async function unsubscribeLink(config: MailConfig, userId: string, now: Date): Promise<string> {
	const e = inDays(now, UNSUBSCRIBE_LINK_DAYS).getTime();
	return `${config.publicUrl}/u/${await signLink(config.appSecret, { u: userId, a: "unsubscribe", e })}`;
}

export async function buildOutgoingMail(draft: OutgoingDraft, config: MailConfig, now: Date): Promise<BuiltMail> {
	const id = newId();
	const secret = draft.replyToken ? newSecretToken() : null;
	const replyTo = secret ? `r+${secret}@${config.mailDomain}` : null;
	const headers: Record<string, string> = {};
	if (draft.inReplyTo) {
		headers["in-reply-to"] = `<${draft.inReplyTo}>`;
		headers.references = `<${draft.inReplyTo}>`;
	}
	if (draft.list) {
		if (!replyTo) throw new Error(`buildOutgoingMail: ${draft.kind} mail on a list needs a reply token`);
		// Every such mail can be stopped in one click (RFC 8058); it pauses, and can be undone.
		headers["list-unsubscribe"] =
			`<${await unsubscribeLink(config, draft.userId, now)}>, <mailto:${replyTo}?subject=unsubscribe>`;
		headers["list-unsubscribe-post"] = "List-Unsubscribe=One-Click";
		headers["list-id"] = `${LISTS[draft.list]} <${draft.list}.${config.mailDomain}>`;
	}
	const row = composeOutboxRow({ ...draft, replyTo, headers }, config, { id, now });
	const token: ReplyTokenRow | null =
		secret && draft.replyToken
			? {
					id: newId(),
					userId: draft.userId,
					purpose: draft.replyToken.purpose,
					tokenHash: await hashSecretToken(secret),
					outboxId: id,
					contextJson: JSON.stringify(draft.replyToken.context ?? {}),
					expiresAt: inDays(now, draft.replyToken.days ?? REPLY_TOKEN_DAYS),
					createdAt: now,
				}
			: null;
	return { row, token };
}

/** A built mail as writes for the caller's batch: the outbox row first, since the token references it. */
export function outgoingWrites(deps: { db: Db; outbox: OutboxRepo }, mail: BuiltMail): Write[] {
	return [deps.outbox.insert(mail.row), ...(mail.token ? [deps.db.insert(tokens).values(mail.token)] : [])];
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
