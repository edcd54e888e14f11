/**
 * scripts/check-folder-map.mjs keeps README's folder map and the tree in step: it must fail when the map
 * names a path that is gone, and when a src folder is missing from the map. Each case writes a
 * small repository to a temporary folder. Plain `node --test`; `npm run lint` runs it.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkFolderMap } from "../../scripts/check-folder-map.mjs";

const script = fileURLToPath(new URL("../../scripts/check-folder-map.mjs", import.meta.url));
const made = [];
after(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const MAP = [
	"# Project",
	"",
	"## Folder map",
	"",
	"- `src/lib/` helpers (`clamp.ts`) and `text/` (`trim.ts`).",
	"- `src/inbound/` the pipeline (`run.ts`), its `kinds/` (`status.ts`), whose `fixtures/` hold mail.",
	"- `src/index.ts` wires it.",
	"",
	"Tests live in `test/`. `scripts/` holds `check.mjs`.",
	"",
	"## Next section",
	"",
	"- `src/gone/` is outside the map section, so not checked.",
].join("\n");

const FILES = {
	"README.md": MAP,
	"src/index.ts": "",
	"src/lib/clamp.ts": "",
	"src/lib/text/trim.ts": "",
	"src/inbound/run.ts": "",
	"src/inbound/kinds/status.ts": "",
	"src/inbound/kinds/fixtures/status/status.eml": "",
	"src/inbound/kinds/fixtures/status/notes.ts": "",
	"test/a.test.ts": "",
	"scripts/check.mjs": "",
};

function repo(files) {
	const root = mkdtempSync(join(tmpdir(), "check-folder-map-"));
	made.push(root);
	for (const [path, text] of Object.entries(files)) {
		if (text === null) continue;
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

test("a map that names every src folder and file, each of which exists, passes", () => {
	const { problems, named } = checkFolderMap(repo(FILES));
	assert.deepEqual(problems, []);
	assert.equal(named, 13);
});

test("a named file that is gone fails, in a src bullet and under a root folder", () => {
	const { problems } = checkFolderMap(
		repo({ ...FILES, "src/lib/clamp.ts": null, "scripts/check.mjs": null, "scripts/other.mjs": "" }),
	);
	assert.deepEqual(problems.sort(), [
		"the map names check.mjs under scripts/, which has no such file",
		"the map names clamp.ts under src/lib/, which has no such file",
	]);
});

test("a src file the map does not name is allowed: folders are what it must name", () => {
	assert.deepEqual(checkFolderMap(repo({ ...FILES, "src/inbound/kinds/help.ts": "" })).problems, []);
});

test("a src folder the map does not name fails, at the top or nested", () => {
	const { problems } = checkFolderMap(repo({ ...FILES, "src/web/app.ts": "", "src/lib/text/more/x.ts": "" }));
	assert.deepEqual(problems.sort(), [
		"src folder src/lib/text/more/ is not on the map",
		"src folder src/web/ is not on the map",
	]);
});

test("a named folder that is gone fails", () => {
	const { problems } = checkFolderMap(repo({ ...FILES, "src/lib/text/trim.ts": null, "src/lib/trim.ts": "" }));
	assert.deepEqual(problems, ["the map names text/ under src/lib/, which has no such folder"]);
});

test("a README without the section fails", () => {
	const { problems } = checkFolderMap(repo({ ...FILES, "README.md": "# Project\n" }));
	assert.deepEqual(problems, ['README.md has no "## Folder map" section']);
});

test("the command exits 1 on a mismatch and 0 when the map matches", () => {
	const failed = spawnSync(process.execPath, [script, "--root", repo({ ...FILES, "src/lib/extra/x.ts": "" })], {
		encoding: "utf8",
	});
	assert.equal(failed.status, 1, failed.stderr);
	assert.match(failed.stderr, /src folder src\/lib\/extra\/ is not on the map/);
	const passed = spawnSync(process.execPath, [script, "--root", repo(FILES)], { encoding: "utf8" });
	assert.equal(passed.status, 0, passed.stderr);
});
