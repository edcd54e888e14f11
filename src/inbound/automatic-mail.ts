/**
 * Is this mail written by a machine? Auto-replies, bounces and other reports,
 * list and bulk mail, and our own mail looping back are never answered and
 * never create an account (RFC 3834, RFC 3464, RFC 2369/2919).
 */
import type { HeaderField } from "./sender-auth";

export type AutomaticKind = "loop" | "report" | "bounce" | "auto_reply" | "list";

export interface Automatic {
	kind: AutomaticKind;
	why: string;
}

export interface MailSignals {
	headers: readonly HeaderField[];
	fromAddress: string | null;
	envelopeFrom: string;
	subject: string;
}

const AUTO_SUBJECT =
	/^\s*(auto(matic|matische)?[\s_-]*(reply|response|antwort|réponse|respuesta|risposta|svar)|automatisk\s+svar|out of (the )?office|abwesenheit|absence|réponse automatique|respuesta automática|risposta automatica|fuera de la oficina|away until|on vacation|vacation reply|undeliverable|undelivered mail|delivery status notification|mail delivery (failed|failure|subsystem)|returned mail|failure notice|nondeliverable)\b/i;
const BOUNCE_LOCALS = new Set(["mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"]);

/** "Automatic reply: …", "Out of office", "Abwesenheitsnotiz"… */
export function isAutoReplySubject(subject: string): boolean {
	return AUTO_SUBJECT.test(subject);
}

const header = (headers: readonly HeaderField[], key: string) => headers.find((h) => h.key === key)?.value.trim();

export function detectAutomatic(mail: MailSignals, ourDomain: string): Automatic | null {
	const h = (key: string) => header(mail.headers, key);
	const fromDomain = mail.fromAddress?.split("@")[1]?.toLowerCase();
	const fromLocal = mail.fromAddress?.split("@")[0]?.toLowerCase() ?? "";
	if (fromDomain === ourDomain.toLowerCase() || h("x-followthrough") !== undefined) {
		return { kind: "loop", why: "our own mail came back" };
	}
	const contentType = (h("content-type") ?? "").toLowerCase();
	if (contentType.startsWith("multipart/report")) {
		const type = contentType.match(/report-type\s*=\s*"?([\w-]+)/)?.[1] ?? "report";
		return { kind: "report", why: `a ${type} report (multipart/report)` };
	}
	const envelope = mail.envelopeFrom.trim();
	if (envelope === "" || envelope === "<>" || h("return-path") === "<>") {
		return { kind: "bounce", why: "empty return path (a bounce or notification)" };
	}
	if (BOUNCE_LOCALS.has(fromLocal)) return { kind: "bounce", why: `sent by ${fromLocal}` };
	const autoSubmitted = h("auto-submitted")?.toLowerCase().split(";")[0]?.trim();
	if (autoSubmitted && autoSubmitted !== "no") return { kind: "auto_reply", why: `Auto-Submitted: ${autoSubmitted}` };
	for (const key of ["x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-reply"]) {
		if (h(key) !== undefined) return { kind: "auto_reply", why: `${key} header` };
	}
	const precedence = h("precedence")?.toLowerCase();
	if (precedence && ["bulk", "junk", "list", "auto_reply"].includes(precedence)) {
		return { kind: precedence === "auto_reply" ? "auto_reply" : "list", why: `Precedence: ${precedence}` };
	}
	if (h("list-id") !== undefined) return { kind: "list", why: "mailing list (List-Id)" };
	if (h("list-unsubscribe") !== undefined) return { kind: "list", why: "bulk mail (List-Unsubscribe)" };
	if (h("feedback-id") !== undefined || h("x-campaign-id") !== undefined) return { kind: "list", why: "bulk mail" };
	if (AUTO_SUBJECT.test(mail.subject))
		return { kind: "auto_reply", why: `automatic subject "${mail.subject.slice(0, 60)}"` };
	return null;
}
