/**
 * The page's own script as an entry of SvelteKit's client build, and the tags
 * that load it.
 *
 * The page is prerendered with `csr = false` (src/routes/+page.ts): SvelteKit
 * emits no script for it. Its script, ../page/main.ts, is added here to
 * the inputs of the client build (the build that has SvelteKit's
 * `entry/start`), so it shares chunks, hashing and the service worker's
 * precache list with the rest of the client. At prerender, ../hooks.ts (src/hooks.server.ts) reads the client build's Vite
 * manifest (its path comes in as `__SLIPWAY_CLIENT_MANIFEST__`) and writes
 * `pageEntryTags()` into the page's head.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The entry's chunk name in the client build. */
export const PAGE_ENTRY = 'entry/page';
/** Its source, relative to the project root (the key of its Vite manifest record). */
export const PAGE_ENTRY_SOURCE = 'src/lib/islands/page/main.ts';

/** The part of a Vite manifest record read here. */
export interface ManifestChunk {
	file: string;
	imports?: string[];
}

/**
 * `<link rel="modulepreload">` for every chunk the entry imports statically
 * (transitively, so the browser fetches them in parallel, not one level at a
 * time), then the module script. `prefix` leads every URL (`./` for the page
 * at the root of the site or its base path).
 */
export function pageEntryTags(manifest: Readonly<Record<string, ManifestChunk>>, prefix: string, source = PAGE_ENTRY_SOURCE): string {
	const entry = manifest[source];
	if (!entry) throw new Error(`the client build has no entry for ${source}: is the slipway:page-entry plugin in vite.config.ts?`);
	const files: string[] = [];
	const seen = new Set<string>([source]);
	const queue = [...(entry.imports ?? [])];
	for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
		if (seen.has(key)) continue;
		seen.add(key);
		const chunk = manifest[key];
		if (!chunk) throw new Error(`the client manifest has no record for ${key}, imported by the page's entry`);
		files.push(chunk.file);
		queue.push(...(chunk.imports ?? []));
	}
	const url = (file: string) => `${prefix}${file.split('/').map(encodeURIComponent).join('/')}`;
	return [...files.map((f) => `<link rel="modulepreload" href="${url(f)}">`), `<script type="module" src="${url(entry.file)}"></script>`].join('\n\t\t');
}

/** The part of the bundler's module graph `loadModules` reads. */
export interface ModuleGraph {
	getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** The modules the entry `root` needs before it runs: it and its static imports, transitively (not its dynamic imports). */
export function loadModules(root: string, graph: ModuleGraph): Set<string> {
	const out = new Set<string>();
	const queue = [root];
	for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
		if (out.has(id)) continue;
		const info = graph.getModuleInfo(id);
		if (!info) continue;
		out.add(id);
		queue.push(...info.importedIds);
	}
	return out;
}

/** The name of the one chunk that holds every module the page's entry imports statically. */
export const PAGE_CHUNK = 'page-load';

/**
 * The Vite plugin: adds the entry to SvelteKit's client build, with every
 * module it imports statically in one chunk (the page then fetches two
 * scripts, not ten small shared chunks, each with its own request, parse and
 * task); tells the server build where the client build's manifest is.
 */
export function pageEntry(options: { clientManifest: string }): Plugin {
	const entry = resolve(PAGE_ENTRY_SOURCE);
	let client = false;
	let modules: Set<string> | null = null;
	return {
		name: 'slipway:page-entry',
		config: () => ({ define: { __SLIPWAY_CLIENT_MANIFEST__: JSON.stringify(resolve(options.clientManifest)) } }),
		options(opts) {
			const input = opts.input;
			// Only SvelteKit's client build (it has entry/start); the server build and the workers keep theirs.
			client = !!input && typeof input === 'object' && !Array.isArray(input) && 'entry/start' in input;
			if (!client) return null;
			return { ...opts, input: { ...(input as Record<string, string>), [PAGE_ENTRY]: entry } };
		},
		outputOptions(out) {
			if (!client) return null;
			modules = null;
			const group = {
				name: (id: string, ctx: ModuleGraph) => {
					modules ??= loadModules(entry, ctx);
					return id !== entry && modules.has(id) ? PAGE_CHUNK : null;
				}
			};
			return { ...out, codeSplitting: { groups: [group] } } as typeof out;
		}
	};
}
