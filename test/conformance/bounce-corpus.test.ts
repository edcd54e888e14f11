/**
 * Conformance of readBounce over ../shared/corpus: every labelled bounce gives its
 * failed recipients (never the sender or the mail daemon) and, where sisimai's tests
 * give the status, whether it is final; and nothing else in the corpus reads as a
 * bounce: not the delay notices, auto-replies, read receipts, complaint reports,
 * invites, sisimai's look-alikes, the MIME cases, the client replies, the reply
 * trimmer's cases or the forwards.
 */
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { type BounceInput, readBounce } from "../../src/inbound/bounce-report";
import { htmlToText } from "../../src/lib/html-to-text";
import { corpus } from "../support/corpus";

const auto = corpus?.auto ?? null;
if (!auto) console.log("[corpus] auto/ is absent: bounce conformance skipped.");
const bytesOf = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

async function inputOf(raw: Uint8Array): Promise<BounceInput & { from: string; to: string[] }> {
	const e = await PostalMime.parse(raw, { attachmentEncoding: "arraybuffer" });
	return {
		headers: e.headers,
		text: e.text?.trim() ? e.text : e.html ? htmlToText(e.html) : "",
		attachments: e.attachments.map((a) => ({ mimeType: a.mimeType, content: a.content })),
		from: e.from?.address?.toLowerCase() ?? "",
		to: (e.to ?? []).flatMap((a) => ("address" in a && a.address ? [a.address.toLowerCase()] : [])),
	};
}

/**
 * Bounces whose failed recipient we do not read, each with why: these are the misses
 * in the recall the report gives. Gmail's delay warnings are filed by sisimai under
 * bounces, but they say "THIS IS A WARNING MESSAGE ONLY": nothing has failed yet.
 */
const NOT_READ: Record<string, string> = {
	"sisimai__set-of-emails/maildir/bsd/lhost-gmail-06.eml": "a delay warning, not a bounce",
	"sisimai__set-of-emails/maildir/bsd/lhost-gmail-08.eml": "a delay warning, not a bounce",
	"mailgun__flanker/tests/fixtures/messages/bounce/no-mx.eml": "its delivery-status says Action: delayed",
	"mikel__mail/spec/fixtures/emails/multipart_report_emails/report_422.eml":
		"a warning; its delivery-status says Action: delayed",
	"sisimai__set-of-emails/maildir/bsd/rfc3464-04.eml":
		"a multipart/report whose boundary never occurs: postal-mime gives no text and no parts",
};

describe.runIf(auto !== null)("readBounce over the corpus", () => {
	const items = auto?.items ?? [];
	const bounces = items.filter((i) => i.category === "bounce_dsn");
	const others = items.filter((i) => i.category !== "bounce_dsn");

	it("has the labelled bounces and look-alikes", () => {
		expect(bounces.length).toBe(53);
		expect(others.length).toBe(33);
	});

	it.for(bounces.map((i) => [i.file, i] as const))("bounce %s", async ([file, item]) => {
		const raw = bytesOf(auto?.files[file] ?? "");
		const input = await inputOf(raw);
		const r = readBounce(input);
		if (NOT_READ[file]) {
			expect(r).toBeNull();
			return;
		}
		expect(r?.failed.length).toBeGreaterThan(0);
		const text = new TextDecoder().decode(raw).toLowerCase();
		for (const a of r?.failed ?? []) {
			expect(text).toContain(a);
			expect(a).not.toBe(input.from);
			expect(input.to).not.toContain(a);
		}
		if (item.statuses?.length) expect(r?.permanent).toBe(item.statuses.some((s) => s.startsWith("5")));
	});

	it.for(others.map((i) => [`${i.category}: ${i.file}`, i] as const))("not a bounce: %s", async ([, item]) => {
		const r = readBounce(await inputOf(bytesOf(auto?.files[item.file] ?? "")));
		// flanker files two "Returned mail" reports with Action: failed and a 4.x.x status as delays:
		// the server gave up, so they may read as bounces, but never as final ones.
		if (item.category === "delay_dsn" && r) expect(r.permanent).toBe(false);
		else expect(r).toBeNull();
	});

	const labelled = new Set(items.map((i) => i.file.replace(/^\.\.\/mime\//, "")));
	const mime = Object.entries(corpus?.mime ?? {}).filter(([f]) => !labelled.has(f));
	it.for(mime.map(([f]) => f))("MIME case is not a bounce: %s", async (f) => {
		expect(readBounce(await inputOf(bytesOf(corpus?.mime?.[f] ?? "")))).toBeNull();
	});

	it.for(Object.keys(corpus?.reply?.talon ?? {}))("client reply is not a bounce: %s", async (f) => {
		expect(readBounce(await inputOf(bytesOf(corpus?.reply?.talon[f] ?? "")))).toBeNull();
	});

	it("no reply-trimmer case or forward reads as a bounce", () => {
		const texts = [
			...(corpus?.reply?.trimmer ?? []).map((c) => [c.id, c.input] as const),
			...Object.entries(corpus?.forward?.files ?? {}),
		];
		expect(texts.length).toBeGreaterThan(250);
		const read = texts.filter(([, text]) => readBounce({ headers: [], text }) !== null).map(([id]) => id);
		expect(read).toEqual([]);
	});
});
