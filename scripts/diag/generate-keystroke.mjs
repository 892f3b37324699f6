// Diagnostic: what one keystroke in the project name costs the generators, in Node: generateFile(pyproject.toml) (what the
// page writes on the main thread before the worker answers) and generate() (the worker's whole set), median of 500
// changes each with a new name (after 100 warm-up). Run from the repository root: node scripts/diag/generate-keystroke.mjs
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
const out = 'node_modules/.cache/slipway-genbench.mjs';
await build({ stdin: { contents: "export { generateFile, generate } from './src/lib/generators/index.ts'; export { PRESETS } from './src/lib/model/presets.ts';", resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error' });
const { generateFile, generate, PRESETS } = await import(new URL(`../../${out}`, import.meta.url).href);
const base = PRESETS.find((p) => p.id === 'fastapi-service').config();
const times = []; const all = [];
for (let i = 0; i < 600; i++) {
  const c = { ...base, project: { ...base.project, name: base.project.name + 'abcdefghij'.slice(0, i % 10) + (i % 7) } };
  let t = performance.now(); generateFile(c, 'pyproject.toml'); times.push(performance.now() - t);
  t = performance.now(); generate(c); all.push(performance.now() - t);
}
const med = (a) => a.slice(100).sort((x, y) => x - y)[Math.floor((a.length - 100) / 2)].toFixed(3);
console.log('pyproject median ms', med(times), ' whole set median ms', med(all));
