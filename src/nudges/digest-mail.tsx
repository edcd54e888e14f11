/** The digest and single-nudge mails: plain text and HTML (hono/jsx escapes every value). */
import type { ItemLinks } from "../mail/outgoing-mail";
import type { NudgeKind } from "../tracking/nudge-kinds";
import type { DueNudge } from "./due-nudges-repo";
import { type NudgeWords, wordNudge } from "./nudge-wording";

export const DIGEST_MAX_ITEMS = 25;

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

const COMMANDS = '"1 done", "2 snooze 3d", "snooze until monday", "stop Ann", "replied", "pause", "help"';
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function words(n: DueNudge, now: Date): NudgeWords {
	return wordNudge(
		{
			kind: n.kind as NudgeKind,
			attempt: n.attempt,
			note: n.note,
			contactName: n.contactName,
			contactEmail: n.contactEmail,
			referrerName: n.referrerName,
			subject: n.subject,
			lastOutboundAt: n.lastOutboundAt,
			lastInboundAt: n.lastInboundAt,
			createdAt: n.createdAt,
		},
		now,
		n.timezone,
	);
}

export function digestSubject(items: NudgeWords[]): string {
	const named = items.slice(0, 2).map((w) => w.short);
	const more = items.length - named.length;
	return `${capital(named.join(" · "))}${more > 0 ? ` (+${more} more)` : ""}`;
}

function textItem(w: NudgeWords, i: number | null, links: ItemLinks | undefined): string {
	const lines = [`${i === null ? "" : `${i}. `}${w.action}`, `   ${w.reason}`];
	if (w.context) lines.push(`   ${w.context}`);
	if (w.suggestion) lines.push(`   Tip: ${w.suggestion}`);
	if (links) lines.push(`   Done: ${links.done}`, `   Snooze: ${links.snooze}`, `   Open: ${links.open}`);
	return lines.join("\n");
}

function Item(props: { w: NudgeWords; links: ItemLinks | undefined }) {
	const { w, links } = props;
	return (
		<>
			<strong>{w.action}</strong>
			<br />
			<span style="color:#52606d">{w.reason}</span>
			{w.context ? (
				<>
					<br />
					<span style="color:#52606d">{w.context}</span>
				</>
			) : null}
			{w.suggestion ? (
				<>
					<br />
					<em>Tip: {w.suggestion}</em>
				</>
			) : null}
			{links ? (
				<>
					<br />
					<a href={links.done}>Done</a> · <a href={links.snooze}>Snooze</a> · <a href={links.open}>Open</a>
				</>
			) : null}
		</>
	);
}

function Page(props: {
	intro: string;
	items: NudgeWords[];
	links: (ItemLinks | undefined)[];
	numbered: boolean;
	more: number;
	dashboard: string;
}) {
	return (
		<html lang="en">
			<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;max-width:40rem">
				<p>{props.intro}</p>
				{props.numbered ? (
					<ol>
						{props.items.map((w, i) => (
							<li style="margin-bottom:12px">
								<Item w={w} links={props.links[i]} />
							</li>
						))}
					</ol>
				) : (
					<p>{props.items[0] ? <Item w={props.items[0]} links={props.links[0]} /> : null}</p>
				)}
				{props.more > 0 ? (
					<p>
						+{props.more} more on <a href={props.dashboard}>your dashboard</a>.
					</p>
				) : null}
				<p style="color:#52606d;font-size:13px">Reply to this email, one command per line: {COMMANDS}.</p>
			</body>
		</html>
	);
}

export async function renderDigest(
	nudges: DueNudge[],
	now: Date,
	dashboard: string,
	links: ReadonlyMap<string, ItemLinks> = new Map(),
): Promise<RenderedMail> {
	const all = nudges.map((n) => words(n, now));
	const shown = all.slice(0, DIGEST_MAX_ITEMS);
	const more = all.length - shown.length;
	const intro = `Good morning. ${all.length === 1 ? "One thing" : `${all.length} things`} to follow up on today:`;
	const text = [
		intro,
		"",
		shown.map((w, i) => textItem(w, i + 1, links.get(nudges[i]?.id ?? ""))).join("\n\n"),
		...(more > 0 ? ["", `+${more} more on your dashboard: ${dashboard}`] : []),
		"",
		`Reply to this email, one command per line: ${COMMANDS}.`,
		"",
		"— Followthrough",
	].join("\n");
	const html = `<!doctype html>${await (<Page intro={intro} items={shown} links={nudges.slice(0, shown.length).map((n) => links.get(n.id))} numbered more={more} dashboard={dashboard} />).toString()}`;
	return { subject: digestSubject(all), text, html };
}

export async function renderSingle(
	n: DueNudge,
	now: Date,
	dashboard: string,
	links: ReadonlyMap<string, ItemLinks> = new Map(),
): Promise<RenderedMail> {
	const w = words(n, now);
	const text = [
		textItem(w, null, links.get(n.id)),
		"",
		`Reply to this email: "done", "snooze 3d", "stop", "help".`,
		"",
		"— Followthrough",
	].join("\n");
	const html = `<!doctype html>${await (<Page intro="A reminder from Followthrough:" items={[w]} links={[links.get(n.id)]} numbered={false} more={0} dashboard={dashboard} />).toString()}`;
	return { subject: w.action, text, html };
}
