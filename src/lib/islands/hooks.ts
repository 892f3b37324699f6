/**
 * The prerender's part of the islands (src/hooks.server.ts re-exports this
 * `handle`): each island's empty element is filled with its server rendering
 * (server.ts), and the page's own script is named in its head
 * (build/page-entry.ts).
 */
import type { Handle } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { fillIslands } from './server.ts';
import { PAGE_ENTRY_SOURCE, pageEntryTags } from './build/page-entry.ts';

/** The script tags of the page: from the client build's manifest, or the source in `vite dev`. */
function entryTags(): string {
	if (import.meta.env.DEV) return `<script type="module" src="/${PAGE_ENTRY_SOURCE}"></script>`;
	// The page is the site's root (under the base path): its assets are at ./_app/…
	return pageEntryTags(JSON.parse(readFileSync(__SLIPWAY_CLIENT_MANIFEST__, 'utf8')), './');
}

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: async ({ html }) => {
			const filled = await fillIslands(html);
			// Only the page (+page.ts: csr = false) loads this script; the 404 shell is SvelteKit's.
			if (event.route.id !== '/') return filled;
			if (!filled.includes('</head>')) throw new Error('hooks.server.ts: the page has no </head> for its script');
			return filled.replace('</head>', `\t${entryTags()}\n\t</head>`);
		}
	});
