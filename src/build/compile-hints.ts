/**
 * A Vite plugin that marks the JavaScript the page runs while it loads with
 * V8's explicit compile hint, `//# allFunctionsCalledOnLoad` (Chrome 136+).
 *
 * Without it V8 compiles each function lazily, on the main thread, the first
 * time it is called: on a phone that is most of the page's start-up work
 * (the islands' hydration). With the hint, V8 compiles those files eagerly on
 * a background thread while they stream in. Browsers that do not know the
 * comment ignore it.
 *
 * Only the first-load chunks get it: the page's own entry (entry/page,
 * page-entry.ts) and everything it imports statically. Lazy chunks (zip,
 * highlighter, later wizard steps) and SvelteKit's client (its entries and
 * route nodes, used only by the 404 shell) stay lazily compiled, as V8
 * advises against hinting code that does not run at load.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** The part of a Rollup/Rolldown output chunk this plugin reads. */
export interface ChunkInfo {
	type: 'chunk' | 'asset';
	name?: string;
	isEntry?: boolean;
	imports?: readonly string[];
}

/** The entry the page runs on load (page-entry.ts). */
export const LOAD_ROOT = /^entry\/page$/;

/** File names of the chunks run on load: the roots and their static imports, transitively. */
export function loadChunks(bundle: Readonly<Record<string, ChunkInfo>>, isRoot: (name: string) => boolean = (n) => LOAD_ROOT.test(n)): Set<string> {
	const out = new Set<string>();
	const queue = Object.entries(bundle)
		.filter(([, c]) => c.type === 'chunk' && c.isEntry && c.name !== undefined && isRoot(c.name))
		.map(([file]) => file);
	for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
		if (out.has(file)) continue;
		const chunk = bundle[file];
		if (!chunk || chunk.type !== 'chunk') continue;
		out.add(file);
		queue.push(...(chunk.imports ?? []));
	}
	return out;
}

export function compileHints(): Plugin {
	let files: Set<string> = new Set();
	return {
		name: 'slipway:compile-hints',
		apply: 'build',
		generateBundle(_options, bundle) {
			// Only the browser build has SvelteKit's client entry; the server build and the worker are left alone.
			const client = Object.values(bundle).some((c) => c.type === 'chunk' && c.isEntry && c.name === 'entry/start');
			files = client ? loadChunks(bundle as unknown as Record<string, ChunkInfo>) : new Set();
		},
		// On disk, after every other plugin: Vite adds its preload helper to a chunk's top after generateBundle.
		writeBundle(options) {
			const dir = options.dir;
			if (!dir) return;
			for (const file of files) {
				const path = join(dir, file);
				const code = readFileSync(path, 'utf8');
				if (!code.startsWith(COMPILE_HINT)) writeFileSync(path, COMPILE_HINT + code);
			}
		}
	};
}
