// Run from the repository root after `npm run build` (SLIPWAY_NOMINIFY=1 for names): [FOCUS=fn] [CALLERS=fn] node scripts/diag/cpu-profile.mjs [dir] [nself] [nincl]
// Diagnostic: CPU profile of the first 3 s of a page load (phone viewport), top functions by self and inclusive time.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { profileTimes, top as topOf } from './profile-times.mjs';
const port = 4500 + Math.floor(Math.random() * 100);
const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore', env: { ...process.env, SLIPWAY_OUT: process.argv[2] || 'build' } });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
	await cdp.send('Profiler.start');
	await page.goto(`http://127.0.0.1:${port}/`);
	await page.waitForTimeout(2500);
	const { profile } = await cdp.send('Profiler.stop');
	const { nodes, parent, dt, name, self, incl } = profileTimes(profile);
	const top = (o, k) => topOf(o, k, 7);
	const focus = process.env.FOCUS;
	if (focus) {
		// Self time of functions called (at any depth) under a function whose name starts with FOCUS.
		const under = {};
		for (const [id, ms] of dt) {
			let inside = false;
			for (let m = parent.get(id); m != null; m = parent.get(m)) if (name(nodes.get(m)).startsWith(focus)) inside = true;
			if (!inside && !name(nodes.get(id)).startsWith(focus)) continue;
			const k = name(nodes.get(id));
			under[k] = (under[k] ?? 0) + ms;
		}
		console.log(`SELF under ${focus}\n` + top(under, 40));
	}
	const callers = process.env.CALLERS;
	if (callers) {
		// Where the self time of functions named CALLERS comes from: their call stacks, 4 frames up.
		const stacks = {};
		for (const [id, ms] of dt) {
			if (!name(nodes.get(id)).startsWith(callers)) continue;
			const path = [];
			for (let m = parent.get(id); m != null && path.length < 4; m = parent.get(m)) path.push(name(nodes.get(m)));
			const k = path.join(' < ');
			stacks[k] = (stacks[k] ?? 0) + ms;
		}
		console.log(`CALLERS of ${callers}\n` + top(stacks, 12));
	}
	console.log('SELF\n' + top(self, +(process.argv[3] || 25)) + '\nINCLUSIVE\n' + top(incl, +(process.argv[4] || 60)));
} finally {
	await browser.close();
	child.kill();
}
