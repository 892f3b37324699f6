/**
 * The prerender's part of the islands (src/hooks.server.ts re-exports this
 * `handle`): each island's empty element is filled with its server rendering
 * (server.ts), and the page's own script is named in its head
 * (build/page-entry.ts).
 */
import type { Handle } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fillIslands } from './server.ts';
import { PAGE_ENTRY_SOURCE, pageEntryTags } from './build/page-entry.ts';

/** The script tags of the page: from the client build's manifest, or the source in `vite dev`. */
function entryTags(): string {
	if (import.meta.env.DEV) return `<script type="module" src="/${PAGE_ENTRY_SOURCE}"></script>`;
	// The page is the site's root (under the base path): its assets are at ./_app/…
	return pageEntryTags(JSON.parse(readFileSync(__SLIPWAY_CLIENT_MANIFEST__, 'utf8')), './');
}

/**
 * The not-found page without the page's own stylesheets. SvelteKit inlines
 * every stylesheet of the chunks a route's node imports, and the 404 page's
 * node imports the page's chunk (slipway:page-entry puts Svelte's runtime
 * there), so 404.html carried the wizard's whole CSS (12 KB, 2.6 KB brotli
 * in the precache) that none of its elements use: it needs theme.css (its
 * .btn, colours, fonts) and its own rules. The text of the page chunk's CSS
 * is taken out of the inline <style>, and the style's sha256 in the CSP meta
 * follows. The disabled <link>s stay: the service worker reads them as
 * "inlined by every page" (offline/precache.ts), so the page's stylesheet
 * file is still not precached.
 */
export function withoutPageStyles(html: string, cssTexts: readonly string[]): string {
	const style = /<style>([\s\S]*?)<\/style>/.exec(html);
	if (!style) return html;
	const before = style[1];
	let after = before;
	for (const css of cssTexts) if (css) after = after.replace(css, '');
	if (after === before) return html;
	const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
	const oldHash = hash(before);
	if (!html.includes(oldHash)) throw new Error('hooks.server.ts: the 404 page\'s CSP does not name its inline style');
	return html.replace(style[0], `<style>${after}</style>`).replaceAll(oldHash, hash(after));
}

/**
 * The CSS texts of the page's own chunks (the page entry and what it imports, from the client build's
 * manifest), less any stylesheet a SvelteKit route node lists as its own (theme.css, the 404's rules).
 */
function pageCssTexts(): string[] {
	type Chunk = { css?: string[]; imports?: string[] };
	const manifest = JSON.parse(readFileSync(__SLIPWAY_CLIENT_MANIFEST__, 'utf8')) as Record<string, Chunk>;
	const client = dirname(dirname(__SLIPWAY_CLIENT_MANIFEST__));
	const own = new Set(Object.entries(manifest).flatMap(([key, c]) => (key.includes('/nodes/') ? (c.css ?? []) : [])));
	const seen = new Set<string>();
	const css = new Set<string>();
	const walk = (key: string) => {
		if (seen.has(key) || !manifest[key]) return;
		seen.add(key);
		for (const file of manifest[key].css ?? []) if (!own.has(file)) css.add(file);
		for (const next of manifest[key].imports ?? []) walk(next);
	};
	walk(PAGE_ENTRY_SOURCE);
	return [...css].map((file) => readFileSync(join(client, file), 'utf8').trim());
}

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: async ({ html }) => {
			const filled = await fillIslands(html);
			if (event.route.id === '/404' && !import.meta.env.DEV) return withoutPageStyles(filled, pageCssTexts());
			// Only the page (+page.ts: csr = false) loads this script; the 404 shell is SvelteKit's.
			if (event.route.id !== '/') return filled;
			if (!filled.includes('</head>')) throw new Error('hooks.server.ts: the page has no </head> for its script');
			return filled.replace('</head>', `\t${entryTags()}\n\t</head>`);
		}
	});
