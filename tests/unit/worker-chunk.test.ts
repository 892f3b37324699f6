/**
 * vite-plugins/worker-chunk.ts: in SvelteKit's client build the generator
 * worker is a chunk of that build (not Vite's separate worker bundle, which
 * repeated the model, the share codec, SHA-256 and the records the page also
 * downloads), and the modules both the page and the worker load at start get a
 * chunk of their own, ahead of the page's one-chunk group (else the worker
 * would import the whole page script). Run against the hooks with a module
 * graph of a few ids; the built result is measured by `npm run bench:ui`
 * (first visit's bytes) and exercised by the browser tests (the worker runs,
 * offline too).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModuleGraph } from '../../src/lib/islands/build/page-entry.ts';
import { PAGE_CHUNK, PAGE_ENTRY_SOURCE, pageEntry } from '../../src/lib/islands/build/page-entry.ts';
import { SHARED_CHUNK, sharedModules, WORKER_CHUNK, WORKER_SOURCE, workerChunk } from '../../vite-plugins/worker-chunk.ts';

const PAGE = resolve(PAGE_ENTRY_SOURCE);
const WORKER = resolve(WORKER_SOURCE);

/** page -> app, model; app -> svelte, model; worker -> generators, model; generators -> model, yaml; model -> pep. */
const EDGES: Record<string, string[]> = {
	[PAGE]: ['/app', '/model'],
	'/app': ['/svelte', '/model'],
	[WORKER]: ['/generators', '/model'],
	'/generators': ['/model', '/yaml'],
	'/model': ['/pep'],
	'/svelte': [],
	'/yaml': [],
	'/pep': [],
	'/lazy-step': ['/generators']
};
const graph: ModuleGraph = { getModuleInfo: (id) => (EDGES[id] ? { importedIds: EDGES[id]! } : null) };

type Hook = (...args: unknown[]) => unknown;
const hook = (h: unknown): Hook => (typeof h === 'function' ? (h as Hook) : ((h as { handler: Hook }).handler as Hook));
type Groups = { codeSplitting: { groups: Array<{ name: (id: string, ctx: ModuleGraph) => string | null; priority?: number }> } };

/** The plugins' output options for the client build (page-entry's first, as in vite.config.ts's order of hooks). */
function clientOutput(): Groups {
	const input = { 'entry/start': '/kit/start.js' };
	const pe = pageEntry({ clientManifest: 'x' });
	const wc = workerChunk();
	hook(pe.options).call({}, { input });
	hook(wc.options).call({}, { input });
	const afterPage = (hook(pe.outputOptions).call({}, {}) ?? {}) as object;
	return hook(wc.outputOptions).call({}, afterPage) as Groups;
}

/** Which chunk each module lands in: the first group, by priority then order, that names it. */
function chunkOf(out: Groups, id: string): string | null {
	const groups = [...out.codeSplitting.groups].map((g, i) => ({ g, i })).sort((a, b) => (b.g.priority ?? 0) - (a.g.priority ?? 0) || a.i - b.i);
	for (const { g } of groups) {
		const name = g.name(id, graph);
		if (name) return name;
	}
	return null;
}

describe('workerChunk (vite-plugins/worker-chunk.ts)', () => {
	it('sharedModules: what both entries load at start, closed under static imports, without the entries', () => {
		expect([...sharedModules(PAGE, WORKER, graph)].sort()).toEqual(['/model', '/pep']);
	});

	it('puts the shared modules in their own chunk, the worker\'s own in the worker\'s, and leaves the page\'s group the rest', () => {
		const out = clientOutput();
		expect(chunkOf(out, '/model')).toBe(SHARED_CHUNK);
		expect(chunkOf(out, '/pep')).toBe(SHARED_CHUNK);
		expect(chunkOf(out, '/generators')).toBe(WORKER_CHUNK);
		expect(chunkOf(out, '/yaml')).toBe(WORKER_CHUNK);
		// The page's chunk keeps what only the page loads at start: the worker never imports it.
		expect(chunkOf(out, '/app')).toBe(PAGE_CHUNK);
		expect(chunkOf(out, '/svelte')).toBe(PAGE_CHUNK);
		// A lazy page chunk's module is left to the bundler.
		expect(chunkOf(out, '/lazy-step')).toBeNull();
	});

	it('turns the worker\'s ?worker&url import into an emitted chunk of the client build, and only there', async () => {
		const emitted: unknown[] = [];
		const ctx = {
			resolve: async (source: string) => ({ id: source === './generate.worker.ts' ? WORKER : resolve(source) }),
			emitFile: (f: unknown) => (emitted.push(f), 'REF1')
		};
		const server = workerChunk();
		hook(server.options).call({}, { input: { index: '/server.js' } });
		expect(await hook(server.resolveId).call(ctx, './generate.worker.ts?worker&url', '/src/lib/state/engine.ts')).toBeNull();

		const client = workerChunk();
		hook(client.options).call({}, { input: { 'entry/start': '/kit/start.js' } });
		const id = (await hook(client.resolveId).call(ctx, './generate.worker.ts?worker&url', '/src/lib/state/engine.ts')) as string;
		expect(id).toContain(WORKER);
		// Another worker keeps Vite's handling.
		expect(await hook(client.resolveId).call(ctx, './other.worker.ts?worker&url', '/x.ts')).toBeNull();
		expect(hook(client.load).call(ctx, id)).toBe('export default import.meta.ROLLUP_FILE_URL_REF1;');
		expect(emitted).toEqual([{ type: 'chunk', id: WORKER, name: WORKER_CHUNK, preserveSignature: false }]);
	});
});
