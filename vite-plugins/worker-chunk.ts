/**
 * The generator worker as a chunk of SvelteKit's client build, so the page and
 * the worker fetch the code they both run once (issue 18.16).
 *
 * Vite bundles a `?worker&url` import on its own: a second build whose file
 * repeats every module the page also has (the model: schema, derive, targets,
 * PEP 508 parsing, licenses; the share-link codec and its deflate; SHA-256;
 * the records both read). Here, in the client build only, such an import of
 * `generate.worker.ts` becomes an emitted chunk of that same build instead
 * (`this.emitFile({ type: 'chunk' })`, its URL by
 * `import.meta.ROLLUP_FILE_URL_<ref>`): the worker is then an ES module that
 * imports shared chunks. The page already starts it as a module worker
 * (engine.ts `{ type: 'module' }`) and imports the same file as its fallback.
 *
 * The page's own chunk (slipway:page-entry puts every module the page loads
 * at start into one chunk) must not hold what the worker imports: the worker
 * would then load the whole page script, Svelte and the start-up code
 * included. So the modules both load at start (the worker entry's and the
 * page entry's static imports, intersected: closed under static imports) get a
 * chunk of their own, with a higher priority than the page's group. The page
 * then loads two scripts at start (its own and this one, both
 * modulepreloaded from the manifest), the worker its entry and this one.
 *
 * Dev server, server build and unit tests keep Vite's `?worker&url` (nothing
 * there is downloaded twice). tests/unit/worker-chunk.test.ts builds with this
 * plugin and checks the result.
 */
import { resolve } from 'node:path';
import type { Plugin, Rolldown } from 'vite';

type PreRenderedChunk = Rolldown.PreRenderedChunk;
import { loadModules, PAGE_ENTRY_SOURCE, type ModuleGraph } from '../src/lib/islands/build/page-entry.ts';

/** The worker entry whose `?worker&url` imports become a chunk of the client build. */
export const WORKER_SOURCE = 'src/lib/state/generate.worker.ts';
/** The emitted chunk's name (its file: WORKER_FILE). */
export const WORKER_CHUNK = 'generate.worker';
/** Its file in the client build, where Vite's worker bundle was. */
export const WORKER_FILE = '_app/immutable/workers/generate.worker-[hash].js';
/** The chunk of the modules the page and the worker both load at start. */
export const SHARED_CHUNK = 'page-worker-shared';

const SUFFIX = '?worker&url';
const VIRTUAL = '\0slipway-worker-url:';

/** The modules `a` and `b` both load before they run (static imports, transitively). */
export function sharedModules(a: string, b: string, graph: ModuleGraph): Set<string> {
	const left = loadModules(a, graph);
	const out = new Set<string>();
	for (const id of loadModules(b, graph)) if (left.has(id) && id !== a && id !== b) out.add(id);
	return out;
}

type Group = { name: (id: string, ctx: ModuleGraph) => string | null; priority?: number };

export function workerChunk(): Plugin {
	const worker = resolve(WORKER_SOURCE);
	const page = resolve(PAGE_ENTRY_SOURCE);
	let client = false;
	return {
		name: 'slipway:worker-chunk',
		apply: 'build',
		// Before Vite's worker plugin, which would otherwise take the `?worker&url` import.
		enforce: 'pre',
		options(opts) {
			const input = opts.input;
			// SvelteKit's client build is the one with entry/start (as slipway:page-entry tells them apart).
			client = !!input && typeof input === 'object' && !Array.isArray(input) && 'entry/start' in input;
			return null;
		},
		async resolveId(source, importer) {
			if (!client || !source.endsWith(SUFFIX)) return null;
			const target = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
			if (!target || target.id !== worker) return null;
			return VIRTUAL + target.id;
		},
		load(id) {
			if (!id.startsWith(VIRTUAL)) return null;
			// No signature to keep (the page reads what the bundle leaves on globalThis), so the worker's group chunk
			// below can be the entry itself rather than a facade that imports it.
			const ref = this.emitFile({ type: 'chunk', id: id.slice(VIRTUAL.length), name: WORKER_CHUNK, preserveSignature: false });
			return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
		},
		// The chunk that names the worker's URL lists it among its assets while the file name still holds the
		// bundler's hash placeholder (`generate.worker-!~{00w}~.js`): Vite's manifest, and so SvelteKit's
		// service-worker `build` list, would name a file that does not exist. Given its final name here.
		generateBundle: {
			order: 'pre',
			handler(_, bundle) {
				if (!client) return;
				const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId === worker);
				for (const c of Object.values(bundle)) {
					const assets = c.type === 'chunk' ? (c as { viteMetadata?: { importedAssets?: Set<string> } }).viteMetadata?.importedAssets : undefined;
					if (!assets) continue;
					for (const a of [...assets]) {
						if (!a.includes('!~{')) continue;
						assets.delete(a);
						if (entry && a.startsWith(WORKER_FILE.slice(0, WORKER_FILE.indexOf('[hash]')))) assets.add(entry.fileName);
					}
				}
			}
		},
		// After slipway:page-entry's, which sets the page's group (and would replace this one).
		outputOptions: {
			order: 'post',
			handler(out) {
				if (!client) return null;
				let sets: { shared: Set<string>; own: Set<string> } | null = null;
				const of = (ctx: ModuleGraph) => {
					if (sets) return sets;
					const shared = sharedModules(page, worker, ctx);
					const own = new Set([...loadModules(worker, ctx)].filter((id) => !shared.has(id)));
					return (sets = { shared, own });
				};
				const groups: Group[] = [
					{ name: (id, ctx) => (of(ctx).shared.has(id) ? SHARED_CHUNK : null), priority: 2 },
					{ name: (id, ctx) => (of(ctx).own.has(id) ? WORKER_CHUNK : null), priority: 1 }
				];
				const split = (out as { codeSplitting?: { groups?: Group[] } }).codeSplitting ?? {};
				// The worker's file keeps the name it had as Vite's worker bundle (the browser tests and the bench look for it).
				const chunkFileNames = out.chunkFileNames;
				const names = (info: PreRenderedChunk) =>
					info.name === WORKER_CHUNK ? WORKER_FILE : typeof chunkFileNames === 'function' ? chunkFileNames(info) : (chunkFileNames ?? '[name]-[hash].js');
				return { ...out, chunkFileNames: names, codeSplitting: { ...split, groups: [...groups, ...(split.groups ?? [])] } } as typeof out;
			}
		}
	};
}
