// Run from the repository root after `npm run build`: node scripts/diag/tbt-probe.mjs [dir] [runs]
// Diagnostic: load the page N times at phone size with 4x CPU throttling (CDP) and report
// long tasks after FCP (an in-browser Total Blocking Time proxy) and island timings.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
const dir = process.argv[2] || 'build';
const N = +(process.argv[3] || 5);
const port = 4600 + Math.floor(Math.random() * 100);
const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore', env: { ...process.env, SLIPWAY_OUT: dir } });
await new Promise((r) => setTimeout(r, 800));
const results = [];
try {
	for (let i = 0; i < N; i++) {
		const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
		const page = await browser.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await page.addInitScript(() => {
			window.__lt = [];
			new PerformanceObserver((l) => window.__lt.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`http://127.0.0.1:${port}/`);
		await page.waitForTimeout(4000);
		const r = await page.evaluate(() => {
			const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
			const marks = performance.getEntriesByType('mark');
			const islands = {};
			for (const m of marks) if (m.name.startsWith('island-end:')) {
				const s = marks.find((x) => x.name === m.name.replace('end', 'start'));
				islands[m.name.slice(11)] = Math.round(m.startTime - s.startTime);
			}
			const lt = window.__lt.map(([s, d]) => [Math.round(s), Math.round(d)]);
			const tbt = lt.filter(([s]) => s >= fcp).reduce((a, [, d]) => a + Math.max(0, d - 50), 0);
			return { fcp: Math.round(fcp), tbt, lt, islands };
		});
		results.push(r);
		console.log(JSON.stringify(r));
		await browser.close();
	}
} finally {
	child.kill();
}
const tb = results.map((r) => r.tbt).sort((a, b) => a - b);
console.log('median TBT (4x CPU):', tb[Math.floor(tb.length / 2)], 'all', tb.join(' '));
