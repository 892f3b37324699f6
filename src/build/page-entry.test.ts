import { describe, expect, it } from 'vitest';
import { PAGE_ENTRY, PAGE_ENTRY_SOURCE, pageEntry, pageEntryTags, type ManifestChunk } from './page-entry.ts';

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
		expect((client?.input as Record<string, string>)[PAGE_ENTRY]).toMatch(/src\/lib\/page\/main\.ts$/);
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
