/** Contacts: search and filter; one contact's timeline, notes and a stop-tracking control. */
import { Hono } from "hono";
import { z } from "zod";
import { stopContact } from "../../commands/item-actions";
import { CONTACT_STATUSES } from "../../db/schema";
import { lazy } from "../../lib/lazy";
import { formatLocal } from "../../time/local-time";
import {
	contactDetail,
	contactTimeline,
	NOTES_MAX,
	saveNotes,
	type TimelineEntry,
} from "../../tracking/contact-detail";
import { isContactStatus, listContacts } from "../../tracking/contacts-list";
import {
	isOpen,
	NUDGE_KIND_WORDS,
	NUDGE_STATE_WORDS,
	type NudgeKind,
	type NudgeState,
} from "../../tracking/nudge-kinds";
import type { AppEnv } from "../context";
import { AppPage, Pager, pageAt, setNotice, takeNotice } from "./app-page";
import { NotFound } from "./not-found";
import { NudgeActions } from "./nudge-actions";

export const contactsRoutes = new Hono<AppEnv>();

const STATUS_LABELS: Record<(typeof CONTACT_STATUSES)[number], string> = {
	new: "new",
	awaiting_reply: "awaiting reply",
	replied: "replied",
	met: "met",
	dormant: "dormant",
	closed: "stopped",
};
const nameOf = (c: { name: string | null; email: string }) => c.name || c.email;
const kindWords = (kind: string) => NUDGE_KIND_WORDS[kind as NudgeKind] ?? kind;

contactsRoutes.get("/contacts", async (c) => {
	const { user, services } = c.var;
	const q = c.req.query("q")?.slice(0, 100) ?? "";
	const rawStatus = c.req.query("status");
	const status = isContactStatus(rawStatus) ? rawStatus : undefined;
	const list = await listContacts(services.db, user.id, { q, status, at: pageAt((k) => c.req.query(k)) });
	const when = (d: Date | null) => (d ? formatLocal(d, user.timezone) : "—");
	// Due or delivered (in front of the user on Today): "now", not a date in the past.
	const now = services.clock.now();
	const next = (d: Date | null) => (d && d.getTime() <= now.getTime() ? "now" : when(d));
	return c.html(
		<AppPage title="Contacts" current="/app/contacts" notice={takeNotice(c)}>
			<h1>Contacts</h1>
			<search>
				<form method="get" class="filters">
					<div>
						<label for="q">Search</label>
						<input type="search" id="q" name="q" value={q} placeholder="Name or address" />
					</div>
					<div>
						<label for="status">Status</label>
						<select id="status" name="status" data-autosubmit>
							<option value="">All</option>
							{CONTACT_STATUSES.map((s) => (
								<option value={s} selected={s === status}>
									{STATUS_LABELS[s]}
								</option>
							))}
						</select>
					</div>
					<button type="submit">Show</button>
				</form>
			</search>
			{list.items.length === 0 ? (
				<p>{q || status ? "No contacts match." : "No contacts yet. BCC track@ on your next outreach."}</p>
			) : (
				<table>
					<caption class="visually-hidden">Your contacts</caption>
					<thead>
						<tr>
							<th scope="col">Contact</th>
							<th scope="col">Status</th>
							<th scope="col">Last contact</th>
							<th scope="col">Next nudge</th>
							<th scope="col">Referred by</th>
						</tr>
					</thead>
					<tbody>
						{list.items.map((r) => (
							<tr>
								<td>
									<a href={`/app/contacts/${r.id}`}>{nameOf(r)}</a>
									{r.name ? <div class="muted">{r.email}</div> : null}
								</td>
								<td>{STATUS_LABELS[r.status]}</td>
								<td>{when(r.lastContactAt)}</td>
								<td>{next(r.nextNudgeAt)}</td>
								<td>{r.referrerName || r.referrerEmail || "—"}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			<Pager
				base="/app/contacts"
				params={{ q, status }}
				page={list.page}
				hasNext={list.hasNext}
				next={list.next}
				prev={list.prev}
			/>
		</AppPage>,
	);
});

contactsRoutes.get("/contacts/:id", async (c) => {
	const { user, services } = c.var;
	const detail = await contactDetail(services.db, user.id, c.req.param("id"));
	if (!detail) return c.html(<NotFound />, 404);
	const { contact, referrer } = detail;
	const tz = user.timezone;
	const timeline = await contactTimeline(
		services.db,
		user.id,
		contact,
		pageAt((k) => c.req.query(k)),
	);
	const line = (t: TimelineEntry) =>
		t.type === "mail"
			? `${t.what === "outbound" ? "You wrote" : t.sender ? `${t.sender} wrote` : "They wrote"}: "${t.title}"`
			: `${kindWords(t.what)} reminder ${NUDGE_STATE_WORDS[t.title as NudgeState] ?? t.title}`;
	const open = detail.nudges.filter((n) => isOpen(n.state));
	// As Today says it: delivered and waiting, snoozed until a time, or due at one.
	const openWhen = (n: { state: string; sentAt: Date | null; dueAt: Date }) =>
		n.state === "sent"
			? `sent ${formatLocal(n.sentAt ?? n.dueAt, tz)}`
			: `${n.state === "snoozed" ? "snoozed until" : "due"} ${formatLocal(n.dueAt, tz)}`;
	const back = `/app/contacts/${contact.id}`;
	return c.html(
		<AppPage title={nameOf(contact)} current="/app/contacts" notice={takeNotice(c)}>
			<h1>{nameOf(contact)}</h1>
			<dl>
				<dt>Address</dt>
				<dd>{contact.email}</dd>
				<dt>Status</dt>
				<dd>{STATUS_LABELS[contact.status]}</dd>
				<dt>Referred by</dt>
				<dd>{referrer ? <a href={`/app/contacts/${referrer.id}`}>{nameOf(referrer)}</a> : "—"}</dd>
				<dt>Last contact</dt>
				<dd>{contact.lastContactAt ? formatLocal(contact.lastContactAt, tz) : "—"}</dd>
			</dl>
			{open.length ? (
				<>
					<h2>Open reminders</h2>
					<ul class="items">
						{open.map((n) => (
							<li>
								<div class="what">
									{kindWords(n.kind)} · {openWhen(n)}
								</div>
								<NudgeActions id={n.id} label={`${kindWords(n.kind)} ${nameOf(contact)}`} back={back} />
							</li>
						))}
					</ul>
				</>
			) : null}
			<h2 id="timeline">Timeline</h2>
			{timeline.items.length ? (
				<ol class="items">
					{timeline.items.map((t) => (
						<li>
							<div class="what">
								<span class="muted">{formatLocal(t.at, tz)}</span> {line(t)}
								{t.detail ? <div class="muted">{t.detail}</div> : null}
							</div>
						</li>
					))}
				</ol>
			) : (
				<p class="muted">Nothing yet.</p>
			)}
			<Pager
				base={`/app/contacts/${contact.id}`}
				page={timeline.page}
				hasNext={timeline.hasNext}
				next={timeline.next}
				prev={timeline.prev}
			/>
			<h2>Notes</h2>
			<form method="post" action={`/app/contacts/${contact.id}/notes`} class="stack">
				<label for="notes">Notes (only you see these)</label>
				<textarea id="notes" name="notes" maxlength={NOTES_MAX}>
					{contact.notes ?? ""}
				</textarea>
				<button type="submit">Save notes</button>
			</form>
			{contact.status !== "closed" ? (
				<>
					<h2>Stop tracking</h2>
					<form
						method="post"
						action={`/app/contacts/${contact.id}/stop`}
						data-confirm={`Stop following up with ${nameOf(contact)}?`}
					>
						<p>No more reminders about {nameOf(contact)}. Their history stays here.</p>
						<button type="submit" class="danger">
							Stop tracking {nameOf(contact)}
						</button>
					</form>
				</>
			) : null}
		</AppPage>,
	);
});

const NotesForm = lazy(() => z.object({ notes: z.string().max(NOTES_MAX * 2) }));

contactsRoutes.post("/contacts/:id/notes", async (c) => {
	const { user, services } = c.var;
	const form = NotesForm().safeParse(await c.req.parseBody());
	if (!form.success) return c.text(`Notes are limited to ${NOTES_MAX} characters.`, 400);
	const id = c.req.param("id");
	if (!(await saveNotes(services.db, user.id, id, form.data.notes, services.clock.now())))
		return c.html(<NotFound />, 404);
	setNotice(c, "Notes saved.");
	return c.redirect(`/app/contacts/${id}`, 303);
});

contactsRoutes.post("/contacts/:id/stop", async (c) => {
	const { user, services } = c.var;
	const id = c.req.param("id");
	const outcome = await stopContact(services, user, id);
	if (!outcome.ok && outcome.reason === "not_found") return c.html(<NotFound />, 404);
	setNotice(c, outcome.ok ? outcome.lines.join(" ") : outcome.problems.join(" "));
	return c.redirect(`/app/contacts/${id}`, 303);
});
