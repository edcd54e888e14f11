/**
 * Keeps what the sender wrote in a reply and drops what came with it: quoted
 * history, quoted header blocks, forwarded mail, device signatures and
 * everything under a rule line. Inline quotes the sender answered between
 * are kept, as a reader of the reply would see them.
 *
 * The rules read the string of line kinds from line-kind.ts, in order.
 */
import { type Kind, kindsOf, tidy } from "./line-kind";

interface Reply {
	kinds: string;
	lines: string[];
}

const keepUntil = (r: Reply, end: number): Reply => ({ kinds: r.kinds.slice(0, end), lines: r.lines.slice(0, end) });
const keepFrom = (r: Reply, start: number): Reply => ({ kinds: r.kinds.slice(start), lines: r.lines.slice(start) });
const without = (r: Reply, kind: Kind): Reply => {
	const keep = [...r.kinds].map((k) => k !== kind);
	return { kinds: r.kinds.replaceAll(kind, ""), lines: r.lines.filter((_, i) => keep[i]) };
};

/** Applies `cut` at `index`, if there is one. */
const at = (r: Reply, index: number | null, cut: (r: Reply, index: number) => Reply): Reply =>
	index === null ? r : cut(r, index);

/**
 * The shapes the rules look for in the string of kinds, each found in one or two
 * passes. They once were regexes (given beside each), and several of those
 * backtrack: `h+[hte]+h+e` took seconds on 600 header-like lines. test/lib
 * checks each against its regex on random strings of kinds.
 */
const isIn = (chars: string) => (k: string, i: number) => i >= 0 && i < k.length && chars.includes(k.charAt(i));

/** The start of the run of `chars` that ends the string (its length when there is none). */
function tailRun(k: string, chars: string): number {
	let i = k.length;
	while (isIn(chars)(k, i - 1)) i--;
	return i;
}

/** `te*b[^q]*$`: text, blank lines, then quoted mail with no ">" quote after it. */
export function textThenUnquotedMail(k: string): number | null {
	const lastQ = k.lastIndexOf("q");
	for (let i = k.indexOf("t", lastQ + 1); i >= 0; i = k.indexOf("t", i + 1)) {
		let j = i + 1;
		while (k[j] === "e") j++;
		if (k[j] === "b") return i;
	}
	return null;
}

/** `te*b[eqbh]*([te]*)$`: text, then quoted mail to the end but for a tail of text; the tail. */
export function textThenQuotedMail(k: string): { index: number; tail: string } | null {
	const tailStart = tailRun(k, "te");
	const quoteStart = tailRun(k.slice(0, tailStart), "eqbh");
	// Only the text line just above that block can start it: t, blank lines, then its b.
	const i = quoteStart - 1;
	if (k[i] !== "t") return null;
	let j = i + 1;
	while (k[j] === "e") j++;
	if (k[j] !== "b" || j >= tailStart) return null;
	// [eqbh]* is greedy, so the group is what follows the longest run after the b.
	let g = j + 1;
	while (isIn("eqbh")(k, g)) g++;
	return { index: i, tail: k.slice(g) };
}

/** `t?e*[qbe]+$`: the quote that runs to the end, and the text line just before it. */
export function quoteToEnd(k: string): number | null {
	const z = tailRun(k, "qbe");
	if (z === k.length) return null;
	return k[z - 1] === "t" ? z - 1 : z;
}

/** `h+[hte]+h+e`: a header block wrapped over lines of text; its start and end (exclusive). */
export function wrappedHeaders(k: string): { start: number; end: number } | null {
	let runStart = 0;
	while (runStart < k.length) {
		while (runStart < k.length && !isIn("hte")(k, runStart)) runStart++;
		let runEnd = runStart;
		while (isIn("hte")(k, runEnd)) runEnd++;
		let lastHe = -1;
		for (let p = runEnd - 1; p > runStart; p--) {
			if (k[p] === "e" && k[p - 1] === "h") {
				lastHe = p;
				break;
			}
		}
		let first = runStart;
		while (first < runEnd && k[first] !== "h") first++;
		if (lastHe >= 0 && first <= lastHe - 3) return { start: first, end: lastHe + 1 };
		runStart = runEnd;
	}
	return null;
}

/** `t[eq]*h{3,}`: text, then three or more header lines. */
export function textThenHeaders(k: string): number | null {
	for (let i = k.indexOf("t"); i >= 0; i = k.indexOf("t", i + 1)) {
		let j = i + 1;
		while (k[j] === "e" || k[j] === "q") j++;
		if (k.startsWith("hhh", j)) return i;
	}
	return null;
}

/** `^b[^t]+t[et]*$`: bottom-posted; where the answer starts. */
export function bottomPosted(k: string): number | null {
	if (k[0] !== "b") return null;
	const t = k.indexOf("t");
	if (t < 2) return null;
	return tailRun(k, "et") <= t ? t : null;
}

const RULES: readonly ((r: Reply) => Reply)[] = [
	// A rule line ends the reply: a signature or the quoted mail follows.
	(r) => at(r, r.kinds.includes("d") ? r.kinds.indexOf("d") : null, (r, i) => keepUntil(r, i)),
	// "Sent from my iPhone" says nothing.
	(r) => without(r, "s"),
	// Bottom-posted: the quoted mail comes first and the answer at the end.
	(r) => at(r, bottomPosted(r.kinds), (r, i) => keepFrom(r, i)),
	// Text, then quoted mail that is not quoted with ">": keep the text.
	(r) => at(r, textThenUnquotedMail(r.kinds), (r, i) => keepUntil(r, i + 1)),
	// Text, then quoted mail and at most a short tail of text: keep the text.
	(r) => {
		const m = textThenQuotedMail(r.kinds);
		return m && m.tail.replaceAll("e", "").length < 7 ? keepUntil(r, m.index + 1) : r;
	},
	// A quote that runs to the end adds nothing after the last text line.
	(r) => at(r, quoteToEnd(r.kinds), (r, i) => keepUntil(r, i + 1)),
	(r) => without(r, "b"),
	// Headers wrapped over several lines belong to one header block.
	(r) => {
		const m = wrappedHeaders(r.kinds);
		if (!m) return r;
		const kinds = r.kinds.slice(0, m.start) + "h".repeat(m.end - m.start) + r.kinds.slice(m.end);
		return { ...r, kinds };
	},
	// Text, then three or more header lines: a quoted mail starts there.
	(r) => at(r, textThenHeaders(r.kinds), (r, i) => keepUntil(r, i + 1)),
	(r) => without(r, "h"),
	// Trailing quotes and blank lines after the text.
	(r) => {
		const z = tailRun(r.kinds, "eq");
		return r.kinds.includes("t") && z < r.kinds.length ? keepUntil(r, z) : r;
	},
];

export function trimReply(text: string): string {
	if (text.trim() === "") return "";
	const lines = tidy(text);
	let reply: Reply = { kinds: kindsOf(lines).join(""), lines };
	for (const rule of RULES) reply = rule(reply);
	return reply.lines.join("\n").trim();
}
