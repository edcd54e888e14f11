/**
 * What the Worker bundle gets for `import { createRequire } from "module"` (wrangler.toml
 * [alias]). email-forward-parser and email-reply-parser use it only to look for an
 * optional `re2`, which a Worker never has: the real node:module found none either, but
 * importing it loaded workerd's Node polyfills at startup (issue 14). Tests run under the
 * vitest plugin, which does not use this alias.
 */
export function createRequire(_from: string | URL): (id: string) => never {
	return (id) => {
		throw new Error(`Cannot find module '${id}': this Worker has no require()`);
	};
}
