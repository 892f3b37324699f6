// Bundle the CLI (model + generators + smol-toml/js-yaml/jszip) into one Node ESM file.
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = 'dist/cli/slipway.js';
await build({
	entryPoints: ['src/cli/bin.ts'],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	banner: { js: '#!/usr/bin/env node' },
	define: { __SLIPWAY_VERSION__: JSON.stringify(pkg.version) },
	legalComments: 'none',
	logLevel: 'warning'
});
chmodSync(outfile, 0o755);
console.log(`CLI built: ${outfile}`);
