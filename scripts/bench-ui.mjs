// The page's own speed, in Debian's Chromium, against the built site served locally
// (`npm run bench:ui`; a measurement, nothing fails on a slow machine):
//
//   1. Change to preview: for each kind of change (a keystroke in a text field, a manager
//      switch, a target switch, a preset), SAMPLES times: the time from the input event
//      (its event.timeStamp) to the first change of the preview's text (a DOM change inside
//      the preview section: the file shown, the tree or the "last edit" line), and to the
//      next frame after it (requestAnimationFrame, then a task: the frame has been rendered).
//      Median and p95. Then the floor: the same probe and inputs on a page that only echoes the change
//      (rows "floor: ..."), what the machine and the browser cost before any page work.
//   2. The first visit's bytes: a fresh profile loads the page and waits until the service
//      worker controls it and the network is quiet; every request of the page (and its
//      generator worker) and of the service worker (its precache) is counted from CDP's
//      Network events (encodedDataLength: bytes received, headers included), apart. The
//      count is checked against the server's own log (scripts/serve.mjs SLIPWAY_SERVE_LOG:
//      header + body bytes of each response); what the browser fetched outside any CDP
//      session (the service worker's script) is taken from that log ("browser").
//
// Prints both and writes reports/bench-ui.json.
//
//   node scripts/bench-ui.mjs [--dir build] [--samples 30] [--only latency|bytes] [--kinds manager,preset]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import os from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { profileTimes, top } from './diag/profile-times.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : fallback;
};
const DIR = opt('dir', process.env.SLIPWAY_OUT ?? 'build');
const SAMPLES = Number(opt('samples', 30));
const ONLY = opt('only', '');
const WARMUP = 3;
/** How long the page must have been still for a sample to count as over (its deferred and idle work done). */
const QUIET_MS = 150;
/** `--profile <kind>`: also record a CPU profile of the page's main thread over that kind's samples and print where the time went. */
const PROFILE = opt('profile', '');
/** `--kinds keystroke,preset,floor: key`: only these kinds (for A/B rounds of one kind); all by default. */
const KINDS = opt('kinds', '') ? opt('kinds', '').split(',') : null;

if (!existsSync(join(DIR, 'index.html'))) {
	console.error(`bench-ui: ${DIR}/index.html is missing: run \`npm run build\` first (or pass --dir).`);
	process.exit(1);
}

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

async function startServer() {
	const port = await freePort();
	// The server's own record of what it sent (scripts/serve.mjs), to check part 2's count against.
	const log = join(mkdtempSync(join(tmpdir(), 'slipway-bench-serve-')), 'requests.jsonl');
	const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], {
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, SLIPWAY_OUT: DIR, SLIPWAY_BASE: '', SLIPWAY_SERVE_LOG: log }
	});
	await new Promise((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`serve.mjs exited (${code})`)));
		child.stdout.on('data', (d) => String(d).includes('running at') && resolve());
	});
	return { url: `http://127.0.0.1:${port}/`, log, stop: () => child.kill('SIGTERM') };
}

function stats(samples) {
	const s = [...samples].sort((a, b) => a - b);
	const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
	const r = (x) => Math.round(x * 100) / 100;
	return { runs: s.length, median: r(q(0.5)), p95: r(q(0.95)), min: r(s[0]), max: r(s[s.length - 1]) };
}

// ---------------------------------------------------------------- 1. change to preview

/** Installed before the page's scripts: records when the page posts to its generator worker and when the answer arrives. */
function traceWorker() {
	const w = /** @type {any} */ (window);
	w.__benchWorker = { posts: [], replies: [] };
	const Native = w.Worker;
	if (!Native) return;
	w.Worker = class extends Native {
		constructor(...args) {
			super(...args);
			this.addEventListener('message', () => w.__benchWorker.replies.push(performance.now()));
		}
		postMessage(...args) {
			w.__benchWorker.posts.push(performance.now());
			return super.postMessage(...args);
		}
	};
}

/** Installed in the page: times from each trusted input event to the preview's next DOM change and the frame after it. */
function probe(settled) {
	const w = /** @type {any} */ (window);
	// `since`: the event of the sample under way (0 between samples); `last`/`lastFrame`: its last DOM change
	// anywhere in the page and the frame after that (the "settled" columns); `quietSince`: the page's last change.
	w.__bench = { armed: false, start: 0, acted: 0, results: [], since: 0, last: 0, lastFrame: 0, quietSince: performance.now() };
	const b = w.__bench;
	// The frame after a change: a task queued from the next animation frame runs once that frame is rendered. It is
	// queued at the highest priority (scheduler.postTask 'user-blocking', Chromium), so a task the page itself queued
	// from the same frame (work it put off until after the paint: src/lib/state/after-paint.svelte.ts) does not run
	// first and get counted in the frame; that work counts in "settled".
	const afterFrame = (fn) =>
		requestAnimationFrame(() => {
			if (w.scheduler?.postTask) w.scheduler.postTask(fn, { priority: 'user-blocking' });
			else {
				const ch = new MessageChannel();
				ch.port1.onmessage = fn;
				ch.port2.postMessage(0);
			}
		});
	const onEvent = (e) => {
		if (!b.armed || !e.isTrusted) return;
		// The event that changes the form (a click, a key): the press before it (pointerdown..click, two
		// CDP round trips apart) is the user's, not the page's. Reported apart as `press`.
		if (!b.acted && (e.type === 'click' || e.type === 'keydown')) b.acted = e.timeStamp;
		if (b.start) return;
		b.start = e.timeStamp;
		if (!b.since) b.since = e.timeStamp;
	};
	for (const type of ['keydown', 'pointerdown', 'mousedown', 'click', 'input', 'change']) addEventListener(type, onEvent, true);
	const section = document.querySelector('section.preview');
	if (!section) throw new Error('no preview section');
	new MutationObserver((records) => {
		if (!b.start) return;
		// Attribute flips (aria-busy while the generators work) are not the preview updating.
		if (!records.some((r) => r.type !== 'attributes')) return;
		const start = b.start;
		const press = b.acted ? b.acted - start : 0;
		b.start = 0;
		b.acted = 0;
		b.armed = false;
		const now = performance.now();
		const text = now - start;
		// The worker round trip of this change: the first post after the event, the last answer before the preview changed.
		const tw = w.__benchWorker ?? { posts: [], replies: [] };
		const post = tw.posts.find((t) => t >= start);
		const reply = [...tw.replies].reverse().find((t) => t <= now);
		const split = post !== undefined && reply !== undefined && reply >= post ? { toPost: post - start, worker: reply - post, render: now - reply } : null;
		// `at`: the event and the preview's change on the page's clock (performance.now()), for --profile-out's windows.
		afterFrame(() => b.results.push({ text, frame: performance.now() - start, split, press, at: [start, now] }));
	}).observe(section, { subtree: true, childList: true, characterData: true, attributes: true });
	// Settled: the sample's last DOM change anywhere in the page (the form, the tree, the worker's whole set, the
	// busy flags), and the frame after it.
	// Only in the settled pass: observing every change of the page costs the page time of its own, which the
	// text and frame columns (measured in a pass without it) must not carry.
	if (!settled) return;
	new MutationObserver(() => {
		const now = performance.now();
		b.quietSince = now;
		const since = b.since;
		if (!since) return;
		b.last = now - since;
		afterFrame(() => {
			if (b.since === since) b.lastFrame = performance.now() - since;
		});
	}).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** The floor's page: a text field, two radios and a button, each change written at once into the <pre> the probe watches. */
const FLOOR_HTML = `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench floor</title>
<main><label>Name <input id="name" value="demo"></label>
<fieldset><legend>Manager</legend><label><input type="radio" name="m" value="uv" checked> uv</label><label><input type="radio" name="m" value="poetry"> Poetry</label></fieldset>
<button type="button" id="go">Preset</button></main>
<section class="preview"><pre data-testid="file-content"><code></code></pre></section>
<script>
const code = document.querySelector('code');
let n = 0;
const show = (what) => (code.textContent = '[project]\\nname = "' + document.getElementById('name').value + '"\\n# ' + what + ' ' + ++n + '\\n');
document.getElementById('name').addEventListener('input', () => show('key'));
for (const r of document.querySelectorAll('input[type=radio]')) r.addEventListener('change', () => show(r.value));
document.getElementById('go').addEventListener('click', () => show('preset'));
show('start');
</script></html>`;

async function latency(url) {
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const out = {};
	try {
		const kinds = {
			keystroke: {
				async setup(page) {
					await tab(page, 'Project');
					const field = page.getByLabel('Project name', { exact: true });
					await field.click();
					await page.keyboard.press('End');
				},
				// Each keystroke adds a letter: a name never seen before, so no sample repeats an earlier file set.
				act: (page, i) => page.keyboard.press('abcdefghijklmnopqrstuvwxyz'[i % 26])
			},
			manager: {
				setup: (page) => tab(page, 'Packaging'),
				act: (page, i) => radio(page, 'Package manager', i % 2 ? 'uv' : 'Poetry')
			},
			target: {
				setup: (page) => tab(page, 'Deployment'),
				act: (page, i) => radio(page, 'Deployment target', i % 2 ? 'Docker' : 'Kubernetes')
			},
			preset: {
				setup: (page) => tab(page, 'Project'),
				act: (page, i) => clickAt(page.locator(`[data-preset="${i % 2 ? 'fastapi-service' : 'library'}"]`), (el) => el.getAttribute('aria-pressed') === 'true')
			}
		};
		// The floor: the same probe and the same Playwright inputs on a page that only echoes the change into a
		// <pre> (FLOOR_HTML): what this machine, this Chromium and the input path cost before any page work. Its
		// rows make runs on different machines comparable (the app's figure minus the floor is the page's own).
		const floorKinds = {
			'floor: key': {
				floor: true,
				async setup(page) {
					await page.getByLabel('Name', { exact: true }).click();
					await page.keyboard.press('End');
				},
				act: (page, i) => page.keyboard.press('abcdefghijklmnopqrstuvwxyz'[i % 26])
			},
			'floor: radio': { floor: true, setup: async () => {}, act: (page, i) => clickAt(page.getByRole('radio', { name: i % 2 ? 'uv' : 'Poetry', exact: true }), (el) => el.checked) },
			'floor: button': { floor: true, setup: async () => {}, act: (page) => clickAt(page.getByRole('button', { name: 'Preset' }), null) }
		};
		if (!PROFILE) Object.assign(kinds, floorKinds);
		/** One pass of a kind on a fresh page: its samples (with `settled`, the page observed whole: a pass of its own). */
		const pass = async (kind, k, settled) => {
			const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
			await page.addInitScript(traceWorker);
			if (k.floor) {
				await page.route(`${url}__bench-floor.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: FLOOR_HTML }));
				await page.goto(`${url}__bench-floor.html`);
			} else {
				await page.goto(url);
				await page.locator('[data-island="wizard"][data-live]').waitFor({ state: 'attached' });
			}
			await page.locator('section.preview [data-testid="file-content"]').waitFor();
			await page.locator('section.preview:not([data-pending])').waitFor({ state: 'attached' });
			await page.evaluate(probe, settled);
			await k.setup(page);
			const cdp = PROFILE === kind && !settled ? await page.context().newCDPSession(page) : null;
			if (cdp) {
				await cdp.send('Profiler.enable');
				await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
			}
			let clock = 0;
			for (let i = 0; i < SAMPLES + WARMUP; i++) {
				// The profile covers the measured samples only (the warm-up's one-time costs, such as the quick path's first run of every generator, stay out).
				if (cdp && i === WARMUP) {
					await cdp.send('Profiler.start');
					// A known stretch of the page's clock in the profile: a named busy loop of 3 ms, so the
					// profile's sample times can be put on performance.now() (scripts/diag/flush-by-owner.mjs --text).
					clock = await page.evaluate(() => {
						function __benchClock() {
							const t = performance.now();
							while (performance.now() - t < 3);
							return t;
						}
						return __benchClock();
					});
				}
				await page.evaluate(() => ((window.__bench.armed = true), (window.__bench.start = 0), (window.__bench.acted = 0), (window.__bench.since = 0), (window.__bench.last = 0), (window.__bench.lastFrame = 0)));
				await k.act(page, i);
				await page.waitForFunction((n) => window.__bench.results.length > n, i, { timeout: 10_000 });
				await page.locator('section.preview:not([data-pending])').waitFor({ state: 'attached' });
				if (!settled) {
					// The work a change puts off (after the paint, in idle time) is done before the next sample starts.
					await page.waitForTimeout(QUIET_MS + 50);
					continue;
				}
				// The sample ends when the page has been quiet (no DOM change) for QUIET_MS, and its frame is in.
				await page.waitForFunction((q) => performance.now() - window.__bench.quietSince > q && window.__bench.lastFrame >= window.__bench.last, QUIET_MS, { timeout: 10_000 });
				await page.evaluate((n) => {
					const b = window.__bench;
					Object.assign(b.results[n], { settled: b.last, settledFrame: b.lastFrame });
					b.since = 0;
				}, i);
			}
			if (cdp) {
				const { profile } = await cdp.send('Profiler.stop');
				printProfile(profile);
				// `--profile-out <file>`: the raw profile too (.cpuprofile, for DevTools or scripts/diag).
				const file = opt('profile-out', '');
				if (file) {
					writeFileSync(file, JSON.stringify(profile));
					// Each measured change's window (event -> preview text), on the page's clock, and the clock mark.
					const at = (await page.evaluate(() => window.__bench.results)).slice(WARMUP).map((r) => r.at);
					writeFileSync(`${file}.windows.json`, JSON.stringify({ clock, windows: at }));
				}
			}
			const results = (await page.evaluate(() => window.__bench.results)).slice(WARMUP);
			await page.close();
			return results;
		};
		for (const [kind, k] of Object.entries(kinds)) {
			if (KINDS && !KINDS.includes(kind)) continue;
			const samples = await pass(kind, k, false);
			const whole = await pass(kind, k, true);
			const splits = samples.map((s) => s.split).filter(Boolean);
			out[kind] = {
				text: stats(samples.map((s) => s.text)),
				frame: stats(samples.map((s) => s.frame)),
				// To the sample's last DOM change anywhere in the page (the form, the tree, the worker's whole set), and
				// the frame after it: from the second pass, which observes the whole page.
				settled: stats(whole.map((s) => s.settled)),
				settledFrame: stats(whole.map((s) => s.settledFrame)),
				// From the first event (pointerdown) to the click (or keydown) that changes the form: part of text and frame.
				press: stats(samples.map((s) => s.press)),
				// The same two times from the event that changes the form (the click, or the key's keydown) instead of the
				// first event of the press: the start the Event Timing API gives a click's own entry (its timeStamp, at the
				// mouseup). Reported next to text and frame, never instead of them.
				fromAct: { text: stats(samples.map((s) => s.text - s.press)), frame: stats(samples.map((s) => s.frame - s.press)) },
				// Where the time of "text" goes: event -> post to the worker, the worker's round trip, answer -> preview changed.
				split: splits.length ? { eventToPost: stats(splits.map((s) => s.toPost)), workerRoundTrip: stats(splits.map((s) => s.worker)), answerToPreview: stats(splits.map((s) => s.render)) } : null
			};
		}
	} finally {
		await browser.close();
	}
	return out;
}

/** Self and inclusive time per function of a CPU profile (as scripts/diag/cpu-profile.mjs prints it). */
function printProfile(profile) {
	const { self, incl, busy } = profileTimes(profile);
	console.log(`\nMain thread busy: ${busy.toFixed(1)} ms over ${SAMPLES} changes (${(busy / SAMPLES).toFixed(2)} ms each; the bench's own page scripts included)`);
	console.log(`\nSELF (ms)\n${top(self, 30)}\n\nINCLUSIVE (ms)\n${top(incl, 30)}`);
}

async function tab(page, name) {
	const t = page.getByRole('tab', { name: new RegExp(`^\\W*\\d?\\s*${name}`) });
	await t.click();
	await page.waitForFunction((n) => [...document.querySelectorAll('[role="tab"][aria-selected="true"]')].some((e) => e.textContent?.includes(n)), name);
}

async function radio(page, group, option) {
	const r = page.getByRole('group', { name: group }).getByRole('radio', { name: new RegExp(`^(${option})\\b`) }).first();
	await clickAt(r, (el) => el.checked);
}

/**
 * A measured click: Playwright's mouse at the element's centre, the same CDP input (pointerdown .. click) a locator's
 * click() sends, without what click() and check() add inside the page: their hit-target check, a listener injected
 * for the press that calls elementsFromPoint on its first event (0.2 to 0.4 ms of the app's window, less on the
 * floor's small page). No user has that listener. The element's box is read before the press (no trusted event, so
 * the window has not started); it must be on screen. `done`, when given, must hold once the press is over (the
 * radio checked, the preset chosen), so a click that missed fails the run instead of timing nothing.
 */
async function clickAt(locator, done) {
	const box = await locator.boundingBox();
	if (!box || box.y < 0 || box.y + box.height > 900) throw new Error(`bench-ui: ${locator} is not on screen (${JSON.stringify(box)})`);
	await locator.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	if (done && !(await locator.evaluate(done))) throw new Error(`bench-ui: the click on ${locator} did not take`);
}

// ---------------------------------------------------------------- 2. first visit's bytes

/** A bare CDP client (flat sessions), so the service worker's own requests are seen from its first one. */
async function cdpBrowser() {
	const profile = mkdtempSync(join(tmpdir(), 'slipway-bench-ui-'));
	const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--window-size=1440,900', 'about:blank'], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	const wsUrl = await new Promise((resolve, reject) => {
		let err = '';
		child.stderr.on('data', (d) => {
			err += d;
			const m = /DevTools listening on (ws:\S+)/.exec(err);
			if (m) resolve(m[1]);
		});
		child.once('exit', (code) => reject(new Error(`chromium exited (${code}): ${err}`)));
	});
	const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
	await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
	let id = 0;
	const waiting = new Map();
	const listeners = [];
	ws.on('message', (raw) => {
		const msg = JSON.parse(String(raw));
		if (msg.id && waiting.has(msg.id)) {
			const { resolve, reject } = waiting.get(msg.id);
			waiting.delete(msg.id);
			if (msg.error) reject(new Error(`${msg.error.message}`));
			else resolve(msg.result);
		} else if (msg.method) for (const l of listeners) l(msg);
	});
	const send = (method, params = {}, sessionId) =>
		new Promise((resolve, reject) => {
			const mid = ++id;
			waiting.set(mid, { resolve, reject });
			ws.send(JSON.stringify({ id: mid, method, params, ...(sessionId ? { sessionId } : {}) }));
		});
	return {
		send,
		on: (l) => listeners.push(l),
		async close() {
			ws.close();
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
			// Chromium's helper processes may still be writing to the profile for a moment: best effort.
			try {
				rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
			} catch {
				console.error(`bench-ui: could not remove ${profile}`);
			}
		}
	};
}

/** The server's log lines (scripts/serve.mjs SLIPWAY_SERVE_LOG) from byte `from` on. */
function serverLog(log, from = 0) {
	if (!existsSync(log)) return [];
	return readFileSync(log).subarray(from).toString().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/**
 * Pairs the network requests CDP saw with the responses the server sent (in order, by path), and
 * checks the two counts agree: a response CDP counted that the server never sent, a CDP count off the
 * server's by more than a response's headers, or a 304 counted with a body fails the bench.
 * Returns what the server sent that no CDP session saw (the service worker's own script).
 */
function reconcile(records, sent) {
	const queue = new Map();
	for (const s of sent) queue.set(s.path, [...(queue.get(s.path) ?? []), s]);
	const problems = [];
	for (const r of records) {
		const path = new URL(r.url).pathname + new URL(r.url).search;
		const s = queue.get(path)?.shift();
		if (!s) {
			problems.push(`${path}: counted ${r.bytes} B, the server sent nothing`);
			continue;
		}
		const server = s.head + s.body;
		if (s.status !== r.status) problems.push(`${path}: CDP status ${r.status}, server ${s.status}`);
		if (Math.abs(r.bytes - server) > 256) problems.push(`${path}: counted ${r.bytes} B, the server sent ${server} B (${s.head} + ${s.body})`);
	}
	if (problems.length) throw new Error(`bench-ui: the first visit's count disagrees with the server's log:\n  ${problems.join('\n  ')}`);
	return [...queue.values()].flat();
}

async function firstVisitBytes(url, log) {
	const logFrom = existsSync(log) ? statSync(log).size : 0;
	const cdp = await cdpBrowser();
	/** sessionId -> target type */
	const sessions = new Map();
	/** requestId -> record */
	const requests = new Map();
	/** requestId -> HTTP status received from the network (Network.responseReceivedExtraInfo) */
	const wire = new Map();
	let lastActivity = Date.now();
	/** targetId -> sessionId of each page */
	const pages = new Map();
	let pageSession = null;
	cdp.on(async (msg) => {
		const { method, params, sessionId } = msg;
		if (method === 'Target.attachedToTarget') {
			const s = params.sessionId;
			const type = params.targetInfo.type;
			sessions.set(s, type);
			if (type === 'page') pages.set(params.targetInfo.targetId, s);
			await cdp.send('Network.enable', {}, s).catch(() => {});
			// A page's own workers (the generator worker); service workers come once, from the browser level.
			if (type === 'page')
				await cdp
					.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter: [{ type: 'service_worker', exclude: true }, {}] }, s)
					.catch(() => {});
			await cdp.send('Runtime.runIfWaitingForDebugger', {}, s).catch(() => {});
			return;
		}
		if (!sessionId || !method?.startsWith('Network.')) return;
		lastActivity = Date.now();
		// A request's events may come from two sessions (a worker's script: sent by the page, received by the
		// worker), so records are keyed by request id alone and belong to the target that sent them.
		const key = params.requestId;
		if (method === 'Network.requestWillBeSent') {
			if (!requests.has(key)) requests.set(key, { url: params.request.url, target: sessions.get(sessionId), bytes: 0, length: 0, done: false, sw: false, cache: false, status: 0 });
		} else if (method === 'Network.responseReceived') {
			const r = requests.get(key);
			const h = Object.fromEntries(Object.entries(params.response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
			if (r)
				Object.assign(r, {
					status: params.response.status,
					sw: !!params.response.fromServiceWorker,
					cache: !!params.response.fromDiskCache || !!params.response.fromPrefetchCache || !!params.response.fromMemoryCache,
					length: Number(h['content-length'] ?? 0)
				});
		} else if (method === 'Network.responseReceivedExtraInfo') {
			// The status as it came over the wire: a revalidation answered 304 shows as the cached 200 in responseReceived.
			wire.set(key, params.statusCode);
		} else if (method === 'Network.requestServedFromCache') {
			const r = requests.get(key);
			if (r) r.cache = true;
		} else if (method === 'Network.loadingFinished' || method === 'Network.loadingFailed') {
			const r = requests.get(key);
			// Chromium reports a dedicated worker's script with the headers' bytes only: where the body
			// came over the network but is missing from encodedDataLength, its Content-Length is added.
			// A 304 brought no body: its Content-Length is the cached copy's.
			const reported = params.encodedDataLength ?? 0;
			const revalidated = wire.get(key) === 304;
			if (r)
				Object.assign(r, {
					done: true,
					bytes: !r.cache && !r.sw && !revalidated && reported < r.length ? reported + r.length : reported,
					...(revalidated ? { status: 304 } : {}),
					failed: method === 'Network.loadingFailed'
				});
		}
	});
	try {
		await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
		await cdp.send('Target.setDiscoverTargets', { discover: true });
		// A new tab in front (a background tab would not render: the preview would never show).
		const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
		const deadline = Date.now() + 10_000;
		while (!(pageSession = pages.get(targetId)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
		if (!pageSession) throw new Error('no page session');
		// A desktop window, as in part 1: the preview is on screen, so the page starts the generator worker and the highlighter.
		await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1440, height: 900, deviceScaleFactor: 1, mobile: false }, pageSession);
		await cdp.send('Page.enable', {}, pageSession);
		await cdp.send('Runtime.enable', {}, pageSession);
		await cdp.send('Page.navigate', { url }, pageSession);
		// Controlled by the service worker (its install, the precache, has finished), then 3 s without network activity.
		const until = Date.now() + 60_000;
		for (;;) {
			if (Date.now() > until) throw new Error('the service worker never took control');
			const { result } = await cdp.send(
				'Runtime.evaluate',
				{ expression: '!!(navigator.serviceWorker && navigator.serviceWorker.controller)', returnByValue: true },
				pageSession
			);
			if (result.value) break;
			await new Promise((r) => setTimeout(r, 250));
		}
		while (Date.now() - lastActivity < 3000) await new Promise((r) => setTimeout(r, 200));
	} finally {
		await cdp.close();
	}
	const all = [...requests.values()].filter((r) => /^https?:/.test(r.url));
	const group = (list) => ({ requests: list.length, bytes: list.reduce((n, r) => n + r.bytes, 0) });
	// The page's requests answered by the service worker moved nothing over the network (the worker's own fetch is counted on its side).
	const page = all.filter((r) => r.target !== 'service_worker');
	const network = (list) => list.filter((r) => !r.sw);
	const sw = all.filter((r) => r.target === 'service_worker');
	// What the server sent that no CDP session reported: the browser's own fetch of the service worker's script.
	const sent = serverLog(log, logFrom);
	const unseen = reconcile(
		[...network(page), ...sw].filter((r) => !r.cache && !r.failed),
		sent
	).map((s) => ({ url: `http://x${s.path}`, status: s.status, bytes: s.head + s.body, cache: false }));
	const file = (r) => ({ url: new URL(r.url).pathname, status: r.status, bytes: r.bytes, cache: r.cache });
	return {
		page: group(network(page)),
		precache: group(sw),
		browser: group(unseen),
		total: group([...network(page), ...sw, ...unseen]),
		// The same visit from the server's side, headers and bodies apart: over HTTP/1.1 (this server) every
		// response repeats its headers in full; HTTP/2 and HTTP/3, which static hosts serve, compress them (HPACK, QPACK).
		server: { responses: sent.length, headers: sent.reduce((n, s) => n + s.head, 0), bodies: sent.reduce((n, s) => n + s.body, 0) },
		files: { page: network(page).map(file), precache: sw.map(file), browser: unseen.map(file) }
	};
}

// ---------------------------------------------------------------- run

const server = await startServer();
const report = { date: new Date().toISOString(), dir: DIR, samples: SAMPLES, machine: { cpus: os.cpus().length, load: os.loadavg() }, chromium: CHROMIUM_PATH };
try {
	if (ONLY !== 'bytes') report.latency = await latency(server.url);
	if (ONLY !== 'latency') report.firstVisit = await firstVisitBytes(server.url, server.log);
} finally {
	server.stop();
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
if (report.latency) {
	console.log(`\nChange to preview (ms, ${SAMPLES} samples each; event -> preview text / -> next frame)`);
	console.log('kind          text median   p95    frame median   p95    settled median   p95    its frame median   p95');
	for (const [kind, r] of Object.entries(report.latency)) {
		console.log(`${kind.padEnd(14)}${String(r.text.median).padStart(11)}${String(r.text.p95).padStart(7)}${String(r.frame.median).padStart(15)}${String(r.frame.p95).padStart(7)}${String(r.settled.median).padStart(17)}${String(r.settled.p95).padStart(7)}${String(r.settledFrame.median).padStart(19)}${String(r.settledFrame.p95).padStart(7)}`);
		if (r.press.median) {
			console.log(`${''.padEnd(14)}  of which pointerdown->click (the press, before the page can react): median ${r.press.median}, p95 ${r.press.p95}`);
			console.log(`${''.padEnd(14)}  from the click itself: text median ${r.fromAct.text.median}, p95 ${r.fromAct.text.p95}; frame median ${r.fromAct.frame.median}, p95 ${r.fromAct.frame.p95}`);
		}
		if (r.split) console.log(`${''.padEnd(14)}  medians: event->post ${r.split.eventToPost.median}, worker round trip ${r.split.workerRoundTrip.median}, answer->preview ${r.split.answerToPreview.median}`);
	}
}
if (report.firstVisit) {
	const f = report.firstVisit;
	console.log('\nFirst visit (bytes received, headers included)');
	console.log(`  page      ${String(f.page.requests).padStart(3)} requests  ${kb(f.page.bytes)}`);
	console.log(`  precache  ${String(f.precache.requests).padStart(3)} requests  ${kb(f.precache.bytes)}`);
	console.log(`  browser   ${String(f.browser.requests).padStart(3)} requests  ${kb(f.browser.bytes)}  (${f.files.browser.map((r) => r.url).join(', ') || 'none'})`);
	console.log(`  total     ${String(f.total.requests).padStart(3)} requests  ${kb(f.total.bytes)}`);
	console.log(`  (server: ${f.server.responses} responses, headers ${kb(f.server.headers)} + bodies ${kb(f.server.bodies)}; brotli where the browser accepts it)`);
}
mkdirSync('reports', { recursive: true });
writeFileSync(opt('out', 'reports/bench-ui.json'), JSON.stringify(report, null, '\t') + '\n');
console.log(`\nwrote ${opt('out', 'reports/bench-ui.json')}`);
