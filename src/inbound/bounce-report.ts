/**
 * Reads a bounce: which addresses a message could not reach, and whether that is
 * final. A delivery status report (multipart/report; report-type=delivery-status,
 * RFC 3464) says so in its fields; the bounces of older servers (Exim, qmail,
 * Gmail, Exchange) say it in words; and a bounce the user forwards to us arrives as
 * text under a forward header. A delay warning is not a bounce. Pure; linear
 * regexes over a bounded text.
 */

export interface BounceInput {
	headers: readonly { key: string; value: string }[];
	text: string;
	/** The parts postal-mime keeps aside: a report's message/delivery-status part is one. */
	attachments?: readonly { mimeType: string; content?: string | ArrayBuffer | Uint8Array | null }[];
}

export interface Bounce {
	/** The addresses the message did not reach, lower case, each once. */
	failed: string[];
	/** True when the server gave up (5.x.x), false for a temporary failure it reported as final (4.x.x). */
	permanent: boolean;
}

const MAX_TEXT = 32_000;
const MAX_FAILED = 20;
const ADDRESS =
	/[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+/gi;
const DAEMON = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounces?|mail\.?delivery)@/i;
const DAEMON_NAME =
	/mail delivery (?:subsystem|system)|mailer-daemon|postmaster|mail administrator|system administrator/i;
/** Subjects bounces carry, in the languages the corpus and our users bring. */
const BOUNCE_SUBJECT =
	/^(?:(?:fwd?|fw|wg|tr|rv|enc|doorst)\s*:\s*)*(?:undeliver(?:ed|able)|delivery status notification \(failure\)|mail delivery failed|failure notice|returned mail|delivery failure|message not delivered|delivery (?:has )?failed|nondeliverable|non-delivery|unzustellbar|nicht zustellbar|non remis|no se puede entregar|no entregado|mail failure|could not send message)/i;
/** Where the returned original starts: nothing after it is about the failure. */
const ORIGINAL =
	/^\s*(?:-{2,}\s*(?:forwarded message|this is a copy of|below this line|original message|the header of the original|a copy of the original)|original message headers:|-{3,}\s*original message|return-path:|received: from)/im;
const DELAY = /warning message only|has been delayed|will be retried|delivery delayed|delay(?:ed)? notification/i;

function header(input: BounceInput, name: string): string {
	const n = name.toLowerCase();
	return input.headers.find((h) => h.key.toLowerCase() === n)?.value ?? "";
}

function decode(content: string | ArrayBuffer | Uint8Array | null | undefined): string {
	if (typeof content === "string") return content.slice(0, MAX_TEXT);
	if (!content) return "";
	const bytes = content instanceof Uint8Array ? content : new Uint8Array(content);
	return new TextDecoder().decode(bytes.subarray(0, MAX_TEXT));
}

const addressesIn = (s: string) => (s.match(ADDRESS) ?? []).map((a) => a.toLowerCase());

interface Recipient {
	address: string;
	action: string;
	status: string;
}

/** The per-recipient fields of a delivery-status part (or of its text forwarded inline). */
function statusFields(report: string): Recipient[] {
	const out: Recipient[] = [];
	for (const block of report.split(/\r?\n[ \t]*\r?\n/).slice(0, 60)) {
		const field = (name: string) =>
			new RegExp(`^${name}[ \\t]*:[ \\t]*([^\\r\\n]*)`, "im").exec(block)?.[1]?.trim() ?? "";
		const recipient = field("final-recipient") || field("original-recipient");
		if (!recipient) continue;
		const address = addressesIn(recipient.replace(/^[^;]*;/, ""))[0];
		if (address) out.push({ address, action: field("action").toLowerCase(), status: field("status") });
	}
	return out;
}

const isFailed = (r: Recipient) => r.action.startsWith("failed") || (r.action === "" && /^5\./.test(r.status));

/** The part of a text bounce that explains it: before the returned original. */
function explanation(text: string): string {
	const s = text.slice(0, MAX_TEXT);
	const cut = ORIGINAL.exec(s);
	return cut ? s.slice(0, cut.index) : s;
}

/**
 * Addresses a text bounce names as failed: first on a line ("  ann@x.example",
 * "<ann@x.example>: host … said", "ann@x.example on <date>", "ann@x.example Invalid
 * Address"), or in "delivered to ann@x.example", "RCPT TO:<ann@x.example>",
 * "Delivery failed 10 attempts: ann@x.example".
 */
function failedInWords(text: string): string[] {
	const found: string[] = [];
	for (const raw of text.split(/\r?\n/).slice(0, 400)) {
		const line = raw.trim().replace(/^["'*•-]\s*/, "");
		if (line.length > 300) continue;
		const own = /^<?([^\s<>"@]+@[^\s<>":]+)>?"?(?:[:\s<(].*)?$/i.exec(line);
		if (own?.[1]) found.push(...addressesIn(own[1]));
		const said =
			/(?:delivered to|deliver(?:ed)? your message to|your message to|delivery to|rcpt to:?\s*|failed[^:\n]{0,40}:)\s*<?([^\s<>"]+@[^\s<>":,;]+)/i.exec(
				line,
			);
		if (said?.[1]) found.push(...addressesIn(said[1]));
	}
	return found;
}

/** A forwarded bounce: the forward header names a mail daemon or a bounce subject; the bounce is below it. */
function forwardedBounce(text: string): string | null {
	const s = text.slice(0, MAX_TEXT);
	const from = /^\s*\*?(?:from|von|de|da)\s*\*?\s*:\s*\*?\s*([^\r\n]*)$/im.exec(s);
	const subject = /^\s*\*?(?:subject|betreff|objet|asunto)\s*\*?\s*:\s*\*?\s*([^\r\n]*)$/im.exec(s);
	const daemon = from?.[1] && (DAEMON_NAME.test(from[1]) || addressesIn(from[1]).some((a) => DAEMON.test(a)));
	const bounced = subject?.[1] && BOUNCE_SUBJECT.test(subject[1].trim());
	if (!daemon && !bounced) return null;
	const at = Math.max(from?.index ?? 0, subject?.index ?? 0);
	return s.slice(at);
}

/** 5.x.x, or a 55x reply, is final; 4.x.x or 45x is temporary; words decide when there is no code. */
function isPermanent(codes: string): boolean {
	if (/(?:^|[^\d.])5\.\d{1,3}\.\d{1,3}|(?:^|\D)55\d(?:\D|$)|#5\.\d\.\d/.test(codes)) return true;
	if (/(?:^|[^\d.])4\.\d{1,3}\.\d{1,3}|(?:^|\D)45\d(?:\D|$)|temporar/i.test(codes)) return false;
	return true;
}

function finish(failed: string[], exclude: Set<string>, permanent: boolean): Bounce | null {
	const list = [...new Set(failed)].filter((a) => !exclude.has(a) && !DAEMON.test(a)).slice(0, MAX_FAILED);
	return list.length ? { failed: list, permanent } : null;
}

export function readBounce(input: BounceInput): Bounce | null {
	const contentType = header(input, "content-type");
	const from = header(input, "from");
	const subject = header(input, "subject").trim();
	// The bounce goes to the sender of the original: never a failed recipient.
	const exclude = new Set([...addressesIn(from), ...addressesIn(header(input, "to"))]);

	const reports = (input.attachments ?? [])
		.filter((a) => /^(?:message|text)\/(?:global-)?delivery-status$/i.test(a.mimeType))
		.map((a) => decode(a.content));
	if (
		!reports.length &&
		/report-type\s*=\s*"?delivery-status/i.test(contentType) &&
		/final-recipient\s*:/i.test(input.text)
	)
		reports.push(input.text.slice(0, MAX_TEXT));
	if (reports.length) {
		const recipients = reports.flatMap(statusFields);
		const failed = recipients.filter(isFailed);
		if (recipients.length && !failed.length) return null; // delayed, delivered or relayed: not a bounce
		const permanent = failed.some((r) => /^5\./.test(r.status)) || !failed.some((r) => /^4\./.test(r.status));
		if (failed.length)
			return finish(
				failed.map((r) => r.address),
				exclude,
				permanent,
			);
	}

	const fromDaemon = DAEMON_NAME.test(from) || addressesIn(from).some((a) => DAEMON.test(a));
	const failedHeader = header(input, "x-failed-recipients");
	let body: string | null = null;
	if (fromDaemon || BOUNCE_SUBJECT.test(subject) || failedHeader) body = input.text;
	else body = forwardedBounce(input.text);
	if (body === null) return null;
	const words = explanation(body);
	if (DELAY.test(words) && !/permanent/i.test(words)) return null;
	const failed = [...addressesIn(failedHeader), ...failedInWords(words)];
	return finish(failed, exclude, isPermanent(words));
}
