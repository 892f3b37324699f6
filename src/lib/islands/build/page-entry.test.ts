import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadModules, PAGE_CHUNK, PAGE_ENTRY, PAGE_ENTRY_SOURCE, pageEntry, pageEntryTags, type ManifestChunk, type ModuleGraph } from './page-entry.ts';

/** A client build's Vite manifest: the page's entry, shared chunks (one imported twice, one cycle), a lazy chunk. */
const manifest: Record<string, ManifestChunk & { dynamicImports?: string[] }> = {
	[PAGE_ENTRY_SOURCE]: { file: '_app/immutable/entry/page.abc.js', imports: ['_runtime.js', '_islands.js'], dynamicImports: ['src/lib/output/zip.ts'] },
	'_runtime.js': { file: '_app/immutable/chunks/runtime.js' },
	'_islands.js': { file: '_app/immutable/chunks/islands.js', imports: ['_runtime.js', '_model.js'] },
	'_model.js': { file: '_app/immutable/chunks/model.js', imports: ['_islands.js'] },
	'src/lib/output/zip.ts': { file: '_app/immutable/chunks/zip.js' },
	'.svelte-kit/generated/client-optimized/nodes/2.js': { file: '_app/immutable/nodes/2.js', imports: ['_islands.js'] }
};

describe('pageEntryTags', () => {
	it('preloads every static import once, transitively, then loads the entry as a module', () => {
		const tags = pageEntryTags(manifest, './').split('\n\t\t');
		expect(tags).toEqual([
			'<link rel="modulepreload" href="./_app/immutable/chunks/runtime.js">',
			'<link rel="modulepreload" href="./_app/immutable/chunks/islands.js">',
			'<link rel="modulepreload" href="./_app/immutable/chunks/model.js">',
			'<script type="module" src="./_app/immutable/entry/page.abc.js"></script>'
		]);
	});

	it('preloads nothing lazy and nothing only SvelteKit uses', () => {
		const tags = pageEntryTags(manifest, './');
		expect(tags).not.toContain('zip.js');
		expect(tags).not.toContain('nodes/2.js');
	});

	it('fails the build when the entry or one of its chunks is missing from the manifest', () => {
		expect(() => pageEntryTags({}, './')).toThrow(`no entry for ${PAGE_ENTRY_SOURCE}`);
		const broken = { ...manifest, '_model.js': undefined } as unknown as Record<string, ManifestChunk>;
		expect(() => pageEntryTags(broken, './')).toThrow('no record for _model.js');
	});
});

describe('pageEntry plugin', () => {
	type OptionsHook = (this: unknown, o: { input?: unknown }) => { input?: unknown } | null;
	const options = pageEntry({ clientManifest: '.svelte-kit/output/client/.vite/manifest.json' }).options as OptionsHook;

	it("adds the page's entry to SvelteKit's client build only", () => {
		const client = options.call({}, { input: { 'entry/start': 'start.js', 'entry/app': 'app.js' } });
		expect(client?.input).toMatchObject({ 'entry/start': 'start.js', 'entry/app': 'app.js' });
		expect((client?.input as Record<string, string>)[PAGE_ENTRY]).toMatch(/src\/lib\/islands\/page\/main\.ts$/);
		// The server build and the workers keep their inputs.
		expect(options.call({}, { input: { index: 'server.js' } })).toBeNull();
		expect(options.call({}, { input: ['worker.ts'] })).toBeNull();
		expect(options.call({}, { input: 'sw.ts' })).toBeNull();
	});

	it('tells the server build where the client manifest is, as an absolute path', () => {
		const config = (pageEntry({ clientManifest: 'out/m.json' }).config as () => { define: Record<string, string> })();
		expect(JSON.parse(config.define.__SLIPWAY_CLIENT_MANIFEST__)).toMatch(/^\/.*\/out\/m\.json$/);
	});
});

/** A module graph: the entry, its static imports (one cycle), a dynamic import and what only it imports, SvelteKit's own. */
const graph = (entry: string): ModuleGraph => {
	const imports: Record<string, string[]> = {
		[entry]: ['/p/islands.ts', '/p/svelte.js'],
		'/p/islands.ts': ['/p/svelte.js', '/p/model.ts'],
		'/p/model.ts': ['/p/islands.ts'],
		'/p/svelte.js': [],
		'/p/zip.ts': ['/p/jszip.js'],
		'/p/jszip.js': [],
		'/kit/start.js': ['/p/svelte.js', '/kit/router.js'],
		'/kit/router.js': []
	};
	return { getModuleInfo: (id) => (imports[id] ? { importedIds: imports[id] } : null) };
};

describe('loadModules', () => {
	it('is the entry and its static imports, transitively, through cycles; not dynamic imports or what others import', () => {
		expect([...loadModules('/p/main.ts', graph('/p/main.ts'))].sort()).toEqual(['/p/islands.ts', '/p/main.ts', '/p/model.ts', '/p/svelte.js']);
	});
});

describe('pageEntry plugin: one chunk for what the page loads', () => {
	type Hooks = { options: (o: { input?: unknown }) => unknown; outputOptions: (o: object) => { codeSplitting?: { groups: { name: (id: string, ctx: ModuleGraph) => string | null }[] } } | null };
	const entry = resolve(PAGE_ENTRY_SOURCE);

	it("groups the entry's static imports into one chunk in the client build, and leaves everything else to the bundler", () => {
		const plugin = pageEntry({ clientManifest: 'm.json' }) as unknown as Hooks;
		plugin.options({ input: { 'entry/start': 'start.js' } });
		const out = plugin.outputOptions({ format: 'es' });
		const name = out!.codeSplitting!.groups[0].name;
		const g = graph(entry);
		for (const id of ['/p/islands.ts', '/p/model.ts', '/p/svelte.js']) expect(name(id, g), id).toBe(PAGE_CHUNK);
		// The entry stays its own (tiny) chunk; lazy code and SvelteKit's router are not pulled in.
		for (const id of [entry, '/p/zip.ts', '/p/jszip.js', '/kit/start.js', '/kit/router.js']) expect(name(id, g), id).toBeNull();
		expect(out).toMatchObject({ format: 'es' });
	});

	it('leaves the server build and the workers alone', () => {
		const plugin = pageEntry({ clientManifest: 'm.json' }) as unknown as Hooks;
		plugin.options({ input: { index: 'server.js' } });
		expect(plugin.outputOptions({ format: 'es' })).toBeNull();
	});
});
