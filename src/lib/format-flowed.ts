/**
 * RFC 3676 format=flowed, decoded with quote depth respected: a soft break (a
 * line ending in a space) joins the next line only at the same quote depth
 * (section 4.5). postal-mime joins across depths, which glues a bottom-posted
 * reply onto the quoted line above it; so we turn its decoding off (see
 * parse-message.ts) and decode here.
 */

const depthOf = (line: string) => line.match(/^>+/)?.[0].length ?? 0;

export function decodeFlowed(text: string, delSp: boolean): string {
	const out: string[] = [];
	let current: { depth: number; text: string } | null = null;
	const flush = () => {
		if (current) out.push(current.depth ? `${">".repeat(current.depth)} ${current.text}`.trimEnd() : current.text);
		current = null;
	};
	for (const raw of text.split(/\r?\n/)) {
		const depth = depthOf(raw);
		let line = raw.slice(depth);
		if (line.startsWith(" ")) line = line.slice(1); // space-stuffing
		const soft = line.endsWith(" ") && line !== "-- ";
		const piece = soft && delSp ? line.slice(0, -1) : line;
		if (current && current.depth === depth) current.text += piece;
		else {
			flush();
			current = { depth, text: piece };
		}
		if (!soft) flush();
	}
	flush();
	return out.join("\n");
}

/** Turns postal-mime's flowed decoding off in a raw message: `format=flowed` → `format=fixed`. */
export function withoutFlowed(raw: Uint8Array | string): { raw: Uint8Array | string; flowed: boolean; delSp: boolean } {
	const text = typeof raw === "string" ? raw : new TextDecoder("latin1").decode(raw);
	if (!/format\s*=\s*"?flowed/i.test(text)) return { raw, flowed: false, delSp: false };
	const delSp = /delsp\s*=\s*"?yes/i.test(text);
	const replaced = text.replace(/format(\s*)=(\s*)"?flowed"?/gi, "format$1=$2fixed");
	return {
		raw: typeof raw === "string" ? replaced : Uint8Array.from(replaced, (c) => c.charCodeAt(0)),
		flowed: true,
		delSp,
	};
}
