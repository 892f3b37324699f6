/**
 * Offline PWA, lock-down and sub-path hosting, in Debian's Chromium.
 *
 * These tests serve the build from servers started inside the test (not the
 * shared webServer), so a test can really take the site away (close the
 * server) on top of context.setOffline(true), and can publish a "new deploy"
 * of the service worker. The sub-path variant is built here, once, into
 * build-subpath/ (SLIPWAY_BASE=/slipway SLIPWAY_OUT=build-subpath).
 */
import { createHash } from 'node:crypto';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import sirv from 'sirv';
import { reachable } from '../../src/lib/offline/precache.ts';

const SUBPATH = '/slipway';
const SUBPATH_OUT = 'build-subpath';

interface Site {
	/** e.g. http://127.0.0.1:39123/slipway/ */
	url: string;
	origin: string;
	/** Text appended to service-worker.js: change it to publish a "new deploy" of the worker. */
	swRevision: { value: string };
	/** Every file of the served build, relative (e.g. `_app/immutable/chunks/x.js`). */
	files: string[];
	close(): Promise<void>;
}

/** The headers static/_headers gives every response (Netlify / Cloudflare Pages): the tests run under them. */
function hostHeaders(): [string, string][] {
	const out: [string, string][] = [];
	let inAll = false;
	for (const line of readFileSync('static/_headers', 'utf8').split('\n')) {
		if (/^\S/.test(line) && !line.startsWith('#')) inAll = line.trim() === '/*';
		else if (inAll && /^\s+\S/.test(line)) {
			const i = line.indexOf(':');
			out.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
		}
	}
	return out;
}
const HOST_HEADERS = hostHeaders();

/** Serve a build directory under `base`, as a static host would (like scripts/serve.mjs), with the host headers. */
async function serve(buildDir: string, base = ''): Promise<Site> {
	// A snapshot, so a rebuild while the tests run cannot mix two builds.
	const dir = mkdtempSync(join(tmpdir(), 'slipway-pwa-'));
	cpSync(buildDir, dir, { recursive: true });
	const assets = sirv(dir, { single: '404.html', dev: true, etag: true });
	const swRevision = { value: '' };
	const server: Server = createServer((req, res) => {
		let url = req.url ?? '/';
		for (const [k, v] of HOST_HEADERS) res.setHeader(k, v);
		if (base) {
			if (url === base) return void res.writeHead(308, { location: `${base}/` }).end();
			if (!url.startsWith(`${base}/`)) return void res.writeHead(404).end('Not found');
			url = url.slice(base.length) || '/';
		}
		if (url.split('?')[0] === '/service-worker.js' && swRevision.value) {
			const body = readFileSync(`${dir}/service-worker.js`, 'utf8') + `\n// ${swRevision.value}\n`;
			return void res
				.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' })
				.end(body);
		}
		req.url = url;
		assets(req, res, () => {
			res.writeHead(404).end('Not found');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		url: `${origin}${base}/`,
		origin,
		swRevision,
		files: (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
			.filter((e) => e.isFile())
			.map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(dir.length + 1)),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => {
					rmSync(dir, { recursive: true, force: true });
					resolve();
				});
			})
	};
}

interface Session {
	requests: string[];
	failed: string[];
	violations: string[];
	errors: string[];
}

/** Record every request of the context (pages and service worker), CSP violations and console errors. */
async function watch(context: BrowserContext, page: Page): Promise<Session> {
	const s: Session = { requests: [], failed: [], violations: [], errors: [] };
	context.on('request', (r) => s.requests.push(r.url()));
	context.on('requestfailed', (r) => s.failed.push(`${r.url()} ${r.failure()?.errorText}`));
	page.on('console', (m) => {
		if (m.type() === 'error') s.errors.push(m.text());
	});
	page.on('pageerror', (e) => s.errors.push(String(e)));
	await page.exposeFunction('__slipwayCspViolation', (v: string) => s.violations.push(v));
	await page.addInitScript(() => {
		addEventListener(
			'securitypolicyviolation',
			(e) => {
				const report = (window as unknown as { __slipwayCspViolation?: (v: string) => void }).__slipwayCspViolation;
				const where = e.target instanceof Element ? e.target.outerHTML.slice(0, 120) : String(e.sourceFile ?? '');
				report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${where}`);
			},
			true
		);
	});
	return s;
}

/** Wait until a service worker controls the page. */
async function waitForController(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise<void>((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true })
			);
		}
		return reg.scope;
	});
}

/** The preset picker, whatever widget the wizard uses for it, found by its accessible name ("Preset…"). */
function presetControl(page: Page): Locator {
	const name = /preset/i;
	return page
		.getByRole('combobox', { name })
		.or(page.getByRole('radiogroup', { name }))
		.or(page.getByRole('listbox', { name }))
		.or(page.getByRole('group', { name }));
}

/** Pick the index-th preset; returns its option value when the control is a <select>. */
async function changePreset(page: Page, index: number): Promise<string | null> {
	const control = presetControl(page).first();
	await expect(control).toBeVisible();
	if ((await control.evaluate((el) => el.tagName)) === 'SELECT') {
		const values = (
			await control
				.locator('option')
				.evaluateAll((os) => os.map((o) => ((o as HTMLOptionElement).disabled ? '' : (o as HTMLOptionElement).value)))
		).filter(Boolean);
		const value = values[index % values.length];
		await control.selectOption(value);
		await expect(control).toHaveValue(value);
		return value;
	}
	const options = control.getByRole('radio').or(control.getByRole('option')).or(control.getByRole('button'));
	const option = options.nth(index % (await options.count()));
	await option.click();
	const replace = page.getByRole('button', { name: 'Replace' });
	if (await replace.isVisible()) await replace.click();
	await expect
		.poll(() =>
			option.evaluate(
				(el) =>
					['aria-pressed', 'aria-checked', 'aria-selected'].some((a) => el.getAttribute(a) === 'true') ||
					(el as HTMLInputElement).checked === true
			)
		)
		.toBe(true);
	return null;
}

/** Click "Download .zip" and open the zip. */
async function downloadZip(page: Page): Promise<{ name: string; files: string[] }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download .zip' }).click()
	]);
	const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
	return { name: download.suggestedFilename(), files: Object.keys(zip.files).filter((n) => !zip.files[n].dir) };
}

function sameOrigin(url: string, origin: string): boolean {
	if (url.startsWith('data:')) return true;
	const u = url.startsWith('blob:') ? url.slice(5) : url;
	return new URL(u).origin === origin;
}

/** A full session: load, wait for the worker, use the app, go offline (really), reload, use it again. */
async function offlineSession(page: Page, context: BrowserContext, site: Site) {
	test.setTimeout(120_000);
	const session = await watch(context, page);
	const first = await page.goto(site.url);
	expect(first?.status()).toBe(200);
	const scope = await waitForController(page);
	expect(scope).toBe(site.url);

	// Every file a page can load is precached (lazy ones included: zip, highlighting, the generator
	// worker): what the pages name, then what those scripts name, computed here over the served files
	// (src/lib/offline/precache.ts). SvelteKit's unused client router and the manifest-only install icons are not.
	const cached = await page.evaluate(async () => {
		const names = (await caches.keys()).filter((k) => k.startsWith('slipway-'));
		if (names.length !== 1) return names;
		const keys = await (await caches.open(names[0])).keys();
		return keys.map((r) => new URL(r.url).pathname);
	});
	const basePath = new URL(site.url).pathname;
	const candidates = site.files
		.filter((f) => !/\.(br|gz)$/.test(f)) // precompressed twins (adapter precompress) are for the host
		.filter((f) => f !== 'index.html' && f !== '404.html')
		// Not assets of the app: the worker itself (it names every file), Kit's version file, host configuration.
		.filter((f) => !['service-worker.js', '_app/version.json', '_headers'].includes(f))
		.map((f) => basePath + f);
	const expected = [...(await reachable([basePath, `${basePath}404.html`], candidates, (p) => fetch(site.origin + p))).keys()];
	expect(expected).toEqual(expect.arrayContaining([`${basePath}manifest.webmanifest`, `${basePath}icons/favicon-32.png`]));
	expect(expected.some((p) => /\/_app\/immutable\/workers\/generate\.worker-/.test(p))).toBe(true);
	expect(expected.filter((p) => !cached.includes(p))).toEqual([]);
	expect(cached.filter((p) => !expected.includes(p))).toEqual([]);
	expect(cached).not.toContain(`${basePath}_headers`);

	await changePreset(page, 1);

	// Take the site away: the browser is offline AND the server is gone.
	await context.setOffline(true);
	await site.close();

	const again = await page.reload();
	expect(again?.fromServiceWorker()).toBe(true);
	expect(again?.status()).toBe(200);
	await expect(page.getByRole('button', { name: 'Download .zip' })).toBeEnabled();

	// The lazy chunks (zip) were never loaded before going offline: they come from the precache.
	const preset = await changePreset(page, 3);
	const zip = await downloadZip(page);
	expect(zip.files.length).toBeGreaterThan(3);
	expect(zip.files.some((f) => f.endsWith('/pyproject.toml'))).toBe(true);
	if (preset) {
		const top = zip.name.replace(/\.zip$/, '');
		expect(zip.files.every((f) => f.startsWith(`${top}/`))).toBe(true);
	}

	// Every file of the preview can be opened offline (highlighting is a lazy chunk too).
	const list = page.getByTestId('file-list');
	if (await list.count()) {
		const buttons = list.getByRole('button');
		const n = Math.min(await buttons.count(), 12);
		for (let i = 0; i < n; i++) await buttons.nth(i).click();
	}

	// A navigation to a path never visited is answered by the cached shell.
	const deep = await page.goto(`${site.url}never-visited/`);
	expect(deep?.fromServiceWorker()).toBe(true);

	return session;
}

function expectCleanSession(session: Session, origin: string) {
	expect(session.requests.length).toBeGreaterThan(5);
	expect(session.requests.filter((u) => !sameOrigin(u, origin))).toEqual([]);
	expect(session.violations).toEqual([]);
	// Offline, the failed (and logged) requests may only be the worker's update check.
	const unexpected = (l: string) => !/service-worker\.js|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(l);
	expect(session.errors.filter(unexpected)).toEqual([]);
	// ...and the worker's network attempt for the never-visited page, before it falls back to the shell.
	// A request the browser cancels because the page navigates away (net::ERR_ABORTED: its favicon
	// fetch, a chunk the generator worker was still loading at the reload) is not a failed one; a
	// file missing offline fails with ERR_FAILED / ERR_INTERNET_DISCONNECTED, and the steps above
	// check that everything still works.
	const expected = (l: string) => /service-worker\.js|\/never-visited\/ /.test(l) || / net::ERR_ABORTED$/.test(l);
	expect(session.failed.filter((l) => !expected(l))).toEqual([]);
}

test.describe('PWA at the site root', () => {
	let site: Site;
	test.beforeEach(async () => {
		site = await serve('build');
	});
	test.afterEach(async () => {
		await site.close();
	});

	test('works fully offline after the first visit; only same-origin requests; no CSP violation', async ({ page, context }) => {
		const session = await offlineSession(page, context, site);
		expectCleanSession(session, site.origin);
	});

	test('the CSP meta is strict: hashes, no unsafe-inline/eval, no plugins, same-origin everything', async ({ page }) => {
		await page.goto(site.url);
		const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(csp).toBeTruthy();
		const d = new Map(
			csp!.split(';').map((part) => {
				const [name, ...values] = part.trim().split(/\s+/);
				return [name, values] as const;
			})
		);
		expect(d.get('default-src')).toEqual(["'self'"]);
		expect(d.get('script-src')?.[0]).toBe("'self'");
		expect(d.get('script-src')!.slice(1).every((v) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(v))).toBe(true);
		expect(d.get('script-src')!.length).toBeGreaterThan(1);
		expect(csp).not.toContain('unsafe-inline');
		expect(csp).not.toContain('unsafe-eval');
		// The first page's CSS is inlined (kit.inlineStyleThreshold): style-src allows exactly those
		// <style> elements, by the sha256 of their text, and nothing else inline.
		const inlineStyles = await page.evaluate(() => [...document.querySelectorAll('style')].map((el) => el.textContent ?? ''));
		expect(inlineStyles.length).toBeGreaterThan(0);
		const styleHashes = inlineStyles.map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`);
		expect(d.get('style-src')).toEqual(["'self'", ...styleHashes]);
		// Style attributes: SvelteKit's route announcer's one, by hash (Kit lists the <style> hashes there too).
		expect(d.get('style-src-attr')?.[0]).toBe("'unsafe-hashes'");
		const attrHashes = d.get('style-src-attr')!.slice(1);
		expect(attrHashes.every((v) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(v))).toBe(true);
		expect(attrHashes.filter((h) => !styleHashes.includes(h))).toHaveLength(1);
		expect(d.get('object-src')).toEqual(["'none'"]);
		expect(d.get('base-uri')).toEqual(["'self'"]);
		expect(d.get('form-action')).toEqual(["'self'"]);
		expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
		for (const k of ['connect-src', 'worker-src', 'manifest-src']) expect(d.get(k)).toEqual(["'self'"]);
		// The meta must come before anything it governs.
		const first = await page.evaluate(() => {
			const el = document.querySelector('meta[http-equiv="content-security-policy"]')!;
			return [...document.head.querySelectorAll('script, link, style')].every(
				(n) => n.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING
			);
		});
		expect(first).toBe(true);
	});

	test('a saved theme is set by the inline head script before any module runs; script-src hashes exactly the inline scripts', async ({ page, context }) => {
		const session = await watch(context, page);
		await page.addInitScript(() => localStorage.setItem('slipway-theme', 'dark'));
		// No module script may run: only app.html's inline script can set the theme.
		await page.route('**/_app/immutable/**', (r) => r.abort());
		const res = await page.goto(site.url);
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		expect(session.violations).toEqual([]);
		const html = (await res!.text()) as string;
		const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
		expect(inline.length).toBe(1); // the theme script: the page's own script is a file, src/lib/islands/page/main.ts
		// That file is the page's only script (SvelteKit's client is not loaded: +page.ts sets csr = false).
		const modules = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
		expect(modules).toEqual([expect.stringMatching(/^\.\/_app\/immutable\/entry\/page\.[\w-]+\.js$/)]);
		expect(html).not.toMatch(/entry\/(start|app)\./);
		const csp = /content-security-policy" content="([^"]+)"/.exec(html)![1];
		const scriptSrc = /script-src ([^;]+)/.exec(csp)![1].split(/\s+/).filter((v) => v.startsWith("'sha256-"));
		expect(scriptSrc.sort()).toEqual(inline.sort());
	});

	test('the web manifest is linked and valid, and its icons exist with the declared sizes', async ({ page, request }) => {
		await page.goto(site.url);
		const href = await page.locator('link[rel="manifest"]').evaluate((l) => (l as HTMLLinkElement).href);
		const res = await request.get(href);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toMatch(/application\/manifest\+json|application\/json/);
		const m = await res.json();
		expect(m.name).toContain('Slipway');
		expect(m.short_name).toBe('Slipway');
		expect(m.display).toBe('standalone');
		expect(new URL(m.start_url, href).href).toBe(site.url);
		expect(new URL(m.scope, href).href).toBe(site.url);
		expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
		expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/i);
		const pngs = (m.icons as { src: string; sizes: string; type: string; purpose?: string }[]).filter(
			(i) => i.type === 'image/png'
		);
		const has = (size: string, purpose: string) => pngs.some((i) => i.sizes === size && (i.purpose ?? 'any').split(' ').includes(purpose));
		expect(has('192x192', 'any') && has('512x512', 'any') && has('512x512', 'maskable')).toBe(true);
		for (const icon of m.icons as { src: string; sizes: string; type: string }[]) {
			const r = await request.get(new URL(icon.src, href).href);
			expect(r.status(), icon.src).toBe(200);
			expect(r.headers()['content-type']).toContain(icon.type);
			if (icon.type === 'image/png') {
				const b = await r.body();
				expect(`${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`).toBe(icon.sizes);
			}
		}
		// PNG only: Chrome renders an SVG icon (tab or manifest) as a whole SVG document on the page's main thread.
		expect((m.icons as { type: string }[]).filter((i) => i.type !== 'image/png')).toEqual([]);
		expect(await page.locator('link[rel~="icon"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('type')))).toEqual(['image/png']);
		const apple = await page.locator('link[rel="apple-touch-icon"]').evaluate((l) => (l as HTMLLinkElement).href);
		expect((await request.get(apple)).status()).toBe(200);
	});

	test('a new deploy waits for the prompt: "Later" hides it, "Reload" switches to the new version', async ({ page }) => {
		test.setTimeout(90_000);
		await page.goto(site.url);
		await waitForController(page);
		const prompt = page.getByRole('status').filter({ hasText: 'A new version of Slipway is available' });
		await expect(prompt).toHaveCount(0);

		// Publish a new deploy of the worker and let the page find it.
		site.swRevision.value = 'deploy 2';
		await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
		await expect(prompt).toBeVisible();
		// It waits: no skipWaiting without the user's consent.
		expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).waiting)).toBe(true);

		// Keyboard: "Later" hides the prompt; the worker keeps waiting.
		await page.getByRole('button', { name: 'Later' }).focus();
		await page.keyboard.press('Enter');
		await expect(prompt).toHaveCount(0);

		// A reload of the only tab does not activate it either: the prompt is back.
		await page.reload();
		await expect(prompt).toBeVisible();
		const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

		await page.getByRole('button', { name: 'Reload' }).focus();
		await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
		await expect(prompt).toHaveCount(0);
		const after = await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.ready;
			return { waiting: !!reg.waiting, controlled: !!navigator.serviceWorker.controller };
		});
		expect(after).toEqual({ waiting: false, controlled: true });
		expect(before).toBe(`${site.url}service-worker.js`);
	});
});

test.describe('PWA under a sub-path (/slipway)', () => {
	test.describe.configure({ mode: 'serial' });
	let site: Site;

	test.beforeAll(async ({}, testInfo) => {
		testInfo.setTimeout(240_000);
		await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
			env: { ...process.env, SLIPWAY_BASE: SUBPATH, SLIPWAY_OUT: SUBPATH_OUT },
			maxBuffer: 16 * 1024 * 1024
		});
		expect(existsSync(`${SUBPATH_OUT}/index.html`)).toBe(true);
	});
	test.beforeEach(async () => {
		site = await serve(SUBPATH_OUT, SUBPATH);
	});
	test.afterEach(async () => {
		await site.close();
	});

	test('the build refers to the sub-path only (no root-absolute URL)', () => {
		const html = readFileSync(`${SUBPATH_OUT}/index.html`, 'utf8');
		const urls = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
		expect(urls.length).toBeGreaterThan(3);
		expect(urls.filter((u) => u.startsWith('/') && !u.startsWith(`${SUBPATH}/`))).toEqual([]);
		const shell = readFileSync(`${SUBPATH_OUT}/404.html`, 'utf8');
		const shellUrls = [...shell.matchAll(/(?:href|src)="([^"]+)"|import\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2]);
		expect(shellUrls.filter((u) => u.startsWith('/') && !u.startsWith(`${SUBPATH}/`))).toEqual([]);
	});

	test('works offline under /slipway/, the worker is scoped to it, the manifest resolves there', async ({ page, context, request }) => {
		const manifest = await request.get(`${site.url}manifest.webmanifest`);
		const m = await manifest.json();
		expect(new URL(m.start_url, `${site.url}manifest.webmanifest`).pathname).toBe(`${SUBPATH}/`);
		const session = await offlineSession(page, context, site);
		expectCleanSession(session, site.origin);
		expect(
			session.requests.filter((u) => u.startsWith('http') && !new URL(u).pathname.startsWith(`${SUBPATH}/`))
		).toEqual([]);
	});
});
