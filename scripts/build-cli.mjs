// Bundle the CLI (model + generators + smol-toml/js-yaml/jszip) into one Node ESM file, and
// make its folder a publishable npm package: package.json (from src/cli/package/, version from
// the root package.json) and README.md beside slipway.js. The bundle is self-contained, so the
// package has no dependencies: `npm pack dist/cli` gives a tarball that installs offline.
//
//   node scripts/build-cli.mjs [OUTDIR]     (default dist/cli)
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const template = JSON.parse(readFileSync(join(root, 'src/cli/package/package.template.json'), 'utf8'));
const outdir = resolve(process.argv[2] ?? join(root, 'dist/cli'));
const bin = Object.values(template.bin);
if (bin.length !== 1) throw new Error('src/cli/package/package.template.json: "bin" must name exactly one file (the bundle)');
const outfile = join(outdir, bin[0]);

mkdirSync(outdir, { recursive: true });
await build({
	entryPoints: [join(root, 'src/cli/bin.ts')],
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

// name first, then the version this build stamps into the bundle; no dependencies (bundled).
const { name, ...rest } = template;
const manifest = { name, version: pkg.version, ...rest };
writeFileSync(join(outdir, 'package.json'), JSON.stringify(manifest, null, '\t') + '\n');
copyFileSync(join(root, 'src/cli/package/README.md'), join(outdir, 'README.md'));
console.log(`CLI built: ${outfile} (package ${manifest.name}@${manifest.version} in ${outdir})`);
