// Benchmarks (`npm run bench`; not a test, nothing fails on a slow machine):
//   - generate(): the full file set for every preset x manager x target
//   - buildZip(): the zip of a preset's file set (jszip, as the page does)
//   - share link: encodeConfig / decodeConfig (src/lib/share/codec.ts)
//   - line diff: lineHunks (src/lib/state/diff.ts) over every file a keystroke, a manager switch and a preset
//     change alter, as the preview diffs them (its marks, its re-highlighting, its patch)
//   - first-load JS and CSS bytes (raw and gzip) of build/ (built first if missing)
// Median and p95 over many runs, after a warm-up. Prints tables and writes
// reports/bench.json.
//
// The TypeScript sources are bundled with esbuild (already used for the CLI)
// into node_modules/.cache, so this runs on Node 20 from a fresh checkout
// after `npm ci`.
//
//   node scripts/bench.mjs [--quick]
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { bundleStats, ensureBuild, kb, repoRoot, table } from './bundle-stats.mjs';

const quick = process.argv.includes('--quick');
const RUNS = { generate: quick ? 20 : 200, zip: quick ? 5 : 40, codec: quick ? 100 : 2000 };
const WARMUP = { generate: quick ? 3 : 20, zip: quick ? 1 : 5, codec: quick ? 10 : 100 };

const cacheDir = join(repoRoot, 'node_modules/.cache/slipway-bench');
mkdirSync(cacheDir, { recursive: true });
const lib = join(cacheDir, 'bench-lib.mjs');
await build({
	stdin: {
		contents: [
			"export { generate } from './src/lib/generators/index.ts';",
			"export { PRESETS } from './src/lib/model/presets.ts';",
			"export { PACKAGE_MANAGERS, TARGETS } from './src/lib/model/config.ts';",
			"export { DEFAULT_BACKEND } from './src/lib/model/defaults.ts';",
			"export { validateConfig } from './src/lib/model/validate.ts';",
			"export { encodeConfig, decodeConfig } from './src/lib/share/codec.ts';",
			"export { lineHunks } from './src/lib/state/diff.ts';",
			"export { buildZip } from './src/lib/output/zip.ts';"
		].join('\n'),
		resolveDir: repoRoot,
		loader: 'ts',
		sourcefile: 'bench-entry.ts'
	},
	outfile: lib,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	define: { __SLIPWAY_VERSION__: '"bench"' },
	logLevel: 'warning'
});
const L = await import(pathToFileURL(lib).href + `?t=${Date.now()}`);

function stats(samples) {
	const s = [...samples].sort((a, b) => a - b);
	const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
	return { runs: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
}

function time(fn, runs, warmup) {
	for (let i = 0; i < warmup; i++) fn();
	const samples = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		samples.push(performance.now() - t0);
	}
	return stats(samples);
}

async function timeAsync(fn, runs, warmup) {
	for (let i = 0; i < warmup; i++) await fn();
	const samples = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn();
		samples.push(performance.now() - t0);
	}
	return stats(samples);
}

const ms = (n) => n.toFixed(3);

function configFor(preset, manager, target) {
	const c = preset.config();
	if (c.packaging.manager !== manager) {
		c.packaging.manager = manager;
		c.packaging.backend = L.DEFAULT_BACKEND[manager];
	}
	c.target = target;
	return c;
}

// ---- generate(): every preset x manager x target -------------------------
const generateRows = [];
for (const preset of L.PRESETS) {
	for (const manager of L.PACKAGE_MANAGERS) {
		for (const target of L.TARGETS) {
			const config = configFor(preset, manager, target);
			const errors = L.validateConfig(config);
			if (errors.length) {
				generateRows.push({ preset: preset.id, manager, target, skipped: errors.map((e) => `${e.path}: ${e.message}`) });
				continue;
			}
			const files = L.generate(config);
			const bytes = files.reduce((a, f) => a + f.content.length, 0);
			const t = time(() => L.generate(config), RUNS.generate, WARMUP.generate);
			generateRows.push({ preset: preset.id, manager, target, files: files.length, bytes, ...t });
		}
	}
}
const measured = generateRows.filter((r) => !r.skipped);
const all = stats(measured.flatMap((r) => [r.median]));

console.log(`\ngenerate(): full file set, ${RUNS.generate} runs per combination (ms)\n`);
console.log(
	table(
		['preset', 'manager', 'target', 'files', 'KB', 'median', 'p95'],
		generateRows.map((r) =>
			r.skipped
				? [r.preset, r.manager, r.target, '-', '-', 'invalid', '-']
				: [r.preset, r.manager, r.target, r.files, kb(r.bytes), ms(r.median), ms(r.p95)]
		)
	)
);
console.log(
	`\n${measured.length} combinations (${generateRows.length - measured.length} invalid, skipped); ` +
		`median of medians ${ms(all.median)} ms, slowest median ${ms(all.max)} ms, ` +
		`worst p95 ${ms(Math.max(...measured.map((r) => r.p95)))} ms`
);

// ---- buildZip() ---------------------------------------------------------------
const zipRows = [];
for (const preset of L.PRESETS) {
	const config = preset.config();
	const files = L.generate(config);
	let size = 0;
	const t = await timeAsync(
		async () => {
			size = (await L.buildZip(files, config.project.name)).length;
		},
		RUNS.zip,
		WARMUP.zip
	);
	zipRows.push({ preset: preset.id, files: files.length, zipBytes: size, ...t });
}
console.log(`\nbuildZip(): ${RUNS.zip} runs per preset (ms)\n`);
console.log(
	table(
		['preset', 'files', 'zip KB', 'median', 'p95'],
		zipRows.map((r) => [r.preset, r.files, kb(r.zipBytes), ms(r.median), ms(r.p95)])
	)
);

// ---- share link ---------------------------------------------------------------
const codecRows = [];
for (const preset of L.PRESETS) {
	const config = preset.config();
	const link = L.encodeConfig(config);
	const back = L.decodeConfig(link);
	if (!back.ok) throw new Error(`share link of ${preset.id} does not decode: ${back.message}`);
	const enc = time(() => L.encodeConfig(config), RUNS.codec, WARMUP.codec);
	const dec = time(() => L.decodeConfig(link), RUNS.codec, WARMUP.codec);
	codecRows.push({ preset: preset.id, linkChars: link.length, encode: enc, decode: dec });
}
console.log(`\nShare link: ${RUNS.codec} runs per preset (ms)\n`);
console.log(
	table(
		['preset', 'chars', 'encode median', 'encode p95', 'decode median', 'decode p95'],
		codecRows.map((r) => [r.preset, r.linkChars, ms(r.encode.median), ms(r.encode.p95), ms(r.decode.median), ms(r.decode.p95)])
	)
);

// ---- line diff ---------------------------------------------------------------------
// The preview diffs the file shown (its lines' text for the marks and the re-highlighting, their HTML for the
// patch): here every file a change alters, its lines as new strings each run (as the page's are: split anew).
const diffRows = [];
{
	const base = L.PRESETS.find((p) => p.id === 'fastapi-service').config();
	const library = L.PRESETS.find((p) => p.id === 'library').config();
	const kinds = {
		keystroke: [base, { ...base, project: { ...base.project, name: `${base.project.name}x` } }],
		manager: [base, configFor(L.PRESETS.find((p) => p.id === 'fastapi-service'), 'poetry', base.target)],
		preset: [library, base]
	};
	for (const [kind, [from, to]] of Object.entries(kinds)) {
		const before = new Map(L.generate(from).map((f) => [f.path, f.content]));
		const pairs = L.generate(to)
			.filter((f) => before.has(f.path) && before.get(f.path) !== f.content)
			.map((f) => [before.get(f.path), f.content]);
		const lines = pairs.reduce((n, [, b]) => n + b.split('\n').length, 0);
		const t = time(() => pairs.forEach(([a, b]) => L.lineHunks(a.split('\n'), b.split('\n'))), RUNS.generate, WARMUP.generate);
		diffRows.push({ kind, files: pairs.length, lines, ...t });
	}
}
console.log(`\nLine diff: lineHunks over the files a change alters, ${RUNS.generate} runs (ms, splitting included)\n`);
console.log(table(['change', 'files', 'lines', 'median', 'p95'], diffRows.map((r) => [r.kind, r.files, r.lines, ms(r.median), ms(r.p95)])));

// ---- first-load bytes -------------------------------------------------------------
let bundle = null;
// After the timings (building would disturb them): build/ is built here when a fresh checkout has none.
ensureBuild();
if (existsSync(join(repoRoot, 'build/index.html'))) {
	const s = bundleStats(join(repoRoot, 'build'));
	bundle = {
		firstLoadJs: s.totals.firstLoadJs,
		firstLoadCss: s.totals.firstLoadCss,
		html: s.html,
		lazyJs: { bytes: s.lazy.reduce((a, r) => a + r.bytes, 0), gzip: s.lazy.reduce((a, r) => a + r.gzip, 0) },
		precache: { ...s.totals.precache, files: s.precache.length },
		chunks: s.firstLoad.map((r) => ({ file: r.file, bytes: r.bytes, gzip: r.gzip }))
	};
	console.log('\nFirst load of build/ (index.html + static imports; gzip -9)\n');
	console.log(
		table(
			['', 'bytes', 'gzip KB'],
			[
				['JS', bundle.firstLoadJs.bytes, kb(bundle.firstLoadJs.gzip)],
				['CSS', bundle.firstLoadCss.bytes, kb(bundle.firstLoadCss.gzip)],
				['index.html', bundle.html.bytes, kb(bundle.html.gzip)],
				['lazy JS (not first load)', bundle.lazyJs.bytes, kb(bundle.lazyJs.gzip)],
				[`precache (${bundle.precache.files} files)`, bundle.precache.bytes, kb(bundle.precache.gzip)]
			]
		)
	);
} else {
	console.log('\n(build/ not found: run `npm run build` for the first-load sizes)');
}

const report = {
	date: new Date().toISOString(),
	node: process.version,
	machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', platform: `${os.platform()} ${os.arch()}` },
	runs: RUNS,
	generate: { summary: { combinations: measured.length, medianOfMedians: all.median, slowestMedian: all.max }, rows: generateRows },
	zip: zipRows,
	shareLink: codecRows,
	lineDiff: diffRows,
	bundle
};
mkdirSync(join(repoRoot, 'reports'), { recursive: true });
writeFileSync(join(repoRoot, 'reports/bench.json'), JSON.stringify(report, null, '\t') + '\n');
console.log('\nwrote reports/bench.json');
