/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Slipway's offline worker (SvelteKit's built-in service worker support).
 *
 * - install: precache every asset of this deploy (`build`: all JS/CSS chunks,
 *   lazy ones too, e.g. jszip and the highlighter; `files`: static/;
 *   `prerendered`: the page; plus the adapter's 404.html shell) in a cache
 *   named after the deploy's `version`. It does NOT skipWaiting: a new deploy
 *   waits until the page's prompt says "Reload" (message SKIP_WAITING), so an
 *   open page never mixes chunks of two deploys.
 * - activate: delete the caches of older deploys, then clients.claim() so the
 *   first visit is controlled (and works offline) without a reload.
 * - fetch: same-origin GETs of known assets are answered cache-first;
 *   navigations get the cached page (ignoring ?query), or the network, or the
 *   cached 404.html shell when offline. Nothing else is touched.
 *
 * `base` is computed from the worker's own URL, so one build variable
 * (SLIPWAY_BASE) moves everything, including the worker's scope.
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'slipway-';
const CACHE = `${CACHE_PREFIX}${version}`;
/** The adapter's fallback page: the app shell for any path of the site. */
const SHELL = `${base}/404.html`;
const PAGES = new Set(prerendered);
const ASSETS = [...new Set([...build, ...files, ...prerendered, SHELL])];
const KNOWN = new Set(ASSETS);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// cache: 'reload' skips the HTTP cache, so an old index.html cannot
			// slip into the new deploy's cache.
			await cache.addAll(ASSETS.map((url) => new Request(url, { cache: 'reload' })));
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
		const shell = (await fromCache(SHELL)) ?? (await fromCache(`${base}/`));
		if (shell) return shell;
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
