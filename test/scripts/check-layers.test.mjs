/**
 * scripts/check-layers.mjs is the CI gate for the layering rule, so it must fail on the two things it
 * exists to catch: an upward import and an import cycle (type-only and same-folder ones included). Each
 * case writes a small src/ tree to a temporary folder and runs the checker on it. Plain `node --test`
 * (workerd has no real file system); `npm run lint` runs it.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkLayers, specifiers } from "../../scripts/check-layers.mjs";

const script = fileURLToPath(new URL("../../scripts/check-layers.mjs", import.meta.url));
const made = [];
after(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A src/ tree from { "path": "code" }. */
function tree(files) {
	const root = mkdtempSync(join(tmpdir(), "check-layers-"));
	made.push(root);
	for (const [path, code] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), code);
	}
	return root;
}

const clean = {
	"index.ts": 'import { handle } from "./web/app";\nexport default { fetch: handle };\n',
	"web/app.ts":
		'import { clamp } from "../lib/clamp";\nimport { send } from "../mail/send";\nexport const handle = () => clamp(send());\n',
	"mail/send.ts":
		'import type { Row } from "../db/row";\nimport { clamp } from "../lib/clamp";\nexport const send = (): Row["n"] => clamp(1);\n',
	"db/row.ts": "export type Row = { n: number };\n",
	"lib/clamp.ts": "export const clamp = (n: number) => Math.max(0, n);\n",
};

test("a tree that imports only downward, with no cycle, passes", () => {
	assert.deepEqual(checkLayers(tree(clean)).problems, []);
});

test("an upward import fails, naming the edge", () => {
	const root = tree({
		...clean,
		"db/row.ts": 'import type { send } from "../mail/send";\nexport type Row = { n: ReturnType<typeof send> };\n',
	});
	const { problems } = checkLayers(root);
	assert.ok(
		problems.some((p) => p.startsWith("upward import: db/row.ts (db) → mail/send.ts (mail)")),
		problems.join("\n"),
	);
});

test("a cycle inside one folder fails, even when every edge is type-only", () => {
	const root = tree({
		...clean,
		"db/a.ts": 'import type { B } from "./b";\nexport type A = { b?: B };\n',
		"db/b.ts": 'import type { A } from "./a";\nexport type B = { a?: A };\n',
	});
	const { problems } = checkLayers(root);
	assert.deepEqual(
		problems.filter((p) => p.startsWith("import cycle")),
		[`import cycle: ${join("db", "a.ts")} ↔ ${join("db", "b.ts")}`],
	);
});

test("the schema-file shape that main once let through (a table file and its column helpers) fails", () => {
	const root = tree({
		...clean,
		"db/tables/accounts.ts": 'import { userRef } from "./columns";\nexport const users = { id: "id", ref: userRef };\n',
		"db/tables/columns.ts": 'import { users } from "./accounts";\nexport const userRef = () => users.id;\n',
	});
	assert.ok(checkLayers(root).problems.some((p) => p.startsWith("import cycle:")));
});

test("a longer cycle across files fails once, naming every file", () => {
	const root = tree({
		...clean,
		"lib/x.ts": 'import { y } from "./y";\nexport const x = () => y();\n',
		"lib/y.ts": 'export { z as y } from "./z";\n',
		"lib/z.ts": 'import { x } from "./x";\nexport const z = () => x();\n',
	});
	const cycles = checkLayers(root).problems.filter((p) => p.startsWith("import cycle"));
	assert.equal(cycles.length, 1);
	for (const f of ["x", "y", "z"]) assert.ok(cycles[0].includes(join("lib", `${f}.ts`)), cycles[0]);
});

test("a folder that is not a layer fails", () => {
	const root = tree({ ...clean, "dashboard/queries.ts": "export const q = 1;\n" });
	assert.ok(checkLayers(root).problems.includes(`${join("dashboard", "queries.ts")}: folder "dashboard" has no layer`));
});

test("specifiers sees static, type-only, re-export, side-effect and dynamic imports, not commented ones", () => {
	const code = [
		'import { a } from "./a";',
		'import type { B } from "./b";',
		'export { c } from "./c";',
		'import "./d";',
		'const e = await import("./e");',
		'// import { f } from "./f";',
		'/* import { g } from "./g"; */',
	].join("\n");
	assert.deepEqual(specifiers(code).sort(), ["./a", "./b", "./c", "./d", "./e"]);
});

test("the command exits 1 on a problem and 0 on a clean tree", () => {
	const bad = tree({ ...clean, "lib/clamp.ts": 'import "../web/app";\nexport const clamp = (n: number) => n;\n' });
	const failed = spawnSync(process.execPath, [script, "--root", bad], { encoding: "utf8" });
	assert.equal(failed.status, 1, failed.stderr);
	assert.match(failed.stderr, /upward import: lib\/clamp\.ts/);
	assert.match(failed.stderr, /import cycle:/);
	const passed = spawnSync(process.execPath, [script, "--root", tree(clean)], { encoding: "utf8" });
	assert.equal(passed.status, 0, passed.stderr);
});
