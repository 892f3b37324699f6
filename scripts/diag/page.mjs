// Shared by the diagnostics that drive the app through one kind of change (trace-click.mjs, js-ab.mjs): the built
// site served on a free-ish port, and each kind's setup and change, as bench-ui.mjs makes them (clicks with
// Playwright's mouse at the element's centre, without locator.click()'s hit-target listener in the page).
import { spawn } from 'node:child_process';

const servers = [];
process.on('exit', () => servers.forEach((s) => s.kill('SIGKILL'))); // an error must not leave a server holding the caller's pipe

/** Serve `dir` (scripts/serve.mjs) and resolve with its port once it listens. */
export async function serve(dir) {
	const port = 4100 + Math.floor(Math.random() * 800);
	const srv = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SLIPWAY_OUT: dir, SLIPWAY_BASE: '' } });
	servers.push(srv);
	await new Promise((r) => srv.stdout.on('data', (d) => String(d).includes('running at') && r()));
	return port;
}

/** A click with the mouse at the centre of `locator`'s box. */
export async function clickAt(page, locator) {
	const b = await locator.boundingBox();
	await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

/** [setup, change(i)] of one kind of change: target, manager, preset or keystroke (two values alternating). */
export function changes(page, kind) {
	const tab = (name) => clickAt(page, page.getByRole('tab', { name: new RegExp(`^\\W*\\d?\\s*${name}`) }));
	const radio = (g, o) => clickAt(page, page.getByRole('group', { name: g }).getByRole('radio', { name: new RegExp(`^(${o})\\b`) }).first());
	const all = {
		target: [() => tab('Deployment'), (i) => radio('Deployment target', i % 2 ? 'Docker' : 'Kubernetes')],
		manager: [() => tab('Packaging'), (i) => radio('Package manager', i % 2 ? 'uv' : 'Poetry')],
		preset: [() => tab('Project'), (i) => clickAt(page, page.locator(`[data-preset="${i % 2 ? 'fastapi-service' : 'library'}"]`))],
		keystroke: [
			async () => {
				await tab('Project');
				await clickAt(page, page.getByLabel('Project name', { exact: true }));
				await page.keyboard.press('End');
			},
			(i) => page.keyboard.press('abcdefghij'[i % 10])
		]
	};
	if (!all[kind]) throw new Error(`unknown kind ${kind}: one of ${Object.keys(all).join(', ')}`);
	return all[kind];
}
