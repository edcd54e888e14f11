/**
 * Notifications from networking sites ("Ann Lee sent you a message" from LinkedIn):
 * who wrote, on which service, and what happened, so the person can be tracked by
 * name. And the senders that are machines (no-reply, notifications, bounces): they
 * are never contacts themselves (DESIGN.md, People). Pure; linear regexes over a
 * bounded subject.
 */

export type NotificationKind = "message" | "invitation" | "accepted" | "mention";

export interface Notification {
	/** The person the notification is about, as the service writes their name. */
	personName: string;
	/** "LinkedIn", "XING", … */
	service: string;
	kind: NotificationKind;
}

export interface NotificationInput {
	from: { address: string; name?: string | null };
	subject: string;
}

/** Networking services by the domain they send from (any subdomain). */
const SERVICES: [RegExp, string][] = [
	[/(?:^|\.)linkedin\.com$/i, "LinkedIn"],
	[/(?:^|\.)xing\.com$/i, "XING"],
	[/(?:^|\.)(?:facebookmail|facebook)\.com$/i, "Facebook"],
	[/(?:^|\.)meetup\.com$/i, "Meetup"],
	[/(?:^|\.)(?:wellfound|angel)\.co$/i, "Wellfound"],
	[/(?:^|\.)(?:x|twitter)\.com$/i, "X"],
	[/(?:^|\.)slack\.com$/i, "Slack"],
	[/(?:^|\.)lunchclub\.(?:com|ai)$/i, "Lunchclub"],
	[/(?:^|\.)(?:shapr|bumble)\.com$/i, "Bumble Bizz"],
];

const NAME = "([\\p{L}][\\p{L}'’.\\- ]{0,58}[\\p{L}.])";
/** What happened, in English, German, French and Spanish: the name is the first group. */
const SUBJECTS: [NotificationKind, RegExp][] = [
	[
		"message",
		new RegExp(
			`^${NAME} (?:sent you (?:a |an )?(?:new )?(?:message|inmail)|has sent you a message|messaged you|hat (?:Ihnen|dir) eine (?:neue )?Nachricht (?:gesendet|geschickt)|vous a envoyé un (?:nouveau )?message|(?:te|le) ha enviado un (?:nuevo )?mensaje)`,
			"iu",
		),
	],
	[
		"message",
		new RegExp(
			`^(?:(?:you have )?(?:a )?new message from|message from|neue Nachricht von|nouveau message de|nuevo mensaje de) ${NAME}$`,
			"iu",
		),
	],
	[
		"invitation",
		new RegExp(
			`^${NAME} (?:wants to connect|would like to connect|invited you to connect|wants to be your friend|möchte sich mit (?:Ihnen|dir) vernetzen|hat (?:Ihnen|dir) eine Kontaktanfrage|souhaite (?:vous ajouter|se connecter|rejoindre votre réseau)|quiere (?:conectar|ser tu contacto))`,
			"iu",
		),
	],
	["invitation", new RegExp(`^(?:invitation to connect from|kontaktanfrage von) ${NAME}$`, "iu")],
	[
		"accepted",
		new RegExp(
			`^${NAME} (?:accepted your (?:invitation|connection request)|hat Ihre Einladung angenommen|hat deine Einladung angenommen|a accepté votre invitation|ha aceptado tu invitación)`,
			"iu",
		),
	],
	["mention", new RegExp(`^${NAME} (?:mentioned you|replied to your comment|commented on your post)`, "iu")],
];

const NOT_A_PERSON =
	/^(?:you|someone|somebody|a member|a recruiter|linkedin|xing|your connection|jemand|quelqu'un|alguien)$/i;

function serviceOf(address: string): string | null {
	const domain = address.split("@")[1]?.toLowerCase() ?? "";
	return SERVICES.find(([re]) => re.test(domain))?.[1] ?? null;
}

/** A name as the service shows it: not "you", not an address, at most five words. */
function personName(raw: string): string | null {
	const name = raw
		.replace(/\s+and \d+ others?$/i, "")
		.replace(/\s+/g, " ")
		.trim();
	if (name.length < 2 || name.split(" ").length > 5 || NOT_A_PERSON.test(name)) return null;
	return name;
}

/** A networking site's notification about a person, or null for any other mail. */
export function readNotification(input: NotificationInput): Notification | null {
	const service = serviceOf(input.from.address);
	if (!service) return null;
	const subject = input.subject
		.slice(0, 200)
		.replace(/^(?:(?:re|fwd?|fw|aw|wg|tr)\s*:\s*)+/i, "")
		.replace(/[\s!.]+$/, "")
		.trim();
	for (const [kind, re] of SUBJECTS) {
		const name = re.exec(subject)?.[1];
		const person = name ? personName(name) : null;
		if (person) return { personName: person, service, kind };
	}
	// "Ann Lee via LinkedIn" sending a message whose subject is its first words.
	const via = new RegExp(`^${NAME} via ${service}$`, "iu").exec((input.from.name ?? "").trim().slice(0, 100));
	const person = via?.[1] ? personName(via[1]) : null;
	return person ? { personName: person, service, kind: "message" } : null;
}

const MACHINE_LOCAL =
	/^(?:no-?reply|do-?not-?reply|donotreply|notifications?|notify|alerts?|mailer-daemon|mail-daemon|postmaster|bounces?|invitations?|updates?|newsletters?|news|digest|automated|auto-?confirm|messages|messaging|inmail|jobs|hit-reply|reply)(?:$|[-+_])/i;
const MACHINE_ANYWHERE = /no-?reply|do-?not-?reply|notifications?-|-notifications?|bounce[s]?[+-]/i;

/** A sender that is a machine (no-reply, notifications, bounces, a networking site's relay): never a contact. */
export function isNotificationSender(address: string): boolean {
	const [local = "", domain = ""] = address.trim().toLowerCase().split("@");
	if (!local || !domain) return false;
	if (MACHINE_LOCAL.test(local) || MACHINE_ANYWHERE.test(local)) return true;
	// Networking sites write from their own domains; their people do not write to ours from there.
	return /(?:^|\.)(?:facebookmail\.com|linkedin\.com|xing\.com|meetup\.com)$/.test(domain);
}
