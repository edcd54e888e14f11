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
		// A line too long to be joined starts no wrapped attribution.
		const wrapped = inFence || line.length > MAX_JOINED ? null : wrappedAttribution(lines, i);
		out.push(wrapped?.line ?? line);
		if (wrapped) i = wrapped.end;
	}
	return out;
}

/**
 * Lines longer than this are text (or a quote, or a rule): no attribution,
 * header or signature is that long. It bounds what every pattern below reads,
 * so a reply costs time linear in its length whatever its lines hold.
 */
export const MAX_CLASSIFIED = 400;

const short = (line: string) => line.length <= MAX_CLASSIFIED;
const SUPERCITE = /^.*>{5} "[^"\n]+" == .+ writes:/;
const ENCLOSURE_OPEN = /^>>> ?(.+?) ?>>>$/;
const BLOCK_OPEN = /^>{4,}[ \t]*$/;
const BLOCK_CLOSE = /^<{4,}[ \t]*$/;
const QUOTE_PREFIX = /^(?:[ \t]*\p{L}*[>|])+/u;

/** `<<< who <<<` for each who it can close (the spaces inside are optional), → its line numbers. */
function enclosureCloses(lines: readonly string[]): Map<string, number[]> {
	const closes = new Map<string, number[]>();
	lines.forEach((line, j) => {
		if (!short(line) || line.length < 7 || !line.startsWith("<<<") || !line.endsWith("<<<")) return;
		const mid = line.slice(3, -3);
		const keys = new Set([mid, mid.replace(/^ /, ""), mid.replace(/ $/, ""), mid.replace(/^ /, "").replace(/ $/, "")]);
		for (const key of keys) {
			if (!key) continue;
			const list = closes.get(key);
			if (list) list.push(j);
			else closes.set(key, [j]);
		}
	});
	return closes;
}

/**
 * Replaces each block from an opening line to the first closing line after it
 * (with at least one line between) by its lines quoted with "> ". Blocks do not
 * nest: scanning goes on after the closing line. Linear: every list of closing
 * lines is walked forward once.
 */
function quoteBlocks(
	lines: readonly string[],
	openKey: (line: string) => string | null,
	closesOf: (key: string) => number[],
): string[] {
	const out: string[] = [];
	const cursor = new Map<string, number>();
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] ?? "";
		const key = openKey(line);
		if (key !== null) {
			const list = closesOf(key);
			let c = cursor.get(key) ?? 0;
			while (c < list.length && ((list[c] ?? 0) < i + 2 || (list[c] === i + 2 && lines[i + 1] === ""))) c++;
			cursor.set(key, c);
			const j = list[c];
			if (j !== undefined) {
				for (const body of lines.slice(i + 1, j)) out.push(`> ${body}`);
				i = j;
				continue;
			}
		}
		out.push(line);
	}
	return out;
}

/** Quote styles other than "> ": "C>", "|", and the ">>>> … <<<<" enclosures. */
function normaliseQuotes(input: readonly string[]): string[] {
	let lines = input.map((l) => (short(l) ? l.replace(SUPERCITE, "") : l));
	const closes = enclosureCloses(lines);
	lines = quoteBlocks(
		lines,
		(l) => (short(l) ? (ENCLOSURE_OPEN.exec(l)?.[1] ?? null) : null),
		(key) => closes.get(key) ?? [],
	);
	const blockCloses = lines.flatMap((l, j) => (short(l) && BLOCK_CLOSE.test(l) ? [j] : []));
	lines = quoteBlocks(
		lines,
		(l) => (short(l) && BLOCK_OPEN.test(l) ? "" : null),
		() => blockCloses,
	);
	return lines.map((l) => l.replace(QUOTE_PREFIX, (prefix) => prefix.replace(/\p{L}+>|\|/gu, ">")));
}

const PGP_BEGIN = "-----BEGIN PGP SIGNATURE-----";
const PGP_END = "-----END PGP SIGNATURE-----";

/** Drops the first PGP signature block, from its BEGIN line to its END marker. */
function withoutSignatureBlock(lines: string[]): string[] {
	const begin = lines.indexOf(PGP_BEGIN);
	if (begin < 0) return lines;
	const end = lines.findIndex((l, j) => j > begin && l.startsWith(PGP_END));
	if (end < 0) return lines;
	return [...lines.slice(0, begin), (lines[end] ?? "").slice(PGP_END.length), ...lines.slice(end + 1)];
}

/** A mail that is only a list footer ("Unsubscribe: …@…", a link line) says nothing. */
const UNSUBSCRIBE_ONLY = /^Unsubscribe: .+@.+(?:\n.+http:.+)?\s*$/i;

export function tidy(text: string): string[] {
	const unarmoured = text
		.replace(/\r+\n/g, "\n")
		.replace(/^-----BEGIN PGP SIGNED MESSAGE-----\n(?:Hash: \w+)?\s+/i, "");
	let body = withoutSignatureBlock(unarmoured.split("\n")).join("\n");
	if (body.length <= 2 * MAX_CLASSIFIED) body = body.replace(UNSUBSCRIBE_ONLY, "");
	const cleaned = normaliseQuotes(body.split("\n")).join("\n").trim();
	return joinWrappedAttributions(cleaned.split("\n"));
}

function kindOf(line: string): Kind {
	if (line.trim() === "") return "e";
	if (RULE_LINE.test(line)) return "d";
	if (!short(line)) return /^\s*>/.test(line) ? "q" : "t";
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
