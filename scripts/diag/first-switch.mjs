// Diagnostic: a target switch to a configuration never shown before (the bench's target kind flips
// between two, so from its third sample on both sets are known): each sample types a new letter into
// the project name, waits `--pause` ms (the page is idle: time for the look-ahead), then clicks the
// other target; event -> first change in the preview's tree (a MutationObserver), median and p95.
//   node scripts/diag/first-switch.mjs [--dir build] [--samples 10] [--pause 800]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const DIR = opt('dir', 'build');
const SAMPLES = Number(opt('samples', 10));
const PAUSE = Number(opt('pause', 800));
const port = 4800 + Math.floor(Math.random() * 100);
const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore', env: { ...process.env, SLIPWAY_OUT: DIR, SLIPWAY_BASE: '' } });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	await page.goto(`http://127.0.0.1:${port}/`);
	await page.locator('section.preview [data-testid="file-content"]').waitFor();
	await page.evaluate(() => {
		const w = window;
		w.__fs = { start: 0, times: [] };
		addEventListener('click', (e) => e.isTrusted && w.__fs.armed && !w.__fs.start && (w.__fs.start = e.timeStamp), true);
		new MutationObserver(() => {
			if (!w.__fs.start) return;
			w.__fs.times.push(performance.now() - w.__fs.start);
			w.__fs.start = 0;
			w.__fs.armed = false;
		}).observe(document.querySelector('[data-testid="file-tree"]'), { subtree: true, childList: true, characterData: true, attributes: true });
	});
	const tab = (n) => page.getByRole('tab', { name: new RegExp(`^\\W*\\d?\\s*${n}`) }).click();
	for (let i = 0; i < SAMPLES; i++) {
		await tab('Project');
		const name = page.getByLabel('Project name', { exact: true });
		await name.click();
		await page.keyboard.press('End');
		await page.keyboard.press('abcdefghijklmnopqrstuvwxyz'[i % 26]);
		await tab('Deployment');
		await page.locator('section.preview:not([data-pending])').waitFor({ state: 'attached' });
		await page.waitForTimeout(PAUSE);
		await page.evaluate(() => (window.__fs.armed = true));
		await page.getByRole('group', { name: 'Deployment target' }).getByRole('radio', { name: new RegExp(`^(${i % 2 ? 'Docker' : 'Kubernetes'})\\b`) }).first().check();
		await page.waitForFunction((n) => window.__fs.times.length > n, i, { timeout: 10_000 });
		await page.locator('section.preview:not([data-pending])').waitFor({ state: 'attached' });
	}
	const t = (await page.evaluate(() => window.__fs.times)).sort((a, b) => a - b);
	const q = (p) => t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)];
	console.log(`${DIR}: first switch to a new config's other target, event -> tree changed: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms (${t.length} samples, ${PAUSE} ms pause before each)`);
} finally {
	await browser.close();
	child.kill();
}
