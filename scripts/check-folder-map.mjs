#!/usr/bin/env node
/**
 * The README's "Folder map", checked against the tree, both ways:
 * - every path it names exists: a `src/<folder>/` bullet's file and folder names are looked up under
 *   that folder (at any depth, so `kinds/` and then `status.ts` both resolve), and `test/…`, `scripts/…`,
 *   `migrations/` and `.ci/…` from the repository root;
 * - every folder under src/ is named (a folder named `fixtures/` stands for the folders inside it), so
 *   a new folder is placed on the map when it is added. (Files need not all be named; today they are.)
 * Exits 1 and names each mismatch.
 *
 *   node scripts/check-folder-map.mjs [--root DIR]   (default: the repository this script is in)
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** A backticked token that names a path: a file with a source ending, or a folder (ends in `/`). */
const PATHLIKE = /^[\w.@-]+(?:\/[\w.@-]+)*(?:\/|\.(?:ts|tsx|mts|js|mjs|json|toml|sql))$|^\.ci\/[\w.-]+$/;
const ROOTED = /^(?:test|scripts|migrations|\.ci|src)\//;

function argRoot() {
	const i = process.argv.indexOf("--root");
	if (i >= 0 && process.argv[i + 1]) return resolve(process.argv[i + 1]);
	return resolve(dirname(fileURLToPath(import.meta.url)), "..");
}

/** The text of the README section "## Folder map", up to the next `## ` heading. */
export function folderMapSection(readme) {
	const start = readme.search(/^## Folder map\s*$/m);
	if (start < 0) return null;
	const rest = readme.slice(start).split("\n").slice(1).join("\n");
	const end = rest.search(/^## /m);
	return end < 0 ? rest : rest.slice(0, end);
}

/** Each `- ` bullet (with its continuation lines), and each other paragraph. */
function bullets(section) {
	const out = [];
	let open = false;
	for (const line of section.split("\n")) {
		if (!line.trim()) open = false;
		else if (/^- /.test(line) || !open) {
			out.push(line);
			open = true;
		} else out[out.length - 1] += ` ${line.trim()}`;
	}
	return out;
}

const ticks = (text) => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);

function walk(dir) {
	const out = { files: [], dirs: [] };
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			out.dirs.push(path);
			const inner = walk(path);
			out.files.push(...inner.files);
			out.dirs.push(...inner.dirs);
		} else out.files.push(path);
	}
	return out;
}

export function checkFolderMap(root) {
	const problems = [];
	const readmePath = join(root, "README.md");
	const section = existsSync(readmePath) ? folderMapSection(readFileSync(readmePath, "utf8")) : null;
	if (section === null) return { problems: ['README.md has no "## Folder map" section'], named: 0 };
	const src = join(root, "src");
	const tree = walk(src);
	const rel = (p) => relative(root, p).split(sep).join("/");
	/** Paths (relative to root, folders ending in /) the map accounts for. */
	const covered = new Set();
	let named = 0;

	for (const bullet of bullets(section)) {
		/** Where a bare name is looked up: the bullet's src folder, else the last folder named from the root. */
		let base = bullet.match(/^- `(src\/[\w-]+\/)`/)?.[1] ?? null;
		for (const token of ticks(bullet)) {
			if (!PATHLIKE.test(token) && !ROOTED.test(token)) continue;
			named++;
			if (ROOTED.test(token) || !base) {
				if (!existsSync(join(root, token))) problems.push(`the map names ${token}, which does not exist`);
				else covered.add(token);
				if (ROOTED.test(token) && token.endsWith("/") && !token.startsWith("src/")) base = token;
				continue;
			}
			// A name anywhere below the base folder.
			const isDir = token.endsWith("/");
			const want = token.replace(/\/$/, "");
			const all = existsSync(join(root, base)) ? walk(join(root, base)) : { files: [], dirs: [] };
			const hits = (isDir ? all.dirs : all.files).filter((p) => `/${rel(p)}`.endsWith(`/${want}`));
			if (hits.length === 0)
				problems.push(`the map names ${token} under ${base}, which has no such ${isDir ? "folder" : "file"}`);
			for (const h of hits) covered.add(isDir ? `${rel(h)}/` : rel(h));
		}
	}

	const fixtureDir = (d) => rel(d).split("/").slice(0, -1).includes("fixtures");
	for (const d of tree.dirs) {
		if (fixtureDir(d)) continue;
		if (!covered.has(`${rel(d)}/`)) problems.push(`src folder ${rel(d)}/ is not on the map`);
	}
	return { problems, named };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const { problems, named } = checkFolderMap(argRoot());
	if (problems.length) {
		for (const p of problems) console.error(p);
		console.error(`check-folder-map: ${problems.length} mismatches between README's folder map and the tree`);
		process.exit(1);
	}
	console.log(`check-folder-map: the ${named} paths README's folder map names exist, and it names every src folder`);
}
