// Sizes of a built site (build/ by default), shared by scripts/budget.mjs and
// scripts/bench.mjs.
//
// First load = what the browser fetches to show and start the page: the
// scripts and stylesheets build/index.html names (modulepreload links,
// stylesheets, <script src>, the import("…") calls of an inline boot script),
// plus every chunk those import STATICALLY, transitively, plus the CSS inlined
// in <style> (counted as "index.html <style>"). The page names its files
// relative to itself (./_app/…).
// Dynamically imported chunks (jszip, the highlighter, …) are not first load.
//
// Precache = every URL the service worker caches on install (parsed from
// build/service-worker.js: the $service-worker lists + the 404.html shell).
//
// gzip sizes use zlib level 9 (what a host pre-compressing would serve; on
// the fly, level 6 is a few % larger).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';

/** @param {Buffer | string} buf */
export const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;

/**
 * Static import specifiers of an ES module (not import(), not strings in code we do not emit).
 * @param {string} code
 * @returns {string[]}
 */
export function staticImports(code) {
	const out = [];
	const re = /(?:^|[;}\n\s])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+|\*)?\s*(?:from)?\s*(["'])([^"'\n]+?\.(?:js|mjs|css))\1/g;
	for (const m of code.matchAll(re)) out.push(m[2]);
	return out;
}

/**
 * @param {string} dir
 * @param {string} [base]
 * @returns {string[]}
 */
function walk(dir, base = dir) {
	/** @type {string[]} */
	const out = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...walk(p, base));
		else out.push(relative(base, p).split('\\').join('/'));
	}
	return out;
}

/**
 * Build-relative path of a URL found in index.html (relative to the page: `./…`).
 * @param {string} url
 */
function toFile(url) {
	if (/^(\/|[a-z]+:)/i.test(url)) throw new Error(`index.html names ${url}: expected a URL relative to the page (paths.relative in svelte.config.js)`);
	return posix.normalize(url.split(/[?#]/)[0].replace(/^\.\//, ''));
}

/**
 * @param {string} dir build output directory
 * @returns {{
 *   firstLoad: { file: string, kind: 'js' | 'css', bytes: number, gzip: number, via: string }[],
 *   lazy: { file: string, bytes: number, gzip: number }[],
 *   precache: { file: string, bytes: number, gzip: number }[],
 *   html: { bytes: number, gzip: number },
 *   totals: { firstLoadJs: { bytes: number, gzip: number }, firstLoadCss: { bytes: number, gzip: number }, precache: { bytes: number, gzip: number } }
 * }}
 */
export function bundleStats(dir = 'build') {
	const indexPath = join(dir, 'index.html');
	if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: run \`npm run build\` first`);
	const html = readFileSync(indexPath, 'utf8');

	/** @type {Map<string, string>} file -> why it is first load */
	const roots = new Map();
	for (const m of html.matchAll(/<link\b[^>]*>/g)) {
		const tag = m[0];
		const href = /href="([^"]+)"/.exec(tag)?.[1];
		const rel = /rel="([^"]+)"/.exec(tag)?.[1] ?? '';
		if (!href) continue;
		if (rel === 'modulepreload') roots.set(toFile(href), 'modulepreload');
		// SvelteKit lists inlined stylesheets again as disabled links (so a lazy chunk does not load them twice): not fetched.
		else if (rel === 'stylesheet' && !/\sdisabled[\s>=]/.test(tag)) roots.set(toFile(href), 'stylesheet');
	}
	for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) roots.set(toFile(m[1]), 'script');
	// SvelteKit's inline boot script, on a page it starts itself (not this one: +page.ts has csr = false).
	for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
		for (const i of m[1].matchAll(/import\(\s*"([^"]+)"\s*\)/g)) roots.set(toFile(i[1]), 'boot script');
	}

	/** @type {Map<string, string>} */
	const first = new Map();
	const queue = [...roots.entries()];
	for (let next = queue.shift(); next; next = queue.shift()) {
		const [file, via] = next;
		if (first.has(file)) continue;
		first.set(file, via);
		if (!file.endsWith('.js')) continue;
		const code = readFileSync(join(dir, file), 'utf8');
		for (const spec of staticImports(code)) {
			if (!spec.startsWith('.')) continue;
			queue.push([posix.normalize(posix.join(posix.dirname(file), spec)), `import from ${posix.basename(file)}`]);
		}
	}

	/** @param {string} file */
	const size = (file) => {
		const buf = readFileSync(join(dir, file));
		return { bytes: buf.length, gzip: gzipSize(buf) };
	};
	const firstLoad = [...first.entries()].map(([file, via]) => ({
		file,
		kind: /** @type {'js' | 'css'} */ (file.endsWith('.css') ? 'css' : 'js'),
		...size(file),
		via
	}));
	// The page's inlined CSS (SvelteKit's inlineStyleThreshold) is first-load CSS too, inside index.html.
	const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
	if (inlineCss) {
		const buf = Buffer.from(inlineCss);
		firstLoad.push({ file: 'index.html <style>', kind: 'css', bytes: buf.length, gzip: gzipSize(buf), via: 'inline' });
	}

	const all = walk(dir);
	const lazy = all
		.filter((f) => f.startsWith('_app/immutable/') && f.endsWith('.js') && !first.has(f))
		.map((file) => ({ file, ...size(file) }));

	// The worker's precache list: every `<base expr> + "/path"` literal, plus its 404.html shell.
	const swPath = join(dir, 'service-worker.js');
	/** @type {Set<string>} */
	const precacheFiles = new Set();
	if (existsSync(swPath)) {
		const sw = readFileSync(swPath, 'utf8');
		for (const m of sw.matchAll(/\+\s*[`"'](\/[^`"'$]*)[`"']/g)) {
			const p = m[1] === '/' ? 'index.html' : m[1].endsWith('/') ? `${m[1].slice(1)}index.html` : m[1].slice(1);
			// A prerendered page without a trailing slash (trailingSlash 'never', the not-found page /404) is its .html file.
			precacheFiles.add(!existsSync(join(dir, p)) && existsSync(join(dir, `${p}.html`)) ? `${p}.html` : p);
		}
		if (/404\.html/.test(sw)) precacheFiles.add('404.html');
	}
	// The worker precaches only what the pages reach (src/lib/offline/precache.ts): the pages, then every listed
	// file named by a page (minus the links a page never loads) or by a script already taken, transitively.
	/** @param {string} file */
	const named = (file) => file.slice(file.lastIndexOf('/') + 1);
	const reached = new Set(['index.html', '404.html'].filter((f) => precacheFiles.has(f)));
	for (let wave = [...reached]; wave.length; ) {
		const next = [];
		for (const f of wave) {
			if (!/\.(html|js)$/.test(f) || !existsSync(join(dir, f))) continue;
			let text = readFileSync(join(dir, f), 'utf8');
			if (f.endsWith('.html')) text = text.replace(/<link\b[^>]*>/gi, (tag) => (/\sdisabled\b|rel=["']?apple-touch-icon/i.test(tag) ? '' : tag));
			for (const c of precacheFiles) if (!reached.has(c) && text.includes(named(c))) (reached.add(c), next.push(c));
		}
		wave = next;
	}
	const precache = [...precacheFiles].filter((f) => reached.has(f) || !existsSync(join(dir, f))).map((file) => {
		if (!existsSync(join(dir, file))) return { file, bytes: -1, gzip: -1 };
		return { file, ...size(file) };
	});

	/** @param {{ bytes: number, gzip: number }[]} rows */
	const sum = (rows) => ({ bytes: rows.reduce((a, r) => a + r.bytes, 0), gzip: rows.reduce((a, r) => a + r.gzip, 0) });
	return {
		firstLoad: firstLoad.sort((a, b) => b.gzip - a.gzip),
		lazy: lazy.sort((a, b) => b.gzip - a.gzip),
		precache: precache.sort((a, b) => b.gzip - a.gzip),
		html: size('index.html'),
		totals: {
			firstLoadJs: sum(firstLoad.filter((r) => r.kind === 'js')),
			firstLoadCss: sum(firstLoad.filter((r) => r.kind === 'css')),
			precache: sum(precache.filter((r) => r.bytes >= 0))
		}
	};
}

/** @param {number} n bytes */
export const kb = (n) => (n / 1024).toFixed(1);

/**
 * A plain text table.
 * @param {string[]} headers
 * @param {(string | number)[][]} rows
 */
export function table(headers, rows) {
	const cells = [headers, ...rows].map((r) => r.map(String));
	const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
	/** @param {string[]} r */
	const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const repoRoot = dirname(dirname(new URL(import.meta.url).pathname));

/**
 * Build the site first when build/ is missing (a fresh checkout after `npm ci`):
 * `npm run bench` and `npm run lighthouse` then work on their own.
 */
export function ensureBuild() {
	if (existsSync(join(repoRoot, 'build/index.html'))) return;
	console.log('build/ is missing: running `npm run build` first.\n');
	const r = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
	if (r.status !== 0 || !existsSync(join(repoRoot, 'build/index.html'))) {
		console.error('`npm run build` failed.');
		process.exit(1);
	}
}
