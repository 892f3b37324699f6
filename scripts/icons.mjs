// Generate Slipway's icons from one geometry: the PNGs
// under static/icons/ (192 and 512 "any", 512 maskable, 180 apple-touch-icon,
// 32 favicon). No dependencies: a tiny supersampling rasteriser + a PNG
// encoder on node:zlib. Deterministic: same script, same bytes.
//
//   node scripts/icons.mjs        (outputs are committed; rerun after a change)
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const ACCENT = [0x0b, 0x5c, 0xad]; // --accent of the page (light scheme)
const WHITE = [0xff, 0xff, 0xff];

/** Foreground shapes in a unit square: a boat on an inclined slipway. */
const SHAPES = [
	// sail
	[
		[0.5, 0.18],
		[0.5, 0.47],
		[0.72, 0.47]
	],
	// mast foot / second sail
	[
		[0.46, 0.26],
		[0.46, 0.47],
		[0.32, 0.47]
	],
	// hull
	[
		[0.2, 0.51],
		[0.8, 0.51],
		[0.7, 0.65],
		[0.3, 0.65]
	],
	// ramp
	[
		[0.12, 0.8],
		[0.88, 0.7],
		[0.88, 0.77],
		[0.12, 0.87]
	]
];

function inPolygon(poly, x, y) {
	let inside = false;
	for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
		const [xi, yi] = poly[i];
		const [xj, yj] = poly[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

function inRoundedSquare(x, y, r) {
	const cx = Math.min(Math.max(x, r), 1 - r);
	const cy = Math.min(Math.max(y, r), 1 - r);
	return x >= 0 && x <= 1 && y >= 0 && y <= 1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/**
 * @param {number} size pixels
 * @param {{ radius: number, scale: number, opaque: boolean }} o
 *   radius: corner radius of the background (0 = full bleed);
 *   scale: foreground scale around the centre (maskable icons keep it in the safe zone);
 *   opaque: no transparent pixels (apple-touch-icon).
 */
function render(size, { radius, scale, opaque }) {
	const SS = 4;
	const rgba = Buffer.alloc(size * size * 4);
	const shapes = SHAPES.map((p) => p.map(([x, y]) => [0.5 + (x - 0.5) * scale, 0.5 + (y - 0.5) * scale]));
	for (let py = 0; py < size; py++) {
		for (let px = 0; px < size; px++) {
			let bg = 0;
			let fg = 0;
			for (let sy = 0; sy < SS; sy++) {
				for (let sx = 0; sx < SS; sx++) {
					const x = (px + (sx + 0.5) / SS) / size;
					const y = (py + (sy + 0.5) / SS) / size;
					const inBg = radius === 0 ? true : inRoundedSquare(x, y, radius);
					if (!inBg) continue;
					bg++;
					if (shapes.some((s) => inPolygon(s, x, y))) fg++;
				}
			}
			const n = SS * SS;
			const a = opaque ? 1 : bg / n;
			const f = bg === 0 ? 0 : fg / bg;
			const o = (py * size + px) * 4;
			for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(ACCENT[c] * (1 - f) + WHITE[c] * f);
			rgba[o + 3] = Math.round(a * 255);
		}
	}
	return rgba;
}

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
}
/**
 * PNG bytes of a size x size RGBA image, lossless. An icon has few distinct
 * colours (two, blended at the edges and the rounded corners): when they fit
 * in 256 the file is indexed (PLTE + tRNS), a quarter of the raw data, rows
 * unfiltered (the PNG spec, 12.8: filter type 0 for palette images). Else
 * RGBA, each row with the filter that leaves the smallest sum of absolute
 * differences (the spec's heuristic). icon-192.png, which Chromium fetches on
 * the first visit for the manifest, went 1986 -> 1444 bytes (issue 18.16),
 * the same pixels.
 */
function png(size, rgba) {
	const colours = new Map();
	for (let i = 0; i < rgba.length && colours.size <= 256; i += 4) {
		const key = rgba.readUInt32BE(i);
		if (!colours.has(key)) colours.set(key, colours.size);
	}
	const indexed = colours.size <= 256;
	const bpp = indexed ? 1 : 4;
	const pixels = indexed ? Buffer.alloc(size * size) : rgba;
	if (indexed) for (let i = 0; i < size * size; i++) pixels[i] = colours.get(rgba.readUInt32BE(i * 4));
	const stride = size * bpp;
	const raw = Buffer.alloc(size * (stride + 1));
	const prev = Buffer.alloc(stride);
	const line = Buffer.alloc(stride);
	for (let y = 0; y < size; y++) {
		const cur = pixels.subarray(y * stride, (y + 1) * stride);
		let best = null;
		for (let f = 0; f < (indexed ? 1 : 5); f++) {
			let cost = 0;
			for (let x = 0; x < stride; x++) {
				const a = x >= bpp ? cur[x - bpp] : 0;
				const b = y > 0 ? prev[x] : 0;
				const c = x >= bpp && y > 0 ? prev[x - bpp] : 0;
				const p = a + b - c;
				const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
				const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][f];
				line[x] = (cur[x] - pred) & 0xff;
				cost += line[x] < 128 ? line[x] : 256 - line[x];
			}
			if (!best || cost < best.cost) best = { f, cost, bytes: Buffer.from(line) };
		}
		raw[y * (stride + 1)] = best.f;
		best.bytes.copy(raw, y * (stride + 1) + 1);
		cur.copy(prev);
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = indexed ? 3 : 6; // palette or RGBA
	const extra = [];
	if (indexed) {
		const plte = Buffer.alloc(colours.size * 3);
		const trns = Buffer.alloc(colours.size);
		for (const [key, i] of colours) {
			plte[i * 3] = key >>> 24;
			plte[i * 3 + 1] = (key >>> 16) & 0xff;
			plte[i * 3 + 2] = (key >>> 8) & 0xff;
			trns[i] = key & 0xff;
		}
		let last = trns.length;
		while (last > 0 && trns[last - 1] === 0xff) last--;
		extra.push(chunk('PLTE', plte));
		if (last > 0) extra.push(chunk('tRNS', trns.subarray(0, last)));
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		...extra,
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const OUT = new URL('../static/', import.meta.url);
mkdirSync(new URL('icons/', OUT), { recursive: true });
const targets = [
	['icons/icon-192.png', 192, { radius: 0.22, scale: 1, opaque: false }],
	['icons/icon-512.png', 512, { radius: 0.22, scale: 1, opaque: false }],
	// Maskable: full bleed, foreground inside the central 80% safe circle.
	['icons/maskable-512.png', 512, { radius: 0, scale: 0.72, opaque: true }],
	['icons/maskable-192.png', 192, { radius: 0, scale: 0.72, opaque: true }],
	// iOS rounds the corners itself and shows transparency as black.
	['icons/apple-touch-icon.png', 180, { radius: 0, scale: 0.86, opaque: true }],
	['icons/favicon-32.png', 32, { radius: 0.22, scale: 1, opaque: false }]
];
for (const [file, size, opts] of targets) {
	writeFileSync(new URL(file, OUT), png(size, render(size, opts)));
	console.log(`wrote static/${file}`);
}
