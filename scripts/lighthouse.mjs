// Lighthouse against the built site (`npm run build` first), served by
// scripts/serve.mjs, in Debian's Chromium: three runs, mobile emulation
// (Lighthouse's default form factor and simulated throttling), median score
// per category. Writes reports/lighthouse.json (summary, every run's scores,
// failing audits) and reports/lighthouse-median.json (the full report of the
// median run, viewable at https://googlechrome.github.io/lighthouse/viewer/).
//
// Targets: performance >= 98, accessibility 100, best practices 100, SEO >= 90.
// Exit code 1 when a median misses its target (--no-fail: report only).
//
//   node scripts/lighthouse.mjs [--runs 3] [--no-fail]
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureBuild, repoRoot, table } from './bundle-stats.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const TARGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 90 };

const args = process.argv.slice(2);
const runsFlag = args.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 3;
const noFail = args.includes('--no-fail');
const chromePath = process.env.CHROME_PATH || CHROMIUM_PATH;
const base = (process.env.SLIPWAY_BASE ?? '').replace(/\/$/, '');

ensureBuild();
if (!existsSync(chromePath)) {
	console.error(`Chromium not found at ${chromePath} (set CHROMIUM_PATH, or run node scripts/ensure-chromium.mjs).`);
	process.exit(1);
}

const freePort = () =>
	new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});

/** Serve a snapshot of build/, so a rebuild during the runs cannot mix two builds. */
const snapshot = mkdtempSync(join(tmpdir(), 'slipway-lighthouse-'));
cpSync(join(repoRoot, 'build'), join(snapshot, 'build'), { recursive: true });

async function startServer() {
	const port = await freePort();
	// SLIPWAY_SERVE_SCRIPT: another server script taking `--port N` (e.g. to compare hosts' behaviour).
	const script = process.env.SLIPWAY_SERVE_SCRIPT || join(repoRoot, 'scripts/serve.mjs');
	const child = spawn(process.execPath, [script, '--port', String(port)], {
		cwd: snapshot,
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const url = `http://127.0.0.1:${port}${base}/`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return { child, url };
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error(`scripts/serve.mjs did not answer at ${url}`);
}

const server = await startServer();
const runs = [];
try {
	for (let i = 1; i <= RUNS; i++) {
		const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS });
		try {
			const result = await lighthouse(server.url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: Object.keys(TARGETS)
			});
			if (!result) throw new Error('Lighthouse returned no result');
			const lhr = result.lhr;
			if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
			runs.push(lhr);
			const scores = Object.fromEntries(Object.keys(TARGETS).map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
			console.log(`run ${i}/${RUNS}: ${JSON.stringify(scores)}`);
		} finally {
			await chrome.kill();
		}
	}
} finally {
	server.child.kill();
	rmSync(snapshot, { recursive: true, force: true });
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const score = (lhr, c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
const summary = Object.fromEntries(
	Object.entries(TARGETS).map(([c, target]) => {
		const all = runs.map((r) => score(r, c));
		const m = median(all);
		return [c, { median: m, runs: all, target, ok: m >= target }];
	})
);

/** Audits below a perfect score, per category, from the median-performance run. */
const medianRun = computeMedianRun(runs);
const failing = {};
for (const c of Object.keys(TARGETS)) {
	failing[c] = medianRun.categories[c].auditRefs
		.filter((ref) => ref.weight > 0)
		.map((ref) => medianRun.audits[ref.id])
		.filter((a) => a.score !== null && a.score < 1)
		.map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue ?? '' }));
}
const metrics = Object.fromEntries(
	['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map(
		(id) => [id, { median: median(runs.map((r) => r.audits[id]?.numericValue ?? 0)), unit: runs[0].audits[id]?.numericUnit }]
	)
);

console.log(`\nLighthouse ${runs[0].lighthouseVersion}, ${RUNS} runs, mobile emulation, ${server.url}\n`);
console.log(
	table(
		['category', 'median', 'runs', 'target', ''],
		Object.entries(summary).map(([c, s]) => [c, s.median, s.runs.join(' / '), `>= ${s.target}`, s.ok ? 'ok' : 'MISSED'])
	)
);
console.log('\nMedian metrics:');
for (const [id, m] of Object.entries(metrics)) console.log(`  ${id}: ${m.unit === 'millisecond' ? `${Math.round(m.median)} ms` : m.median.toFixed(3)}`);
for (const [c, list] of Object.entries(failing)) {
	if (list.length) {
		console.log(`\n${c}: audits below 100 (median run)`);
		for (const a of list) console.log(`  - ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
	}
}

mkdirSync(join(repoRoot, 'reports'), { recursive: true });
writeFileSync(
	join(repoRoot, 'reports/lighthouse.json'),
	JSON.stringify(
		{
			date: new Date().toISOString(),
			lighthouse: runs[0].lighthouseVersion,
			userAgent: runs[0].environment?.hostUserAgent,
			url: server.url,
			formFactor: runs[0].configSettings.formFactor,
			runs: RUNS,
			scores: summary,
			metrics,
			failingAudits: failing
		},
		null,
		'\t'
	) + '\n'
);
writeFileSync(join(repoRoot, 'reports/lighthouse-median.json'), JSON.stringify(medianRun));
console.log('\nwrote reports/lighthouse.json and reports/lighthouse-median.json');

const missed = Object.entries(summary).filter(([, s]) => !s.ok);
if (missed.length && !noFail) {
	console.error(`\nTargets missed: ${missed.map(([c, s]) => `${c} ${s.median} < ${s.target}`).join(', ')}`);
	process.exit(1);
}
