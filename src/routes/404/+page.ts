/**
 * The not-found page, prerendered to 404.html: static hosts answer an unknown
 * path with it (status 404), and so do scripts/serve.mjs and, offline, the
 * service worker. No script (csr = false), so it works however deep the
 * unknown path is; its links are absolute (see +page.svelte).
 */
import type { PageLoad } from './$types';

export const csr = false;
export const prerender = true;
// /404 -> 404.html (the file hosts look for), not 404/index.html.
export const trailingSlash = 'never';

/** The site's root as an absolute path (the base path included), from the URL the page is prerendered at. */
export const load: PageLoad = ({ url }) => ({ home: url.pathname.replace(/404(\.html)?$/, '') });
