import { describe, expect, it } from "vitest";
import { decodeFlowed, withoutFlowed } from "../../src/lib/format-flowed";

describe("decodeFlowed (RFC 3676)", () => {
	it.each([
		["joins soft breaks", "Hello \nthere\n", "Hello there\n"],
		["keeps hard breaks", "Hello\nthere", "Hello\nthere"],
		["never joins across quote depths (4.5)", "> Hi \nHello", "> Hi\nHello"],
		["joins within a quote", "> a \n> b\nc", "> a b\nc"],
		["removes space-stuffing", " From here\n", "From here\n"],
		["keeps the signature separator", "-- \nPat", "-- \nPat"],
	])("%s", (_label, input, output) => {
		expect(decodeFlowed(input, false)).toBe(output);
	});
	it("drops the soft-break space with delsp=yes", () => {
		expect(decodeFlowed("ver \ny long", true)).toBe("very long");
	});
	it("turns postal-mime's decoding off only where a part is flowed", () => {
		expect(withoutFlowed('Content-Type: text/plain; format="flowed"; delsp=yes\r\n\r\nx')).toEqual({
			raw: "Content-Type: text/plain; format=fixed; delsp=yes\r\n\r\nx",
			flowed: true,
			delSp: true,
		});
		expect(withoutFlowed("Content-Type: text/plain\r\n\r\nx").flowed).toBe(false);
	});
});
