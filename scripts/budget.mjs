// Bundle budgets, checked after `npm run build` (part of `npm test`):
//   first-load JS  <= 60 KB gzip (the project budget; aim: 50 KB)
//   precache total <= 400 KB gzip (everything the service worker stores)
// and every precached URL must exist in the build (else the worker's install
// fails and the app never works offline).
//
// Prints the first-load chunks sorted by size, the lazy chunks, and the
// change against the committed baseline (scripts/budget-baseline.json).
// Exit code 1 when a budget is broken.
//
//   node scripts/budget.mjs [--dir build] [--update-baseline]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleStats, kb, repoRoot, table } from './bundle-stats.mjs';

export const BUDGETS = {
	firstLoadJsGzip: 60 * 1024,
	firstLoadJsGzipAim: 50 * 1024,
	precacheGzip: 400 * 1024
};
const BASELINE = join(repoRoot, 'scripts/budget-baseline.json');

const args = process.argv.slice(2);
const dirFlag = args.indexOf('--dir');
const dir = dirFlag >= 0 ? args[dirFlag + 1] : 'build';
const stats = bundleStats(dir);

/** A name that survives rebuilds: hashes stripped from entry/node/asset names; shared chunks stay anonymous. */
const stable = (file) =>
	file
		.replace(/^_app\/immutable\//, '')
		.replace(/^(entry\/[\w-]+|nodes\/\d+|assets\/[\w-]+)\.[\w-]{8}(\.\w+)$/, '$1$2')
		.replace(/^chunks\/[\w-]{8}\.js$/, 'chunks/(shared)');

function summary() {
	/** @type {Record<string, number>} */
	const firstLoad = {};
	for (const r of stats.firstLoad) firstLoad[stable(r.file)] = (firstLoad[stable(r.file)] ?? 0) + r.gzip;
	return {
		firstLoadJsGzip: stats.totals.firstLoadJs.gzip,
		firstLoadCssGzip: stats.totals.firstLoadCss.gzip,
		lazyJsGzip: stats.lazy.reduce((a, r) => a + r.gzip, 0),
		precacheGzip: stats.totals.precache.gzip,
		firstLoad
	};
}

const now = summary();
console.log(`Bundle of ${dir}/ (gzip -9)\n`);
console.log('First load (index.html + static imports), largest first:');
console.log(
	table(
		['file', 'loaded by', 'bytes', 'gzip KB'],
		[
			...stats.firstLoad.map((r) => [r.file, r.via, r.bytes, kb(r.gzip)]),
			['total JS', '', stats.totals.firstLoadJs.bytes, kb(stats.totals.firstLoadJs.gzip)],
			['total CSS', '', stats.totals.firstLoadCss.bytes, kb(stats.totals.firstLoadCss.gzip)]
		]
	)
);
console.log('\nLazy chunks (dynamic import; precached, not first load):');
console.log(table(['file', 'bytes', 'gzip KB'], stats.lazy.map((r) => [r.file, r.bytes, kb(r.gzip)])));

let baseline = null;
if (existsSync(BASELINE)) baseline = JSON.parse(readFileSync(BASELINE, 'utf8'));
if (baseline) {
	const delta = (a, b) => {
		const d = a - b;
		return `${d >= 0 ? '+' : ''}${kb(d)}`;
	};
	const rows = [
		['first-load JS', kb(baseline.firstLoadJsGzip), kb(now.firstLoadJsGzip), delta(now.firstLoadJsGzip, baseline.firstLoadJsGzip)],
		['first-load CSS', kb(baseline.firstLoadCssGzip), kb(now.firstLoadCssGzip), delta(now.firstLoadCssGzip, baseline.firstLoadCssGzip)],
		['lazy JS', kb(baseline.lazyJsGzip), kb(now.lazyJsGzip), delta(now.lazyJsGzip, baseline.lazyJsGzip)],
		['precache', kb(baseline.precacheGzip), kb(now.precacheGzip), delta(now.precacheGzip, baseline.precacheGzip)]
	];
	const names = [...new Set([...Object.keys(baseline.firstLoad ?? {}), ...Object.keys(now.firstLoad)])].sort();
	for (const n of names) {
		const a = baseline.firstLoad?.[n] ?? 0;
		const b = now.firstLoad[n] ?? 0;
		if (Math.abs(b - a) >= 100) rows.push([`  ${n}`, kb(a), kb(b), delta(b, a)]);
	}
	console.log('\nAgainst scripts/budget-baseline.json (gzip KB; first-load files that moved by >= 0.1 KB):');
	console.log(table(['', 'baseline', 'now', 'change'], rows));
}

const missing = stats.precache.filter((r) => r.bytes < 0).map((r) => r.file);
const failures = [];
if (now.firstLoadJsGzip > BUDGETS.firstLoadJsGzip)
	failures.push(`first-load JS is ${kb(now.firstLoadJsGzip)} KB gzip, budget ${kb(BUDGETS.firstLoadJsGzip)} KB`);
if (now.precacheGzip > BUDGETS.precacheGzip)
	failures.push(`precache is ${kb(now.precacheGzip)} KB gzip, budget ${kb(BUDGETS.precacheGzip)} KB`);
if (missing.length) failures.push(`the service worker precaches files missing from ${dir}/: ${missing.join(', ')}`);
if (stats.precache.length === 0) failures.push(`no precache list found in ${dir}/service-worker.js`);

console.log(
	`\nfirst-load JS ${kb(now.firstLoadJsGzip)} KB gzip (budget ${kb(BUDGETS.firstLoadJsGzip)}, aim ${kb(BUDGETS.firstLoadJsGzipAim)}); ` +
		`precache ${kb(now.precacheGzip)} KB gzip in ${stats.precache.length} files (budget ${kb(BUDGETS.precacheGzip)})`
);

if (args.includes('--update-baseline')) {
	writeFileSync(BASELINE, JSON.stringify(now, null, '\t') + '\n');
	console.log(`wrote ${BASELINE}`);
}

if (failures.length) {
	console.error(`\nBUDGET BROKEN:\n  - ${failures.join('\n  - ')}`);
	process.exit(1);
}
console.log('budgets ok');
