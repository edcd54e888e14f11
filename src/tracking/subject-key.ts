/** Threads match on the subject without reply/forward prefixes, in any common language. */
const PREFIX =
	/^\s*((re|fw|fwd|aw|wg|tr|rv|sv|vs|antw|doorst|ref|rif|r|i|enc|res|odp|pd|vl|trs|ynt|ilt|fs)(\[\d+\])?\s*[:：]\s*)+/i;

export function subjectKey(subject: string): string {
	let s = subject;
	for (let prev = ""; prev !== s; ) {
		prev = s;
		s = s.replace(PREFIX, "").replace(/^\s*\[(fwd?|ext(ernal)?)\]\s*/i, "");
	}
	return s.replace(/\s+/g, " ").trim().toLowerCase().slice(0, 200);
}
