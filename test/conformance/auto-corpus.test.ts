/**
 * Conformance over ../shared/corpus/auto: every bounce, delay notice, complaint,
 * read receipt and auto-reply is recognised as automatic (ignored, unanswered,
 * no account); every calendar REQUEST/CANCEL is handled as a meeting; the
 * look-alikes (a PUBLISH calendar, mail about bounces) are neither.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseMessage } from "../../src/inbound/parse-message";
import { corpus } from "../support/corpus";
import { authFor, DOMAIN, mailsTo, receive, signUp, userIdOf } from "../support/inbound";

const T = new Date("2026-11-23T14:15:00Z");
const auto = corpus?.auto ?? null;
if (!auto) console.log("[corpus] auto/ is absent: auto conformance skipped.");

const AUTOMATIC = new Set([
	"bounce_dsn",
	"delay_dsn",
	"feedback_report_arf",
	"mdn_read_receipt",
	"auto_reply_vacation",
]);
const MEETING = new Set(["calendar_request", "calendar_cancel"]);
const bytesOf = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

describe.runIf(auto !== null)("auto corpus through email()", () => {
	const items = auto?.items ?? [];
	const fromOf = new Map<string, string>();

	beforeAll(async () => {
		for (const it of items) {
			const mail = await parseMessage(bytesOf(auto?.files[it.file] ?? ""));
			fromOf.set(it.file, mail.from?.address ?? "");
		}
		// The organisers of the invites are our users, so their invites are processed.
		const organisers = new Set(items.filter((i) => MEETING.has(i.category)).map((i) => fromOf.get(i.file) ?? ""));
		for (const address of organisers) if (address) await signUp(address, T);
	});

	it("has every labelled file", () => {
		expect(items.length).toBe(86);
	});

	it.for(items.map((i) => [i.category, i.file] as const))("%s: %s", async ([category, file]) => {
		const from = fromOf.get(file) ?? "";
		// Email Routing's stamp, passing for the From domain: recognition must not rest on failed auth.
		const raw = new Uint8Array([
			...new TextEncoder().encode(`${authFor(from || "x@unknown.example")}\r\n`),
			...bytesOf(auto?.files[file] ?? ""),
		]);
		const before = from ? (await mailsTo(from)).length : 0;
		const userBefore = from ? await userIdOf(from) : null;
		const r = await receive(raw, { to: `track@${DOMAIN}`, at: T, envelopeFrom: from });
		if (AUTOMATIC.has(category)) {
			expect(r.outcome.outcome).toBe("ignored");
			expect(r.outcome.reason).toMatch(/^automatic_/);
			if (from) {
				expect(await userIdOf(from)).toBe(userBefore);
				expect(await mailsTo(from)).toHaveLength(before);
			}
		} else if (MEETING.has(category)) {
			expect(r.outcome.outcome).toBe("accepted");
			expect(r.outcome.reason).toBe("meeting");
		} else {
			expect(r.outcome.reason).not.toMatch(/^automatic_|^meeting$/);
		}
	});
});
