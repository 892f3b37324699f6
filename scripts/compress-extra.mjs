// After `vite build`: a .br and a .gz next to the web manifest, as adapter-static's `precompress`
// writes them for .html, .js, .json, .css, .svg, .xml and .wasm but not for .webmanifest. Hosts
// that compress on the fly (Netlify, Cloudflare Pages, nginx with gzip_types) send it compressed
// anyway; scripts/serve.mjs (sirv) serves only precompressed files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const out = process.env.SLIPWAY_OUT ?? 'build';
for (const name of ['manifest.webmanifest']) {
	const file = join(out, name);
	if (!existsSync(file)) continue;
	const body = readFileSync(file);
	writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
	writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
}
