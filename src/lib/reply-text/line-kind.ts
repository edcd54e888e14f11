/**
 * Reads a reply line by line: first tidies the text (line endings, PGP armour,
 * odd quote prefixes, attributions a client wrapped over several lines), then
 * gives each line one kind letter, so the trimming rules can work on a short
 * string such as "tteebqqq".
 */
import {
	ATTRIBUTION_LINES,
	DEVICE_SIGNATURES,
	FENCE_CLOSE,
	FENCE_OPEN,
	FORWARD_SEPARATORS,
	HEADER_LINES,
	RULE_LINE,
	WRAPPABLE_ATTRIBUTIONS,
} from "./markers";

/** e blank · d rule · s device signature · b start of quoted mail · h quoted header · q quote · t text */
export type Kind = "e" | "d" | "s" | "b" | "h" | "q" | "t";

const MARKERS = [...ATTRIBUTION_LINES, ...FORWARD_SEPARATORS];
/** A wrapped attribution spans at most this many lines. */
const ATTRIBUTION_SPAN = 5;
const MAX_JOINED = 400;

const isMarker = (line: string) => MARKERS.some((r) => r.test(line));

const joinLines = (lines: readonly string[], from: number, to: number) =>
	lines
		.slice(from, to + 1)
		.map((l, k) => (k === 0 ? l : l.trim()))
		.join(" ")
		.replace(/\s+/g, " ");

/**
 * The wrapped attribution starting at lines[i], as one line, and the index of its
 * last line. Patterns are tried in order, each on the shortest join that fits,
 * so "On …, Ann <a@x>\nwrote:" is not cut short at "<a@x>" and a quote below an
 * attribution is never pulled into it. The first line must be part of it: a
 * join that still matches without it starts later.
 */
function wrappedAttribution(lines: readonly string[], i: number): { line: string; end: number } | null {
	const first = lines[i] ?? "";
	if (!/\d/.test(first)) return null;
	for (const pattern of WRAPPABLE_ATTRIBUTIONS) {
		if (pattern.test(first)) return null;
		for (let j = i + 1; j < Math.min(lines.length, i + ATTRIBUTION_SPAN); j++) {
			const joined = joinLines(lines, i, j);
			if (joined.length > MAX_JOINED) break;
			if (pattern.test(joined) && !pattern.test(joinLines(lines, i + 1, j))) return { line: joined, end: j };
		}
	}
	return null;
}

/** Joins wrapped attributions, outside fenced code. */
function joinWrappedAttributions(lines: readonly string[]): string[] {
	const out: string[] = [];
	let inFence = false;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] ?? "";
		if (inFence ? FENCE_CLOSE.test(line) : FENCE_OPEN.test(line)) inFence = !inFence;
		const wrapped = inFence ? null : wrappedAttribution(lines, i);
		out.push(wrapped?.line ?? line);
		if (wrapped) i = wrapped.end;
	}
	return out;
}

/** Quote styles other than "> ": "C>", "|", and the ">>>> … <<<<" enclosures. */
function normaliseQuotes(text: string): string {
	return text
		.replace(/^.*>{5} "[^"\n]+" == .+ writes:/gm, "")
		.replace(/^>>> ?(.+?) ?>>>\n([\s\S]+?)\n<<< ?\1 ?<<<$/gm, (_m, _who, body: string) => body.replace(/^/gm, "> "))
		.replace(/^>{4,}[ \t]*\n([\s\S]+?)\n<{4,}[ \t]*$/gm, (_m, body: string) => body.replace(/^/gm, "> "))
		.replace(/^(?:[ \t]*\p{L}*[>|])+/gmu, (prefix) => prefix.replace(/\p{L}+>|\|/gu, ">"));
}

export function tidy(text: string): string[] {
	const cleaned = normaliseQuotes(
		text
			.replace(/\r+\n/g, "\n")
			.replace(/^-----BEGIN PGP SIGNED MESSAGE-----\n(?:Hash: \w+)?\s+/i, "")
			.replace(/^-----BEGIN PGP SIGNATURE-----$[\s\S]+?^-----END PGP SIGNATURE-----/m, "")
			.replace(/^Unsubscribe: .+@.+(?:\n.+http:.+)?\s*$/i, ""),
	).trim();
	return joinWrappedAttributions(cleaned.split("\n"));
}

function kindOf(line: string): Kind {
	if (line.trim() === "") return "e";
	if (RULE_LINE.test(line)) return "d";
	const unlinked = line.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
	if (DEVICE_SIGNATURES.some((r) => r.test(unlinked))) return "s";
	if (isMarker(line)) return "b";
	if (HEADER_LINES.some((r) => r.test(line))) return "h";
	if (/^\s*>/.test(line)) return "q";
	return "t";
}

/** One kind per line; fenced code is always text. */
export function kindsOf(lines: readonly string[]): Kind[] {
	let inFence = false;
	return lines.map((line) => {
		if (inFence) {
			if (FENCE_CLOSE.test(line)) inFence = false;
			return "t";
		}
		if (FENCE_OPEN.test(line)) {
			inFence = true;
			return "t";
		}
		return kindOf(line);
	});
}
