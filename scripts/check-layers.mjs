#!/usr/bin/env node
/**
 * The layering rule of src/ (README, "Folder map"), checked: each folder may import
 * only from itself and from folders below it, and no file takes part in an import
 * cycle (type-only imports count: a cycle of types is still a knot in the design).
 * Exits 1 and names every offending edge and cycle.
 *
 *   node scripts/check-layers.mjs [--root DIR]   (default: src next to this script)
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Lowest first. `index.ts` (the entry point, top) may import anything. */
export const LAYERS = [
	"lib",
	"config",
	"db",
	"time",
	"mail",
	"app",
	"tracking",
	"lifecycle",
	"insights",
	"nudges",
	"accounts",
	"commands",
	"inbound",
	"session",
	"web",
];
const ENTRY = "index.ts";
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;

function argRoot() {
	const i = process.argv.indexOf("--root");
	if (i >= 0 && process.argv[i + 1]) return resolve(process.argv[i + 1]);
	return resolve(dirname(fileURLToPath(import.meta.url)), "..", "src");
}

function sourceFiles(dir) {
	const out = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
		else if (SOURCE.test(name) && !name.endsWith(".d.ts")) out.push(path);
	}
	return out;
}

/** Every module specifier a file names: static imports and re-exports (type-only too), and dynamic import(). */
export function specifiers(code) {
	const text = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
	const found = [];
	for (const m of text.matchAll(/\b(?:import|export)\b[^"'`;]*?\bfrom\s*["']([^"']+)["']/g)) found.push(m[1]);
	for (const m of text.matchAll(/\bimport\s*["']([^"']+)["']/g)) found.push(m[1]);
	for (const m of text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]);
	return found;
}

function resolveImport(from, spec) {
	if (!spec.startsWith(".")) return null;
	const base = resolve(dirname(from), spec);
	const candidates = [base, ...[".ts", ".tsx", ".mts", ".js", ".mjs"].map((e) => base + e), join(base, "index.ts")];
	return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** The layer a file belongs to: its top folder under the root, or the entry point. */
function layerOf(root, file) {
	const rel = relative(root, file).split(sep);
	return rel.length === 1 ? (rel[0] === ENTRY ? ENTRY : `(root file ${rel[0]})`) : rel[0];
}

const rank = (layer) => (layer === ENTRY ? LAYERS.length : LAYERS.indexOf(layer));

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph) {
	let index = 0;
	const stack = [];
	const info = new Map();
	const found = [];
	const visit = (v) => {
		info.set(v, { index, low: index, onStack: true });
		index++;
		stack.push(v);
		for (const w of graph.get(v) ?? []) {
			if (!info.has(w)) {
				visit(w);
				info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
			} else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
		}
		if (info.get(v).low === info.get(v).index) {
			const component = [];
			let w;
			do {
				w = stack.pop();
				info.get(w).onStack = false;
				component.push(w);
			} while (w !== v);
			if (component.length > 1 || (graph.get(v) ?? new Set()).has(v)) found.push(component.sort());
		}
	};
	for (const v of graph.keys()) if (!info.has(v)) visit(v);
	return found;
}

export function checkLayers(root) {
	const problems = [];
	const graph = new Map();
	const files = sourceFiles(root);
	for (const file of files) {
		const from = layerOf(root, file);
		const edges = new Set();
		graph.set(file, edges);
		if (from !== ENTRY && rank(from) < 0) problems.push(`${relative(root, file)}: folder "${from}" has no layer`);
		for (const spec of specifiers(readFileSync(file, "utf8"))) {
			const target = resolveImport(file, spec);
			if (spec.startsWith(".") && !target) {
				problems.push(`${relative(root, file)}: cannot resolve "${spec}"`);
				continue;
			}
			if (!target) continue;
			if (!target.startsWith(root + sep)) {
				problems.push(`${relative(root, file)}: imports "${spec}" from outside ${root}`);
				continue;
			}
			edges.add(target);
			const to = layerOf(root, target);
			if (to !== from && rank(from) >= 0 && rank(to) >= rank(from)) {
				problems.push(`upward import: ${relative(root, file)} (${from}) → ${relative(root, target)} (${to})`);
			}
		}
	}
	for (const component of cycles(graph)) {
		problems.push(`import cycle: ${component.map((f) => relative(root, f)).join(" ↔ ")}`);
	}
	return { files: files.length, problems };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const root = argRoot();
	const { files, problems } = checkLayers(root);
	if (problems.length) {
		for (const p of problems) console.error(p);
		console.error(
			`check-layers: ${problems.length} problems in ${files} files (layers, lowest first: ${LAYERS.join(" → ")} → ${ENTRY})`,
		);
		process.exit(1);
	}
	console.log(`check-layers: ${files} files, no upward import, no cycle (${LAYERS.join(" → ")} → ${ENTRY})`);
}
