/** Prerendering: the page's islands are filled in here (src/lib/islands-server.ts). */
import type { Handle } from '@sveltejs/kit';
import { fillIslands } from '$lib/islands-server';

export const handle: Handle = ({ event, resolve }) => resolve(event, { transformPageChunk: ({ html }) => fillIslands(html) });
