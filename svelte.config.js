import adapter from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Base path for hosting under a sub-path (e.g. a project page at /slipway):
 * `SLIPWAY_BASE=/slipway npm run build`. Everything else (manifest, icons,
 * service worker scope, precache list) follows from it.
 */
const base = /** @type {'' | `/${string}`} */ ((process.env.SLIPWAY_BASE ?? '').replace(/\/+$/, ''));

/**
 * Output directory. Default `build/`; the browser tests build the sub-path
 * variant into `build-subpath/` (with its own Kit work dir, so the two builds
 * never overwrite each other's intermediate files).
 */
const out = process.env.SLIPWAY_OUT ?? 'build';

/** Files under static/ that are host configuration, not app assets: never precached. */
const HOST_FILES = /(^|\/)(_headers|_redirects|\.DS_Store)$/;

/**
 * SvelteKit's route announcer (an aria-live div it mounts after hydration)
 * carries one fixed style attribute. The CSP allows exactly that attribute
 * value ('unsafe-hashes' + its sha256) and no other inline style. Read from
 * the installed Kit so an upgrade that changes the string keeps working.
 */
function announcerStyleHash() {
	const src = readFileSync(new URL('./node_modules/@sveltejs/kit/src/core/sync/write_root.js', import.meta.url), 'utf8');
	const style = /id="svelte-announcer"[^>]*?style="([^"]+)"/.exec(src)?.[1];
	if (!style) throw new Error('svelte.config.js: cannot find the style of SvelteKit\'s svelte-announcer');
	return /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(style).digest('base64')}`);
}

/**
 * The sha256 of each inline <script> of src/app.html (the saved-theme script):
 * SvelteKit hashes only the scripts it writes itself.
 */
function appHtmlScriptHashes() {
	const html = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
	return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
		(m) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(m[1]).digest('base64')}`)
	);
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		runes: true
	},
	kit: {
		// precompress: .br and .gz next to each file, for hosts (and scripts/serve.mjs with sirv's
		// brotli/gzip options) that serve precompressed files.
		// No `fallback`: that option writes an SPA shell (an empty page that boots SvelteKit's client
		// router, which then renders its bare error page for an unknown path and polls _app/version.json).
		// 404.html is a prerendered page instead (src/routes/404), titled and without script.
		adapter: adapter({ pages: out, assets: out, fallback: undefined, precompress: true, strict: true }),
		outDir: out === 'build' ? '.svelte-kit' : `.svelte-kit/${out.replace(/[^\w-]/g, '_')}`,
		paths: { base, relative: true },
		// All of the first page's CSS (about 5 KB gzip) goes inline: no render-blocking request before
		// the first paint. Each <style> gets its sha256 in the CSP's style-src.
		inlineStyleThreshold: Infinity,
		prerender: { handleHttpError: 'fail' },
		serviceWorker: {
			files: (file) => !HOST_FILES.test(file)
		},
		// Prerendered pages get the policy as <meta http-equiv>, with a sha256
		// hash of SvelteKit's inline boot script and of app.html's theme script. Directives a meta element cannot
		// carry (frame-ancestors) are in the host header files (static/_headers,
		// vercel.json, deploy/nginx/slipway.conf).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', ...appHtmlScriptHashes()],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', announcerStyleHash()],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
