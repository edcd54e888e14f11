/** The shared corpus as provided by test/node/corpus.ts, and a re-randomiser for its people. */
import { inject } from "vitest";
import type { Corpus } from "../node/corpus";

export const corpus = inject("corpus") as Corpus | null;

/** Deterministic PRNG (mulberry32), so a failing case can be replayed. */
export function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FIRST = [
	"Amara",
	"Bjorn",
	"Chidi",
	"Dalia",
	"Emeka",
	"Farah",
	"Goran",
	"Hana",
	"Idris",
	"Jolene",
	"Kenji",
	"Lucia",
	"Mateo",
	"Nadia",
	"Oskar",
	"Priya",
];
const LAST = [
	"Okafor",
	"Lindqvist",
	"Moreau",
	"Tanaka",
	"Haddad",
	"Novak",
	"Quispe",
	"Rahman",
	"Schultz",
	"Varga",
	"Whitlock",
	"Yilmaz",
];
const DOMAINS = ["northwind.example", "contoso.example", "fabrikam.example", "tailspin.example", "wingtip.example"];

/**
 * Replaces the fixture's fixed people (John Doe, Bessie Berry, …) and domains with
 * random ones, consistently within one case: the same function rewrites the input
 * and the expected values, so no test can key on the fixture names.
 */
export function randomPeople(seed: number): (s: string) => string {
	const r = prng(seed);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
	const firsts = [...FIRST].sort(() => r() - 0.5);
	const lasts = [...LAST].sort(() => r() - 0.5);
	const names: [string, string][] = [
		["John", firsts[0] ?? "Amara"],
		["Doe", lasts[0] ?? "Okafor"],
		["Bessie", firsts[1] ?? "Bjorn"],
		["Berry", lasts[1] ?? "Lindqvist"],
		["Suzanne", firsts[2] ?? "Chidi"],
		["Walter", firsts[3] ?? "Dalia"],
		["Sheltan", lasts[2] ?? "Moreau"],
		["Nicholas", firsts[4] ?? "Emeka"],
	];
	// A per-seed domain label keeps cases from sharing people.
	const d1 = pick(DOMAINS).replace(".example", `-${seed}.example`);
	const d2 = (DOMAINS.find((d) => !d1.startsWith(d.split(".")[0] ?? "")) ?? "globex.example").replace(
		".example",
		`-${seed}.example`,
	);
	const lower = (name: string) => names.find(([from]) => from === name)?.[1].toLowerCase() ?? name.toLowerCase();
	const emails: [RegExp, string][] = [
		[/john\.doe@acme\.com/gi, `${lower("John")}.${lower("Doe")}@${d1}`],
		[/bessie\.berry@acme\.com/gi, `${lower("Bessie")}.${lower("Berry")}@${d1}`],
		[/suzanne@globex\.corp/gi, `${lower("Suzanne")}@${d2}`],
		[/walter\.sheltan@acme\.com/gi, `${lower("Walter")}.${lower("Sheltan")}@${d1}`],
		[/nicholas@globex\.corp/gi, `${lower("Nicholas")}@${d2}`],
	];
	return (s: string) => {
		let out = s;
		for (const [re, to] of emails) out = out.replace(re, to);
		for (const [from, to] of names) out = out.replace(new RegExp(`\\b${from}\\b`, "g"), to);
		return out;
	};
}
