/**
 * One-click links from our mail. GET /a/:token and GET /u/:token only show what
 * the link would do (mail scanners follow links); POST does it. /u/:token also
 * takes RFC 8058 one-click unsubscribe POSTs from mail providers, which carry no
 * Origin: the signed token is the authorisation, and a pause can be undone by a
 * Resume button, itself a signed link (/u/<resume token>) whose GET only asks.
 */
import { Hono } from "hono";
import { createAccountsRepo } from "../accounts/accounts-repo";
import { setPaused } from "../accounts/pause";
import { applyCommands } from "../commands/apply-commands";
import type { Command } from "../commands/command-grammar";
import { itemsByIds, presentItems } from "../commands/command-items";
import { nonEmpty } from "../lib/non-empty";
import { type LinkCheck, signLink, UNSUBSCRIBE_LINK_DAYS, verifyLink } from "../mail/signed-link";
import { cleanDisplayName } from "../tracking/contact-name";
import { isOpen, type NudgeState } from "../tracking/nudge-kinds";
import type { AppEnv } from "./context";
import { TitledPage } from "./layout";

export const actionRoutes = new Hono<AppEnv>();

const SNOOZE_CHOICES = [
	{ days: 1, label: "1 day" },
	{ days: 3, label: "3 days" },
	{ days: 7, label: "1 week" },
];

const LINK_ERRORS: Record<Exclude<LinkCheck, { ok: true }>["reason"], { status: 400 | 410; text: string }> = {
	malformed: { status: 400, text: "This link is incomplete. Reply to the email instead." },
	bad_signature: { status: 400, text: "This link is not valid. Reply to the email instead." },
	expired: { status: 410, text: "This link has expired. Reply to the email, or open your latest digest." },
};

async function check(c: { var: AppEnv["Variables"] }, token: string) {
	const { config, clock } = c.var.services;
	return verifyLink(config.appSecret, token, clock.now());
}

/** What became of an item a link was for, once it is closed. */
function closedWords(who: string, state: NudgeState): string {
	if (state === "superseded")
		return `That reminder about ${who} was replaced by a newer one: your latest digest has it.`;
	if (state === "cancelled") return `That reminder about ${who} was cancelled: nothing is left to do.`;
	return `That reminder about ${who} is done already.`;
}

actionRoutes.get("/a/:token", async (c) => {
	const link = await check(c, c.req.param("token"));
	if (!link.ok || (link.claims.a !== "done" && link.claims.a !== "snooze")) {
		const e = LINK_ERRORS[link.ok ? "malformed" : link.reason];
		return c.html(<TitledPage title="Link not usable">{e.text}</TitledPage>, e.status);
	}
	const { db } = c.var.services;
	const [item] = await itemsByIds(db, link.claims.u, link.claims.n ? [link.claims.n] : []);
	if (!item) return c.html(<TitledPage title="Nothing to do">That reminder is gone.</TitledPage>, 404);
	const who = cleanDisplayName(item.contactName) || item.contactEmail || item.note || "this reminder";
	// Acted on since the mail (by a reply, the dashboard, another link): say so rather than offer it again.
	if (!isOpen(item.state)) return c.html(<TitledPage title="Nothing to do">{closedWords(who, item.state)}</TitledPage>);
	if (link.claims.a === "snooze") {
		return c.html(
			<TitledPage title={`Snooze ${who}?`}>
				<form method="post">
					<fieldset>
						<legend>Bring it back in</legend>
						{SNOOZE_CHOICES.map((s, i) => (
							<label class="choice">
								<input type="radio" name="days" value={String(s.days)} checked={i === 1} /> {s.label}
							</label>
						))}
					</fieldset>
					<button type="submit">Snooze</button>
				</form>
			</TitledPage>,
		);
	}
	return c.html(
		<TitledPage title={`Mark ${who} as done?`}>
			<form method="post">
				<button type="submit">Done</button>
			</form>
		</TitledPage>,
	);
});

actionRoutes.post("/a/:token", async (c) => {
	const link = await check(c, c.req.param("token"));
	if (!link.ok || (link.claims.a !== "done" && link.claims.a !== "snooze") || !link.claims.n) {
		const e = LINK_ERRORS[link.ok ? "malformed" : link.reason];
		return c.html(<TitledPage title="Link not usable">{e.text}</TitledPage>, e.status);
	}
	const { services } = c.var;
	const { db, clock } = services;
	const accounts = createAccountsRepo(db);
	const user = await accounts.findById(link.claims.u);
	const items = await itemsByIds(db, link.claims.u, [link.claims.n]);
	if (!user || !presentItems(items).length)
		return c.html(<TitledPage title="Nothing to do">That reminder is gone.</TitledPage>, 404);
	const form = await c.req.parseBody();
	const days = Number(form.days ?? 3);
	const command: Command = {
		action:
			link.claims.a === "done"
				? { kind: "done" }
				: { kind: "snooze", delay: { kind: "days", days: SNOOZE_CHOICES.some((s) => s.days === days) ? days : 3 } },
		target: { kind: "numbers", numbers: [1] },
		line: link.claims.a,
	};
	const applied = await applyCommands({ services, now: clock.now() }, { user }, items, [command]);
	if (applied.writes.length) await db.batch(nonEmpty(applied.writes));
	return c.html(
		<TitledPage title={applied.done.length ? "Done" : "Nothing changed"}>
			{[...applied.done, ...applied.problems].join(" ")}
		</TitledPage>,
	);
});

/** The signed link that undoes a pause (a path on this site): its GET asks, its POST resumes. */
async function resumeUrl(c: { var: AppEnv["Variables"] }, userId: string): Promise<string> {
	const { config, clock } = c.var.services;
	const e = clock.now().getTime() + UNSUBSCRIBE_LINK_DAYS * 86_400_000;
	return `/u/${await signLink(config.appSecret, { u: userId, a: "resume", e })}`;
}

function ResumeButton(props: { action?: string }) {
	return (
		<form method="post" action={props.action}>
			<button type="submit">Resume reminders</button>
		</form>
	);
}

const PAUSED_TEXT = "No digests or reminders until you resume. Everything you track is kept.";

async function statusOf(c: { var: AppEnv["Variables"] }, userId: string) {
	return (await createAccountsRepo(c.var.services.db).findById(userId))?.status ?? null;
}

actionRoutes.get("/u/:token", async (c) => {
	const link = await check(c, c.req.param("token"));
	if (!link.ok || (link.claims.a !== "unsubscribe" && link.claims.a !== "resume")) {
		const e = LINK_ERRORS[link.ok ? "malformed" : link.reason];
		return c.html(<TitledPage title="Link not usable">{e.text}</TitledPage>, e.status);
	}
	const status = await statusOf(c, link.claims.u);
	if (status === null) return c.html(<TitledPage title="Nothing to do">That account is gone.</TitledPage>, 404);
	if (link.claims.a === "resume") {
		return c.html(
			status === "paused" ? (
				<TitledPage title="Resume your reminders?">
					<p>Your digest comes back at its usual hour, with everything you track.</p>
					<ResumeButton />
				</TitledPage>
			) : (
				<TitledPage title="Reminders are on">Nothing to resume: you'll get your next digest as usual.</TitledPage>
			),
		);
	}
	if (status === "paused") {
		return c.html(
			<TitledPage title="Reminders are paused">
				<p>{PAUSED_TEXT}</p>
				<ResumeButton action={await resumeUrl(c, link.claims.u)} />
			</TitledPage>,
		);
	}
	return c.html(
		<TitledPage title="Pause your reminders?">
			<p>{PAUSED_TEXT}</p>
			<form method="post">
				<button type="submit">Pause reminders</button>
			</form>
		</TitledPage>,
	);
});

actionRoutes.post("/u/:token", async (c) => {
	const link = await check(c, c.req.param("token"));
	if (!link.ok || (link.claims.a !== "unsubscribe" && link.claims.a !== "resume")) {
		const e = LINK_ERRORS[link.ok ? "malformed" : link.reason];
		return c.text(e.text, e.status);
	}
	const { db } = c.var.services;
	const resume = link.claims.a === "resume";
	await setPaused(db, link.claims.u, !resume);
	if (resume)
		return c.html(<TitledPage title="Reminders are back on">You'll get your next digest as usual.</TitledPage>);
	// RFC 8058: the provider's POST wants a plain success; a person gets a page with a way back.
	const form = await c.req.parseBody();
	if (form["List-Unsubscribe"] === "One-Click") return c.text("Unsubscribed: reminders are paused.");
	return c.html(
		<TitledPage title="Reminders paused">
			<p>{PAUSED_TEXT} Changed your mind?</p>
			<ResumeButton action={await resumeUrl(c, link.claims.u)} />
		</TitledPage>,
	);
});
