import { describe, expect, it } from "vitest";
import { lazy } from "../../src/lib/lazy";

describe("lazy", () => {
	it("builds nothing until first asked, then builds once and keeps the value", () => {
		let builds = 0;
		const value = lazy(() => {
			builds += 1;
			return { built: builds };
		});
		expect(builds).toBe(0);
		const first = value();
		expect(first).toEqual({ built: 1 });
		expect(value()).toBe(first);
		expect(builds).toBe(1);
	});

	it("keeps a falsy value instead of building again", () => {
		let builds = 0;
		const value = lazy(() => {
			builds += 1;
			return undefined;
		});
		value();
		value();
		expect(builds).toBe(1);
	});
});
