// Diagnostic: a Chromium trace of a few changes of one kind (target|manager|preset|keystroke): what the browser does
// in the change's own task (hit tests, event dispatch, style and layout) and in the tasks after it.
//   node scripts/diag/trace-click.mjs <kind> [build dir]
//   CSS="section.preview { contain: layout }" adds a style first (to try a rule before writing it); the output ends with
//   the Layout events in the change's task (dirty objects, partial or full) and per-change totals of style, layout, paint, commit.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { changes, serve } from './page.mjs';
const kind = process.argv[2] ?? 'target';
const port = await serve(process.argv[3] ?? 'build');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: Boolean(process.env.CSS) });
await page.goto(`http://127.0.0.1:${port}/`);
await page.locator('[data-island="wizard"][data-live]').waitFor({ state: 'attached' });
await page.locator('section.preview [data-testid="file-content"]').waitFor(); if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
const acts = changes(page, kind);
await acts[0]();
for (let i = 0; i < 4; i++) { await acts[1](i); await page.waitForTimeout(400); }
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'toplevel'] });
const N = 12;
for (let i = 0; i < N; i++) { await acts[1](i); await page.waitForTimeout(500); }
const buf = await browser.stopTracing();
await browser.close();
const { traceEvents } = JSON.parse(String(buf));
// main thread of renderer: thread named CrRendererMain
const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const ev = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
// tasks that contain an EventDispatch of click/keydown
const tasks = ev.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
const isAct = (e) => e.name === 'EventDispatch' && ['click', 'keydown', 'pointerdown'].includes(e.args?.data?.type);
const actTasks = tasks.filter((t) => ev.some((e) => isAct(e) && e.ts >= t.ts && e.ts < t.ts + t.dur));
const sums = new Map();
for (const t of actTasks) for (const e of ev) if (e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t) { sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur); }
console.log(`${actTasks.length} act tasks; mean task ${(actTasks.reduce((a, t) => a + t.dur, 0) / actTasks.length / 1000).toFixed(2)} ms`);
for (const t of actTasks.slice(0, 40)) { const names = ev.filter((e) => isAct(e) && e.ts >= t.ts && e.ts < t.ts + t.dur).map((e) => e.args.data.type); console.log('  task', (t.dur / 1000).toFixed(2), names.join(',')); }
for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(((v / N) / 1000).toFixed(3).padStart(8), k);
// one task in detail
const pick = actTasks.filter((t) => ev.some((e) => isAct(e) && e.args.data.type === (kind === "keystroke" ? "keydown" : "click") && e.ts >= t.ts && e.ts < t.ts + t.dur)).slice(2, 4);
for (const t of pick) {
  console.log('--- task', (t.dur / 1000).toFixed(2));
  const inner = ev.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 80).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of inner) { while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop(); if (stack.length < 9) console.log(`${((e.ts - t.ts) / 1000).toFixed(2).padStart(6)} ${'  '.repeat(stack.length)}${e.name} ${(e.dur / 1000).toFixed(2)}${e.args?.data?.type ? ' ' + e.args.data.type : ''}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''}`); stack.push(e); }
}
// tasks following each act task (30 ms), with their main slices
console.log('=== following tasks');
for (const t of pick) {
  console.log('--- after task at', (t.dur / 1000).toFixed(2));
  const after = tasks.filter((u) => u.ts >= t.ts + t.dur && u.ts < t.ts + t.dur + 30000 && u.dur > 100 && u.name === 'ThreadControllerImpl::RunTask');
  for (const u of after) {
    const inner = ev.filter((e) => e.ts >= u.ts && e.ts + e.dur <= u.ts + u.dur && e.dur > 150 && e !== u).sort((a, b) => a.ts - b.ts);
    console.log(`  +${((u.ts - t.ts - t.dur) / 1000).toFixed(2)} task ${(u.dur / 1000).toFixed(2)}: ` + inner.slice(0, 14).map((e) => `${e.name}${e.args?.data?.functionName ? '(' + e.args.data.functionName + ')' : ''} ${(e.dur / 1000).toFixed(2)}`).join(' | '));
  }
}
const lay = ev.filter((e) => e.name === 'Layout' && e.args?.beginData);
const inAct = lay.filter((e) => pick.some((t) => e.ts >= t.ts && e.ts < t.ts + t.dur));
for (const e of inAct) console.log('LAYOUT in click task', (e.dur / 1000).toFixed(2), JSON.stringify(e.args.beginData), JSON.stringify(e.args.endData ?? {}).slice(0, 200));
const all = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && (e.name === 'Layout' || e.name === 'UpdateLayoutTree' || e.name === 'Paint' || e.name === 'Commit'));
const tot = {}; for (const e of all) if (e.dur) tot[e.name] = (tot[e.name] ?? 0) + e.dur; for (const k in tot) console.log('TOTAL per change', k, (tot[k] / N / 1000).toFixed(2));
process.exit(0);
