/**
 * Prerendering of the page's islands (see index.ts): fill each island's
 * empty element with the island's server rendering, from the same default
 * state the page starts with. Used by hooks.ts (src/hooks.server.ts).
 */
import { render } from 'svelte/server';
import { AppState } from '../state/app.svelte.ts';
import { initialUi, ISLAND_ELEMENT, ISLANDS, type PageActions } from './index.ts';

/** `html` with every island element filled (islands may hold islands: filled depth-first). */
export async function fillIslands(html: string, depth = 0): Promise<string> {
	if (depth > 8) throw new Error('islands nested more than 8 deep');
	const parts: Array<string | Promise<string>> = [];
	let last = 0;
	for (const m of html.matchAll(ISLAND_ELEMENT)) {
		const [whole, tag, attrs, name] = m;
		const island = ISLANDS[name];
		if (!island) throw new Error(`unknown island "${name}" in the page`);
		const props: PageActions = { app: new AppState(), ui: initialUi(), copyLink() {}, downloadZip() {}, goTo() {}, startFresh() {}, goBackToKept() {} };
		parts.push(html.slice(last, m.index));
		parts.push(fillIslands(render(island, { props }).body, depth + 1).then((inner) => `<${tag}${attrs}>${inner}</${tag}>`));
		last = m.index + whole.length;
	}
	parts.push(html.slice(last));
	return (await Promise.all(parts)).join('');
}
