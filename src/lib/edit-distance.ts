/**
 * How many single-letter edits (insert, delete, replace, swap two neighbours) turn
 * one word into another: "snoze" → "snooze" is 1, "doen" → "done" is 1. Pure;
 * words longer than 40 letters are never near anything.
 */
export function editDistance(a: string, b: string): number {
	if (a.length > 40 || b.length > 40) return Math.max(a.length, b.length);
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		const row: number[] = [i];
		for (let j = 1; j <= b.length; j++) {
			if (i === 0) {
				row.push(j);
				continue;
			}
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const above = rows[i - 1] ?? [];
			let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
			}
			row.push(best);
		}
		rows.push(row);
	}
	return rows[a.length]?.[b.length] ?? 0;
}
