/**
 * A count with its noun, in the right number: plural(1, "contact") is "1 contact",
 * plural(2, "contact") is "2 contacts", plural(2, "reply", "replies") is "2 replies". Pure.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** The noun alone, for when the number is written elsewhere ("25+ pending"). */
export function noun(n: number, one: string, many = `${one}s`): string {
	return n === 1 ? one : many;
}
