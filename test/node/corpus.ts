/**
 * Reads ../shared/corpus (or $CORPUS_DIR) in Node and provides it to the tests,
 * which run inside workerd and cannot read files. Nothing is copied into the
 * project. When the folder is absent the suites print that they were skipped.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

export interface ForwardCase {
	id: string;
	body_file: string;
	subject_file: string | null;
	client: string;
	variant: string;
	checks: [string, unknown][];
}
/** One of discourse/email_reply_trimmer's cases: a reply body and the text it should trim to. */
export interface TrimmerCase {
	id: string;
	input: string;
	trimmed: string;
}
export interface AutoItem {
	file: string;
	category: string;
	/** The DSN status of each failed recipient, where sisimai's tests give them (bounces only). */
	statuses?: string[];
}
export interface Corpus {
	dir: string;
	forward: { cases: ForwardCase[]; files: Record<string, string> } | null;
	auto: { items: AutoItem[]; files: Record<string, string> } | null;
	/** Raw .eml files under mime/, base64 (for the benchmark). */
	mime: Record<string, string> | null;
	/** talon's standard raw client replies (base64, by client) and discourse's trimmer cases. */
	reply: { talon: Record<string, string>; trimmer: TrimmerCase[] } | null;
}

declare module "vitest" {
	export interface ProvidedContext {
		corpus: Corpus | null;
	}
}

function loadForward(dir: string): Corpus["forward"] {
	const base = join(dir, "forward", "crisp-oss__email-forward-parser");
	if (!existsSync(join(base, "expected.json"))) return null;
	const { cases } = JSON.parse(readFileSync(join(base, "expected.json"), "utf8")) as { cases: ForwardCase[] };
	const files: Record<string, string> = {};
	for (const c of cases) {
		for (const f of [c.body_file, c.subject_file])
			if (f && !(f in files)) files[f] = readFileSync(join(base, f), "utf8");
	}
	return { cases, files };
}

function loadAuto(dir: string): Corpus["auto"] {
	const base = join(dir, "auto");
	if (!existsSync(join(base, "labels.json"))) return null;
	const { items } = JSON.parse(readFileSync(join(base, "labels.json"), "utf8")) as {
		items: (AutoItem & { sisimai_expected?: { dsn_status: string }[] | null })[];
	};
	const files: Record<string, string> = {};
	for (const it of items) files[it.file] = readFileSync(join(base, it.file)).toString("base64");
	return {
		items: items.map(({ file, category, sisimai_expected }) => ({
			file,
			category,
			...(sisimai_expected ? { statuses: sisimai_expected.map((e) => e.dsn_status) } : {}),
		})),
		files,
	};
}

function loadMime(dir: string): Corpus["mime"] {
	const base = join(dir, "mime");
	if (!existsSync(base)) return null;
	const files: Record<string, string> = {};
	for (const f of readdirSync(base, { recursive: true, encoding: "utf8" })) {
		if (f.endsWith(".eml")) files[f] = readFileSync(join(base, f)).toString("base64");
	}
	return files;
}

function loadTrimmerCases(dir: string): TrimmerCase[] {
	const base = join(dir, "reply", "discourse__email_reply_trimmer");
	if (!existsSync(join(base, "expected.json"))) return [];
	const { cases } = JSON.parse(readFileSync(join(base, "expected.json"), "utf8")) as {
		cases: { id: string; input: string; expected_trimmed: string }[];
	};
	return cases.map((c) => ({
		id: c.id,
		input: readFileSync(join(base, c.input), "utf8"),
		trimmed: readFileSync(join(base, c.expected_trimmed), "utf8"),
	}));
}

function loadReply(dir: string): Corpus["reply"] {
	const base = join(dir, "reply", "mailgun__talon", "tests", "fixtures", "standard_replies");
	if (!existsSync(base)) return null;
	const talon: Record<string, string> = {};
	for (const f of readdirSync(base))
		if (f.endsWith(".eml")) talon[f.replace(/\.eml$/, "")] = readFileSync(join(base, f)).toString("base64");
	return { talon, trimmer: loadTrimmerCases(dir) };
}

export default function setup(project: TestProject) {
	const dir = resolve(process.env.CORPUS_DIR ?? join(process.cwd(), "..", "shared", "corpus"));
	if (!existsSync(dir)) {
		console.log(`[corpus] ${dir} is absent: the conformance suites are skipped.`);
		project.provide("corpus", null);
		return;
	}
	project.provide("corpus", {
		dir,
		forward: loadForward(dir),
		auto: loadAuto(dir),
		mime: loadMime(dir),
		reply: loadReply(dir),
	});
}
