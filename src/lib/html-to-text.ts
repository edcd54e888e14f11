/**
 * Just enough HTML → text for mail bodies that have no text part: block breaks,
 * no tags, no script/style/head content, entities decoded. One left-to-right
 * scan with indexOf, so its time is linear in the input whatever it holds
 * (300,000 unclosed `<`, a thousand `<script>` without an end).
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
/** Elements whose content is not text. */
const HIDDEN = new Set(["script", "style", "head"]);
/** Tags that end a line: `<br>`, `<blockquote …>`, and the end tags of blocks. */
const BREAKS = new Set(["br", "br/", "blockquote", "/p", "/div", "/li", "/tr", "/blockquote"]);
const END_HEADING = /^\/h[1-6]$/;

/** `/P`, `br`, `script` from the text between `<` and `>`: its first word, lower case. */
function tagName(tag: string): string {
	let end = 0;
	while (end < tag.length && end < 16) {
		const c = tag.charCodeAt(end);
		if (c <= 32 || c === 62) break;
		end++;
	}
	return tag.slice(0, end).toLowerCase();
}

function stripTags(html: string): string {
	/** Hidden elements known to have no end tag from here on. */
	const unclosed = new Set<string>();
	const out: string[] = [];
	let i = 0;
	while (i < html.length) {
		const lt = html.indexOf("<", i);
		if (lt < 0) {
			out.push(html.slice(i));
			break;
		}
		out.push(html.slice(i, lt));
		const gt = html.indexOf(">", lt + 1);
		if (gt < 0) {
			// No `>` anywhere after: the rest is text, as written.
			out.push(html.slice(lt));
			break;
		}
		if (gt === lt + 1) {
			out.push("<");
			i = lt + 1;
			continue;
		}
		const name = tagName(html.slice(lt + 1, Math.min(gt, lt + 18)));
		i = gt + 1;
		if (HIDDEN.has(name) && !unclosed.has(name)) {
			const end = new RegExp(`</${name}>`, "gi");
			end.lastIndex = i;
			if (end.exec(html)) {
				i = end.lastIndex;
				continue;
			}
			unclosed.add(name);
		}
		if (BREAKS.has(name) || END_HEADING.test(name)) out.push("\n");
	}
	return out.join("");
}

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,32});/gi, (m, e: string) => {
		if (e[0] === "#") {
			const code = e[1]?.toLowerCase() === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
			return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
		}
		return ENTITIES[e.toLowerCase()] ?? m;
	});
}

/** Drops spaces and tabs at line ends, and keeps at most one blank line in a row. */
function tidyLines(text: string): string {
	const out: string[] = [];
	let blank = 0;
	for (const raw of text.split("\n")) {
		let end = raw.length;
		while (end > 0 && (raw.charCodeAt(end - 1) === 32 || raw.charCodeAt(end - 1) === 9)) end--;
		const line = raw.slice(0, end);
		blank = line === "" ? blank + 1 : 0;
		if (blank < 2) out.push(line);
	}
	return out.join("\n").trim();
}

export function htmlToText(html: string): string {
	return tidyLines(decodeEntities(stripTags(html)));
}
