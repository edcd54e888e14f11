/**
 * fast-check generators of hostile inbound mail: random MIME structure, charsets,
 * transfer encodings, folded and huge headers, broken boundaries, nested
 * message/rfc822, every kind of authentication result, and any of our addresses.
 */
import fc from "fast-check";

const CRLF = "\r\n";
const words = fc.array(
	fc.oneof(
		fc.constantFrom(
			"Ann",
			"Bob",
			"coffee",
			"intro",
			"meet",
			"Fwd:",
			"Re:",
			"done",
			"snooze 2d",
			"stop Ann",
			"=?",
			"\u00e9t\u00e9",
			"\u65e5\u672c",
			"\ud83d\ude00",
			"<script>",
			'"',
			"\\",
			"\t",
		),
		fc.string({ maxLength: 12 }),
		fc.string({ unit: "grapheme", maxLength: 8 }),
	),
	{ maxLength: 12 },
);
const phrase = words.map((w) => w.join(" "));

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const qp = (s: string) =>
	[...new TextEncoder().encode(s)]
		.map((b) =>
			b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, "0")}`,
		)
		.join("");

/** A header value: plain, RFC 2047 encoded (valid or not), or folded over lines. */
const headerValue = fc.oneof(
	phrase,
	phrase.map((p) => `=?utf-8?B?${b64(p)}?=`),
	phrase.map((p) => `=?iso-8859-1?Q?${qp(p)}?=`),
	phrase.map((p) => `=?bogus-charset?X?${p}?=`),
	fc.tuple(phrase, phrase).map(([a, b]) => `${a}${CRLF} ${b}`),
	fc.integer({ min: 2_000, max: 60_000 }).map((n) => "x".repeat(n)),
);

const mailbox = fc.oneof(
	fc.constantFrom(
		"ann@acme.example",
		"Ann Lee <ann@acme.example>",
		'"Lee, Ann" <ann@acme.example>',
		"bob@stone.example",
		"noreply@vendor.example",
		"undisclosed-recipients:;",
		"<>",
		"not an address",
		"track@followthrough.test",
	),
	fc.emailAddress(),
	phrase.map((p) => `${p} <x@y.example>`),
);
const addressList = fc.array(mailbox, { maxLength: 30 }).map((a) => a.join(", "));

const charset = fc.constantFrom("utf-8", "iso-8859-1", "windows-1252", "shift_jis", "koi8-r", "x-unknown", "");
const encoding = fc.constantFrom("7bit", "8bit", "base64", "quoted-printable", "x-bogus", "");
const encodeBody = (text: string, enc: string) =>
	enc === "base64" ? (b64(text).match(/.{1,76}/g) ?? []).join(CRLF) : enc === "quoted-printable" ? qp(text) : text;

interface Part {
	headers: string;
	body: string;
}
const leaf: fc.Arbitrary<Part> = fc
	.tuple(
		fc.constantFrom("text/plain", "text/html", "text/calendar", "application/pdf", "image/png", "text/x-weird"),
		charset,
		encoding,
		phrase,
		fc.boolean(),
	)
	.map(([type, cs, enc, text, brokenBase64]) => ({
		headers: `Content-Type: ${type}${cs ? `; charset=${cs}` : ""}${CRLF}Content-Transfer-Encoding: ${enc}`,
		body:
			enc === "base64" && brokenBase64
				? `${encodeBody(text, enc)}!!==**`
				: encodeBody(type === "text/html" ? `<p>${text}</p>` : text, enc),
	}));

const part: fc.Arbitrary<Part> = fc.letrec<{ part: Part }>((tie) => ({
	part: fc.oneof(
		{ depthSize: "small", withCrossShrink: true },
		leaf,
		fc
			.tuple(
				fc.constantFrom("mixed", "alternative", "related", "report"),
				fc.array(tie("part"), { minLength: 0, maxLength: 3 }),
				fc.constantFrom("ok", "missing-close", "wrong-boundary", "no-parts"),
			)
			.map(([sub, parts, shape]) => {
				const boundary = `b${Math.abs(parts.length * 7919 + sub.length)}x`;
				const body =
					shape === "no-parts"
						? "just a preamble"
						: [
								...parts.map(
									(p) =>
										`--${shape === "wrong-boundary" ? "other" : boundary}${CRLF}${p.headers}${CRLF}${CRLF}${p.body}`,
								),
								shape === "missing-close" ? "" : `--${boundary}--`,
							].join(CRLF);
				return { headers: `Content-Type: multipart/${sub}; boundary="${boundary}"`, body };
			}),
		tie("part").map((inner) => ({
			headers: "Content-Type: message/rfc822",
			body: `From: Carol <carol@diaz.example>${CRLF}To: you@example.com${CRLF}Subject: Intro${CRLF}${inner.headers}${CRLF}${CRLF}${inner.body}`,
		})),
	),
})).part;

export type AuthKind =
	| "pass"
	| "dkim-aligned"
	| "spf-aligned"
	| "fail"
	| "unaligned"
	| "none"
	| "spoofed-lower"
	| "other-server";
export const authKinds: AuthKind[] = [
	"pass",
	"dkim-aligned",
	"spf-aligned",
	"fail",
	"unaligned",
	"none",
	"spoofed-lower",
	"other-server",
];
export const authenticates = (k: AuthKind) => k === "pass" || k === "dkim-aligned" || k === "spf-aligned";

function authHeader(kind: AuthKind, from: string): string[] {
	const d = from.split("@")[1] ?? "example.com";
	const arc = (r: string) => `ARC-Authentication-Results: i=1; mx.cloudflare.net; ${r}`;
	switch (kind) {
		case "pass":
			return [arc(`dkim=pass header.d=${d}; dmarc=pass header.from=${d}; spf=pass smtp.mailfrom=${from}`)];
		case "dkim-aligned":
			return [arc(`dkim=pass header.d=${d}; dmarc=none; spf=fail smtp.mailfrom=x@elsewhere.example`)];
		case "spf-aligned":
			return [arc(`dkim=none; dmarc=none; spf=pass smtp.mailfrom=bounce@${d}`)];
		case "fail":
			return [arc(`dkim=fail header.d=${d}; dmarc=fail header.from=${d}; spf=fail smtp.mailfrom=${from}`)];
		case "unaligned":
			return [arc("dkim=pass header.d=attacker.example; dmarc=fail; spf=pass smtp.mailfrom=x@attacker.example")];
		case "none":
			return [];
		case "spoofed-lower":
			// A forged pass below Cloudflare's real (failing) stamp.
			return [arc(`dmarc=fail header.from=${d}`), arc(`dkim=pass header.d=${d}; dmarc=pass header.from=${d}`)];
		case "other-server":
			return [`Authentication-Results: mx.attacker.example; dkim=pass header.d=${d}; dmarc=pass header.from=${d}`];
	}
}

export interface FuzzMail {
	raw: string;
	to: string;
	from: string;
	auth: AuthKind;
}

/** A whole message from `from` (one of the given senders) to one of our addresses. */
export function fuzzMail(senders: string[], replyAddresses: string[]): fc.Arbitrary<FuzzMail> {
	return fc
		.record({
			from: fc.constantFrom(...senders),
			auth: fc.constantFrom(...authKinds),
			to: fc.oneof(
				fc
					.constantFrom(
						"track",
						"3d",
						"tomorrow4pm",
						"intro",
						"met",
						"applied",
						"remind+3d",
						"status",
						"help",
						"nonsense",
						"r+notatoken",
					)
					.map((l) => `${l}@followthrough.test`),
				fc.constantFrom(...replyAddresses),
			),
			subject: headerValue,
			toHeader: addressList,
			cc: fc.option(addressList, { nil: undefined }),
			extra: fc.array(
				fc.oneof(
					fc.constantFrom(
						"Auto-Submitted: auto-replied",
						"Precedence: bulk",
						"List-Id: <x.list>",
						"Return-Path: <>",
						"In-Reply-To: <nope@x>",
						"Content-Type: text/plain",
					),
					fc
						.tuple(fc.constantFrom("X-Junk", "Subject", "From", "Date", "Message-ID"), headerValue)
						.map(([k, v]) => `${k}: ${v}`),
				),
				{ maxLength: 4 },
			),
			messageId: fc.option(fc.uuid(), { nil: undefined }),
			body: part,
		})
		.map((m) => {
			const headers = [
				...authHeader(m.auth, m.from),
				...m.extra,
				`From: ${m.from}`,
				`To: ${m.toHeader}`,
				...(m.cc ? [`Cc: ${m.cc}`] : []),
				`Subject: ${m.subject}`,
				"Date: Mon, 23 Nov 2026 09:15:00 -0500",
				...(m.messageId ? [`Message-ID: <${m.messageId}@fuzz.example>`] : []),
				"MIME-Version: 1.0",
				m.body.headers,
			];
			return { raw: `${headers.join(CRLF)}${CRLF}${CRLF}${m.body.body}${CRLF}`, to: m.to, from: m.from, auth: m.auth };
		});
}
