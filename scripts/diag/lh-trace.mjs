// Run from the repository root after `npm run build`: node scripts/diag/lh-trace.mjs [dir]
// Diagnostic (not part of the tests): one Lighthouse run, printing main-thread tasks with their breakdown.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
const port = 4400 + Math.floor(Math.random() * 100);
const dir = process.argv[2] || 'build';
const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore', env: { ...process.env, SLIPWAY_OUT: dir } });
await new Promise((r) => setTimeout(r, 800));
const url = `http://127.0.0.1:${port}/`;
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });
try {
	const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
	const lhr = result.lhr;
	const a = lhr.audits;
	console.log('score', lhr.categories.performance.score * 100, 'FCP', a['first-contentful-paint'].numericValue | 0, 'LCP', a['largest-contentful-paint'].numericValue | 0, 'TBT', a['total-blocking-time'].numericValue | 0, 'SI', a['speed-index'].numericValue | 0, 'TTI', a.interactive.numericValue | 0);
	const events = result.artifacts.Trace.traceEvents;
	mkdirSync('/tmp/lh', { recursive: true });
	writeFileSync('/tmp/lh/trace.json', JSON.stringify(events));
	// main thread: the renderer's CrRendererMain
	const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
	const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
	const t0 = nav?.ts ?? 0;
	for (const n of names) {
		const evs = events.filter((e) => e.pid === n.pid && e.tid === n.tid && e.ph === 'X' && e.ts >= t0);
		const tasks = evs.filter((e) => e.name === 'RunTask' && e.dur > 3000);
		if (!tasks.length) continue;
		console.log('--- pid', n.pid);
		for (const t of tasks) {
			const inside = evs.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur);
			const agg = {};
			for (const e of inside) if (/^(ParseHTML|Layout|UpdateLayoutTree|EvaluateScript|FunctionCall|v8.compile|v8.compileModule|V8.CompileCode|EventDispatch|TimerFire|RunMicrotasks|Paint|PrePaint|Layerize|HitTest|ParseAuthorStyleSheet|v8.evaluateModule|FireAnimationFrame|v8.parseOnBackground|MajorGC|MinorGC|ScheduleStyleRecalculation|CpuProfiler::StartProfiling|V8.GC_MC_BACKGROUND_MARKING)$/.test(e.name)) agg[e.name] = (agg[e.name] || 0) + e.dur / 1000;
			const marks = events.filter((e) => (e.cat || '').includes('blink.user_timing') && e.ts >= t.ts && e.ts <= t.ts + t.dur).map((e) => e.name + '@+' + ((e.ts - t.ts) / 1000).toFixed(1));
			console.log(((t.ts - t0) / 1000).toFixed(0).padStart(6), 'ms', (t.dur / 1000).toFixed(1).padStart(6), JSON.stringify(Object.fromEntries(Object.entries(agg).map(([k, v]) => [k, +v.toFixed(1)]))), marks.join(' '));
		}
	}
	const lt = a['long-tasks']?.details?.items ?? [];
	console.log('long-tasks (simulated):', lt.map((i) => `${i.url?.split('/').pop()}@${i.startTime | 0}:${i.duration | 0}`).join(' '));
} finally {
	await chrome.kill();
	child.kill();
}
