/** D1 batches take a non-empty tuple; an empty one is a bug in the caller. */
export function nonEmpty<T>(items: readonly T[]): [T, ...T[]] {
	if (items.length === 0) throw new Error("nonEmpty: empty list");
	return items as [T, ...T[]];
}
