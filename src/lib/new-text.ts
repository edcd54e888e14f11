/** Only what the sender just wrote: quoted history and signatures removed (email-reply-parser). */
import EmailReplyParser from "email-reply-parser";

export function newText(text: string): string {
	try {
		return new EmailReplyParser().parseReply(text).trim();
	} catch {
		return text.trim();
	}
}
