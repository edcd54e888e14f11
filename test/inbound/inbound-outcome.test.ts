/** Every inbound reason, worded in one place: the texts the log, the Activity page and sending servers see. */
import { describe, expect, it } from "vitest";
import { type InboundReason, wordReason } from "../../src/inbound/inbound-outcome";

const cases: [InboundReason, string][] = [
	[{ reason: "status" }, "Sent the pending list."],
	[{ reason: "help" }, "Sent the address and command reference."],
	[{ reason: "verified", address: "pat@example.com", changed: [] }, "Address pat@example.com confirmed."],
	[
		{ reason: "verified", address: "pat@example.com", changed: ["timezone Europe/Berlin", "digest time"] },
		"Address pat@example.com confirmed; set timezone Europe/Berlin, digest time.",
	],
	[{ reason: "commands", done: ["Done: Ann Lee.", "Snoozed Bo."] }, "Done: Ann Lee. Snoozed Bo."],
	[
		{ reason: "meeting", lines: ['"Coffee": thank-you note to Ann on Tue 24 Nov'] },
		'"Coffee": thank-you note to Ann on Tue 24 Nov.',
	],
	[{ reason: "met", names: ["Ann Lee", "Bo"] }, "Thank-you note to Ann Lee, Bo today."],
	[
		{ reason: "reminder", subject: "x".repeat(100), at: "Tue 24 Nov" },
		`Reminder about "${"x".repeat(80)}" on Tue 24 Nov.`,
	],
	[
		{ reason: "outreach", lines: ["Ann: follow up Thu 26 Nov", "Bo: follow up Thu 26 Nov"] },
		"Tracking Ann: follow up Thu 26 Nov; Bo: follow up Thu 26 Nov.",
	],
	[{ reason: "application", lines: ["Ann: confirm receipt Mon 30 Nov"] }, "Tracking Ann: confirm receipt Mon 30 Nov."],
	// An address keeps its case: "Dave@…" is not the address.
	[
		{ reason: "bounce", lines: ["dave@umbrella.example bounced: no more follow-ups to Dave Kim"] },
		"dave@umbrella.example bounced: no more follow-ups to Dave Kim.",
	],
	[
		{ reason: "introduction", lines: ["introduction from Carol: reach out to Ann today"] },
		"Introduction from Carol: reach out to Ann today.",
	],
	[{ reason: "reply_seen", lines: ["ann replied: follow-ups stopped"] }, "Ann replied: follow-ups stopped."],
	[{ reason: "forward", lines: ["reply to Ann: reminder today"] }, "Reply to Ann: reminder today."],
	[
		{ reason: "out_of_office", moved: { who: "Ann", back: "Mon 30 Nov", to: "Tue 1 Dec" } },
		"Ann is away until Mon 30 Nov: follow-up moved to Tue 1 Dec.",
	],
	[{ reason: "out_of_office", moved: null }, "An out-of-office reply without a return date: follow-ups unchanged."],
	[{ reason: "duplicate" }, "Already processed this message."],
	[
		{ reason: "automatic_auto_reply", why: "Auto-Submitted: auto-replied" },
		"Automatic mail, not answered: Auto-Submitted: auto-replied.",
	],
	[
		{ reason: "automatic_list", why: "mailing list (List-Id)" },
		"Automatic mail, not answered: mailing list (List-Id).",
	],
	[
		{ reason: "not_our_domain", domain: "x.example", ours: "followthrough.test" },
		"Sent to x.example, which is not followthrough.test.",
	],
	[{ reason: "too_large_to_hold" }, "First mail from a new address is too large to hold until it is confirmed."],
	[{ reason: "hold_full" }, "Address not confirmed yet, and no more mail can be held for it."],
	[{ reason: "token_unknown" }, "Reply to an address we did not issue."],
	[
		{ reason: "token_wrong_sender", verification: false },
		"Reply address used by someone other than its owner: nothing changed.",
	],
	[{ reason: "token_wrong_sender", verification: true }, "Verification reply from another address: nothing changed."],
	[{ reason: "token_expired" }, "Reply to an expired address: nothing changed."],
	[{ reason: "token_wrong_purpose" }, "That address does not take replies."],
	[{ reason: "account_not_active" }, "Reply from an account that is not confirmed."],
	[{ reason: "command_not_understood", problems: [] }, "No command."],
	[
		{ reason: "command_not_understood", problems: ['"fly": I don\'t know that command.'] },
		'"fly": I don\'t know that command.',
	],
	[{ reason: "unknown_address", localPart: "hello" }, "hello@ is not one of our addresses."],
	[{ reason: "nothing_to_track", why: "no one else is on it." }, "no one else is on it."],
	[{ reason: "bulk", count: 23, limit: 20 }, "23 recipients: more than 20, not tracked."],
	[{ reason: "invite_without_attendees" }, "Calendar invite with no one else on it."],
	[{ reason: "forward_without_sender", who: "no sender" }, "Forward with no sender: nothing to track."],
	[{ reason: "forward_without_sender", who: null }, "Forward without a usable sender."],
	[{ reason: "not_routed" }, "Not an address for tracking."],
	[
		{ reason: "handler_failed:forward", kind: "forward" },
		"Could not read this email (forward failed): nothing changed.",
	],
	[
		{ reason: "new_account", address: "pat@example.com" },
		"New address pat@example.com: held until confirmed; verification mail sent.",
	],
	[{ reason: "awaiting_verification" }, "Held until the address is confirmed."],
	[
		{ reason: "too_large", size: 11 * 1024 * 1024, limit: 10 * 1024 * 1024 },
		"Message is 11.0 MiB; the limit is 10.0 MiB. Forward it without attachments.",
	],
	[
		{ reason: "too_large", size: 2000, limit: 1024 * 1024 },
		"Message is 2 KiB; the limit is 1.0 MiB. Forward it without attachments.",
	],
	[{ reason: "unreadable", why: "bad boundary" }, "Message could not be parsed as MIME (bad boundary)."],
	[
		{ reason: "unauthenticated_no_results", why: "no authentication results" },
		"Not accepted: no authentication results.",
	],
];

describe("wordReason", () => {
	it.for(cases)("%o → %s", ([reason, words]) => {
		expect(wordReason(reason)).toBe(words);
	});
});
