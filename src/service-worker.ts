/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Slipway's offline worker (SvelteKit's built-in service worker support).
 *
 * - install: precache what this deploy's page can ever load, in a cache named
 *   after the deploy's `version`: the prerendered pages (the page and the
 *   not-found page, 404.html) and every built or static file reachable from
 *   them: what the pages name (scripts, the manifest, favicon), then whatever
 *   the scripts name (lazy steps, the highlighter, the zip writer, the
 *   generator worker), found by file name. Files nothing reaches are not
 *   downloaded: SvelteKit's own client router (the pages are csr = false), the
 *   install icons only the web manifest names (the browser fetches them online
 *   when it installs the app), robots.txt; nor are stylesheets every page has
 *   inlined (precache.ts). It runs when the page is idle (the page
 *   registers the worker then), and reuses what the first visit already
 *   downloaded: content-hashed files (`_app/immutable/`) come from the HTTP
 *   cache when it has them, and every other file is revalidated (a 304 when
 *   the page's copy is current), so an old index.html cannot slip into the
 *   new deploy's cache and nothing is downloaded twice.
 *   It does NOT skipWaiting: a new deploy
 *   waits until the page's prompt says "Reload" (message SKIP_WAITING), so an
 *   open page never mixes chunks of two deploys.
 * - activate: delete the caches of older deploys, then clients.claim() so the
 *   first visit is controlled (and works offline) without a reload.
 * - fetch: same-origin GETs of known assets are answered cache-first;
 *   navigations get the cached page (ignoring ?query), or the network, or,
 *   offline, the cached not-found page with status 404.
 *   Nothing else is touched.
 *
 * `base` is computed from the worker's own URL, so one build variable
 * (SLIPWAY_BASE) moves everything, including the worker's scope.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { reachable } from './lib/offline/precache.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'slipway-';
const CACHE = `${CACHE_PREFIX}${version}`;
/** The not-found page (src/routes/404): what hosts serve for an unknown path, and what this worker serves for one offline. */
const NOT_FOUND = `${base}/404.html`;
const PAGES = new Set(prerendered);
const KNOWN = new Set([...build, ...files, ...prerendered, NOT_FOUND]);
const IMMUTABLE = `${base}/_app/immutable/`;

/** One precache download: content-hashed files may come from the HTTP cache; others are revalidated. */
function download(path: string): Promise<Response> {
	return fetch(new Request(path, { cache: path.startsWith(IMMUTABLE) ? 'default' : 'no-cache' }));
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// The not-found page once, under its file name (the page list also names it as /404).
			const pages = prerendered.filter((p) => p !== `${base}/404`);
			const responses = await reachable([...pages, NOT_FOUND], [...build, ...files], download);
			await Promise.all([...responses].map(([path, response]) => cache.put(path, response)));
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') sw.skipWaiting();
});

async function fromCache(key: string): Promise<Response | undefined> {
	const cache = await caches.open(CACHE);
	return cache.match(key);
}

async function asset(request: Request, path: string): Promise<Response> {
	const hit = await fromCache(path);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok) {
		const copy = response.clone();
		caches.open(CACHE).then((cache) => cache.put(path, copy));
	}
	return response;
}

async function navigate(request: Request, path: string): Promise<Response> {
	if (PAGES.has(path)) {
		const page = await fromCache(path);
		if (page) return page;
	}
	try {
		return await fetch(request);
	} catch (error) {
		// Offline: a page never visited is the not-found page, as the host would answer.
		const missing = await fromCache(NOT_FOUND);
		if (missing) return new Response(missing.body, { status: 404, statusText: 'Not Found', headers: missing.headers });
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return;

	if (request.mode === 'navigate') {
		event.respondWith(navigate(request, url.pathname));
	} else if (KNOWN.has(url.pathname) && !request.headers.has('range')) {
		event.respondWith(asset(request, url.pathname));
	}
});
