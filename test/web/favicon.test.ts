/** Issue 15: browsers ask for /favicon.ico on their own; it is answered, small and cacheable. */
import { describe, expect, it } from "vitest";
import { call } from "../support/web";

describe("/favicon.ico", () => {
	it("is a 16×16 32-bit icon, cacheable for a week", async () => {
		const res = await call("/favicon.ico");
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toBe("image/x-icon");
		expect(res.headers.get("cache-control")).toBe("public, max-age=604800");
		const bytes = new Uint8Array(await res.arrayBuffer());
		const v = new DataView(bytes.buffer);
		// ICONDIR: reserved 0, type 1 (icon), one image.
		expect([v.getUint16(0, true), v.getUint16(2, true), v.getUint16(4, true)]).toEqual([0, 1, 1]);
		// ICONDIRENTRY: 16×16, 32 bpp, its size and offset cover the rest of the file exactly.
		const [width, height] = [bytes[6], bytes[7]];
		const size = v.getUint32(14, true);
		const offset = v.getUint32(18, true);
		expect([width, height, v.getUint16(12, true)]).toEqual([16, 16, 32]);
		expect(offset + size).toBe(bytes.length);
		// BITMAPINFOHEADER: 16 wide, 32 high (image and mask), 32 bpp.
		expect([v.getUint32(offset, true), v.getInt32(offset + 4, true), v.getInt32(offset + 8, true)]).toEqual([
			40, 16, 32,
		]);
		expect(bytes.length).toBeLessThan(2000);
		// Bottom-left pixel (first in a BMP) is the opaque accent green, as B G R A.
		expect([...bytes.slice(offset + 40, offset + 44)]).toEqual([0x42, 0x5c, 0x0a, 0xff]);
	});

	it("answers HEAD, and /favicon.svg too", async () => {
		const head = await call("/favicon.ico", { method: "HEAD" });
		expect(head.status).toBe(200);
		const svg = await call("/favicon.svg");
		expect(svg.headers.get("content-type")).toBe("image/svg+xml");
		expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
	});
});
