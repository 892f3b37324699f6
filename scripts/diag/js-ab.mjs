// Diagnostic: the page's own JavaScript in a change's task, from a Chromium trace, for two builds side by side
// (interleaved in batches, so the machine's drift falls on both): the outermost script calls (v8.callFunction)
// of each task that dispatches the change's event (click, or keydown for a keystroke), summed per change. This is
// the page's share of bench-ui's "text" without the browser's input routing, whose noise hides a 0.2 ms change.
//   node scripts/diag/js-ab.mjs <kind: keystroke|manager|target|preset> <build A> [build B] [batches 6] [changes per batch 10]
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { changes, serve } from './page.mjs';
const [kind = 'manager', dirA = 'build', dirB, batches = '6', per = '10'] = process.argv.slice(2);
const dirs = dirB ? [dirA, dirB] : [dirA];
async function open(dir) {
	const port = await serve(dir);
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	await page.goto(`http://127.0.0.1:${port}/`);
	await page.locator('[data-island="wizard"][data-live]').waitFor({ state: 'attached' });
	await page.locator('section.preview [data-testid="file-content"]').waitFor();
	const acts = changes(page, kind);
	await acts[0]();
	await page.waitForTimeout(300);
	for (let i = 0; i < 6; i++) { await acts[1](i); await page.waitForTimeout(250); }
	return { browser, page, act: acts[1], dir, js: [], n: 6 };
}
/** One change's calls over 0.1 ms (event type : function : ms), then its task's other events over 0.1 ms (layout, parse, GC). */
function detail(ev, calls, inT) {
	const ms = (e) => (e.dur / 1000).toFixed(2);
	const call = (c) => {
		const fn = ev.find((e) => e.name === 'FunctionCall' && e.ts >= c.ts && e.ts < c.ts + 5)?.args?.data?.functionName || '?';
		const type = ev.filter((e) => e.name === 'EventDispatch' && e.ts <= c.ts && e.ts + e.dur >= c.ts + c.dur).at(-1)?.args?.data?.type ?? '-';
		return `${type}:${fn}:${ms(c)}`;
	};
	const wrapper = /callFunction|FunctionCall|RunTask|EventDispatch|RunMicrotasks|handle|EventHandler|InputHandler/;
	const others = ev.filter((e) => inT(e) && e.dur > 100 && !wrapper.test(e.name)).map((e) => `${e.name}:${ms(e)}`);
	return `${calls.filter((c) => c.dur > 100).map(call).join(' ')} | ${others.join(' ')}`;
}
const sides = [];
for (const d of dirs) sides.push(await open(d));
const want = kind === 'keystroke' ? 'keydown' : 'click';
for (let b = 0; b < Number(batches); b++) {
	for (const s of sides) {
		await s.browser.startTracing(s.page, { categories: ['devtools.timeline', 'toplevel', 'v8'] });
		for (let i = 0; i < Number(per) + 3; i++) { await s.act(s.n++); await s.page.waitForTimeout(250); }
		const { traceEvents } = JSON.parse(String(await s.browser.stopTracing()));
		const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
		const ev = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
		const tasks = ev.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
		// The first changes after tracing starts run slower (the trace's own start-up): not counted.
		let skip = 3;
		for (const t of tasks) {
			const inT = (e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur;
			if (!ev.some((e) => e.name === 'EventDispatch' && e.args?.data?.type === want && inT(e))) continue;
			const calls = ev.filter((e) => e.name === 'v8.callFunction' && inT(e)).sort((x, y) => x.ts - y.ts);
			if (skip-- > 0) continue;
			let sum = 0;
			let end = 0;
			for (const c of calls) if (c.ts >= end) { sum += c.dur; end = c.ts + c.dur; }
			s.js.push(sum / 1000);
			if (process.env.DETAIL) console.log(s.dir, (sum / 1000).toFixed(2), detail(ev, calls, inT));
		}
	}
}
const q = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
for (const s of sides) console.log(`${kind} ${s.dir}: ${s.js.length} changes, page JS in the change's task: median ${q(s.js, 0.5).toFixed(2)} ms, p25 ${q(s.js, 0.25).toFixed(2)}, p75 ${q(s.js, 0.75).toFixed(2)}`);
for (const s of sides) await s.browser.close();
process.exit(0);
