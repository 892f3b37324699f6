/** Prerendering: the page's islands and its own script (src/lib/islands/hooks.ts; why: src/lib/islands/README.md). */
export { handle } from '$lib/islands/hooks';
