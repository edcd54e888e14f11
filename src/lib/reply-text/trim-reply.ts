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

/** Applies `cut` at the first match of `shape`, if any. */
function at(r: Reply, shape: RegExp, cut: (r: Reply, m: RegExpExecArray) => Reply): Reply {
	const m = shape.exec(r.kinds);
	return m ? cut(r, m) : r;
}

const RULES: readonly ((r: Reply) => Reply)[] = [
	// A rule line ends the reply: a signature or the quoted mail follows.
	(r) => at(r, /d/, (r, m) => keepUntil(r, m.index)),
	// "Sent from my iPhone" says nothing.
	(r) => without(r, "s"),
	// Bottom-posted: the quoted mail comes first and the answer at the end.
	(r) => at(r, /^b[^t]+t[et]*$/, (r) => keepFrom(r, r.kinds.search(/t[et]*$/))),
	// Text, then quoted mail that is not quoted with ">": keep the text.
	(r) => at(r, /te*b[^q]*$/, (r, m) => keepUntil(r, m.index + 1)),
	// Text, then quoted mail and at most a short tail of text: keep the text.
	(r) =>
		at(r, /te*b[eqbh]*([te]*)$/, (r, m) =>
			(m[1] ?? "").replaceAll("e", "").length < 7 ? keepUntil(r, m.index + 1) : r,
		),
	// A quote that runs to the end adds nothing after the last text line.
	(r) => at(r, /t?e*[qbe]+$/, (r, m) => keepUntil(r, m.index + 1)),
	(r) => without(r, "b"),
	// Headers wrapped over several lines belong to one header block.
	(r) => at(r, /h+[hte]+h+e/, (r, m) => ({ ...r, kinds: r.kinds.replace(m[0], "h".repeat(m[0].length)) })),
	// Text, then three or more header lines: a quoted mail starts there.
	(r) => at(r, /t[eq]*h{3,}/, (r, m) => keepUntil(r, m.index + 1)),
	(r) => without(r, "h"),
	// Trailing quotes and blank lines after the text.
	(r) => (r.kinds.includes("t") ? at(r, /[eq]+$/, (r, m) => keepUntil(r, m.index)) : r),
];

export function trimReply(text: string): string {
	if (text.trim() === "") return "";
	const lines = tidy(text);
	let reply: Reply = { kinds: kindsOf(lines).join(""), lines };
	for (const rule of RULES) reply = rule(reply);
	return reply.lines.join("\n").trim();
}
