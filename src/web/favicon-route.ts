/**
 * /favicon.ico, which browsers ask for on their own: a 16×16 icon (a white tick on
 * the accent green), built once from a pixel map as a 32-bit BMP inside an ICO, and
 * cacheable for a week. Also /favicon.svg for browsers that prefer it.
 */
import { Hono } from "hono";
import { lazy } from "../lib/lazy";
import type { AppEnv } from "./context";

const SIZE = 16;
/** "#": the tick, ".": background. Top row first. */
const PIXELS = [
	"................",
	"................",
	"................",
	"................",
	"............##..",
	"...........###..",
	"..........###...",
	".........###....",
	"..##....###.....",
	"..###..###......",
	"...######.......",
	"....####........",
	".....##.........",
	"................",
	"................",
	"................",
];
const BACKGROUND = [0x42, 0x5c, 0x0a, 0xff]; // #0a5c42, as B G R A
const TICK = [0xff, 0xff, 0xff, 0xff];

function buildIco(): Uint8Array {
	const xor = SIZE * SIZE * 4;
	const and = SIZE * 4; // 1 bit per pixel, rows padded to 4 bytes: all 0 (opaque)
	const image = 40 + xor + and;
	const out = new Uint8Array(6 + 16 + image);
	const v = new DataView(out.buffer);
	v.setUint16(2, 1, true); // type: icon
	v.setUint16(4, 1, true); // one image
	out[6] = SIZE;
	out[7] = SIZE;
	v.setUint16(10, 1, true); // planes
	v.setUint16(12, 32, true); // bits per pixel
	v.setUint32(14, image, true);
	v.setUint32(18, 22, true); // offset of the image
	v.setUint32(22, 40, true); // BITMAPINFOHEADER
	v.setInt32(26, SIZE, true);
	v.setInt32(30, SIZE * 2, true); // XOR and AND masks together
	v.setUint16(34, 1, true);
	v.setUint16(36, 32, true);
	v.setUint32(42, xor + and, true);
	let at = 62;
	for (let row = SIZE - 1; row >= 0; row--) {
		for (const ch of PIXELS[row] ?? "") {
			out.set(ch === "#" ? TICK : BACKGROUND, at);
			at += 4;
		}
	}
	return out;
}

// Drawn on the first request, not at startup (src/lib/lazy.ts).
const ICO = lazy(buildIco);
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0a5c42"/><path d="M3 9.5l3 2.5 7-8" fill="none" stroke="#fff" stroke-width="2.2"/></svg>`;
const CACHE = "public, max-age=604800";

export const faviconRoutes = new Hono<AppEnv>();

faviconRoutes.get("/favicon.ico", (c) =>
	c.body(ICO().slice().buffer, 200, { "content-type": "image/x-icon", "cache-control": CACHE }),
);
faviconRoutes.get("/favicon.svg", (c) => c.body(SVG, 200, { "content-type": "image/svg+xml", "cache-control": CACHE }));
