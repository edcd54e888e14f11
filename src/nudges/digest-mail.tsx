/** The digest and single-nudge mails: plain text and HTML (hono/jsx escapes every value). */
import type { ItemLinks } from "../mail/outgoing-mail";
import { localMinutes } from "../time/local-time";
import { cleanDisplayName } from "../tracking/contact-name";
import type { NudgeKind } from "../tracking/nudge-kinds";
import type { DueNudge } from "./due-nudges-repo";
import { type NudgeFacts, type NudgeWords, wordNudge } from "./nudge-wording";

export const DIGEST_MAX_ITEMS = 25;

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The greeting for the recipient's local hour: no "Good morning" at 19:42 in Tokyo. */
export function greeting(now: Date, timezone: string): string {
	const hour = Math.floor(localMinutes(now, timezone) / 60);
	if (hour >= 5 && hour < 12) return "Good morning.";
	if (hour >= 12 && hour < 18) return "Good afternoon.";
	if (hour >= 18 && hour < 23) return "Good evening.";
	return "Hello.";
}

/** A name to show: "Lee, Bob" reads "Bob Lee", "ANN LEE" reads "Ann Lee". */
const shownName = (name: string | null) => (name ? (cleanDisplayName(name) ?? null) : null);

function facts(n: DueNudge): NudgeFacts {
	return {
		kind: n.kind as NudgeKind,
		attempt: n.attempt,
		note: n.note,
		contactName: shownName(n.contactName),
		contactEmail: n.contactEmail,
		referrerName: shownName(n.referrerName),
		subject: n.subject,
		threadKind: n.threadKind,
		lastOutboundAt: n.lastOutboundAt,
		lastInboundAt: n.lastInboundAt,
		createdAt: n.createdAt,
	};
}

const words = (n: DueNudge, now: Date): NudgeWords => wordNudge(facts(n), now, n.timezone);

/**
 * The reply commands a digest suggests, built from its own items: numbers that exist,
 * and "stop" with the first name of a person it lists (none when it names nobody).
 */
export function commandExamples(shown: readonly NudgeFacts[]): string[] {
	const firstNames = shown.flatMap((f) => {
		const first = f.contactName?.split(/\s+/)[0];
		return first && f.kind !== "celebrate" && f.kind !== "reminder" ? [first] : [];
	});
	const unique = firstNames.find((n) => firstNames.filter((m) => m.toLowerCase() === n.toLowerCase()).length === 1);
	const stop = unique ? [`stop ${unique}`] : [];
	if (shown.length <= 1) return ["done", "snooze 3d", "snooze until monday", ...stop, "pause", "help"];
	return ["1 done", "2 snooze 3d", "1 snooze until monday", ...stop, "pause", "help"];
}

const commandLine = (examples: readonly string[]) =>
	`Reply to this email with a command, or several at once: ${examples.map((e) => `"${e}"`).join(", ")}.`;

/** Each tip once per mail: the first item of a kind carries it, the rest do not repeat it. */
function oncePerKind(items: readonly NudgeWords[]): NudgeWords[] {
	const seen = new Set<string>();
	return items.map((w) => {
		if (!w.suggestion || !seen.has(w.suggestion)) {
			seen.add(w.suggestion);
			return w;
		}
		return { ...w, suggestion: "" };
	});
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
	/** Monday's line about last week, when there was activity. */
	opening?: string | null;
	intro: string;
	items: NudgeWords[];
	links: (ItemLinks | undefined)[];
	numbered: boolean;
	more: number;
	dashboard: string;
	commands: string;
}) {
	return (
		<html lang="en">
			<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;max-width:40rem">
				{props.opening ? <p>{props.opening}.</p> : null}
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
				<p style="color:#52606d;font-size:13px">{props.commands}</p>
			</body>
		</html>
	);
}

export async function renderDigest(
	nudges: DueNudge[],
	now: Date,
	dashboard: string,
	links: ReadonlyMap<string, ItemLinks> = new Map(),
	/** "Last week: 5 outreach, 2 replies…" (insights/weekly-line.ts), on a Monday after activity. */
	opening: string | null = null,
): Promise<RenderedMail> {
	const all = nudges.map((n) => words(n, now));
	const shown = oncePerKind(all.slice(0, DIGEST_MAX_ITEMS));
	const more = all.length - shown.length;
	const timezone = nudges[0]?.timezone ?? "UTC";
	const intro = `${greeting(now, timezone)} ${all.length === 1 ? "One thing" : `${all.length} things`} to follow up on today:`;
	const commands = commandLine(commandExamples(nudges.slice(0, shown.length).map(facts)));
	const text = [
		...(opening ? [`${opening}.`, ""] : []),
		intro,
		"",
		shown.map((w, i) => textItem(w, i + 1, links.get(nudges[i]?.id ?? ""))).join("\n\n"),
		...(more > 0 ? ["", `+${more} more on your dashboard: ${dashboard}`] : []),
		"",
		commands,
		"",
		"— Followthrough",
	].join("\n");
	const html = `<!doctype html>${await (<Page opening={opening} intro={intro} items={shown} links={nudges.slice(0, shown.length).map((n) => links.get(n.id))} numbered more={more} dashboard={dashboard} commands={commands} />).toString()}`;
	return { subject: digestSubject(all), text, html };
}

export async function renderSingle(
	n: DueNudge,
	now: Date,
	dashboard: string,
	links: ReadonlyMap<string, ItemLinks> = new Map(),
): Promise<RenderedMail> {
	const w = words(n, now);
	const commands = `Reply to this email: "done", "snooze 3d", "stop", "help".`;
	const text = [textItem(w, null, links.get(n.id)), "", commands, "", "— Followthrough"].join("\n");
	const html = `<!doctype html>${await (<Page intro="A reminder from Followthrough:" items={[w]} links={[links.get(n.id)]} numbered={false} more={0} dashboard={dashboard} commands={commands} />).toString()}`;
	return { subject: w.action, text, html };
}
