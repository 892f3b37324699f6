import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints, loadChunks, type ChunkInfo } from './compile-hints.ts';

const chunk = (name: string, imports: string[] = [], isEntry = false): ChunkInfo => ({ type: 'chunk', name, isEntry, imports });

/**
 * The shape of the client build: the page's entry (entry/page), SvelteKit's entries and route nodes
 * (loaded only by the 404 shell), shared and lazy chunks.
 */
const bundle: Record<string, ChunkInfo> = {
	'entry/page.js': chunk('entry/page', ['chunks/runtime.js', 'chunks/islands.js'], true),
	'entry/start.js': chunk('entry/start', ['chunks/runtime.js', 'chunks/kit.js'], true),
	'entry/app.js': chunk('entry/app', ['chunks/runtime.js'], true),
	'nodes/0.js': chunk('nodes/0', ['chunks/runtime.js'], true),
	'nodes/1.js': chunk('nodes/1', ['chunks/runtime.js', 'chunks/error-only.js'], true),
	'nodes/2.js': chunk('nodes/2', ['chunks/islands.js'], true),
	'chunks/runtime.js': chunk('runtime'),
	'chunks/kit.js': chunk('kit', ['chunks/runtime.js']),
	'chunks/islands.js': chunk('islands', ['chunks/model.js']),
	'chunks/model.js': chunk('model'),
	'chunks/error-only.js': chunk('error-only'),
	'chunks/zip.js': chunk('zip', ['chunks/runtime.js']),
	'assets/0.css': { type: 'asset' }
};

describe('loadChunks', () => {
	it("is the page's entry and its static imports, transitively", () => {
		expect([...loadChunks(bundle)].sort()).toEqual(['chunks/islands.js', 'chunks/model.js', 'chunks/runtime.js', 'entry/page.js']);
	});

	it("leaves out SvelteKit's client (start, app, route nodes: the 404 shell's), what only it imports, lazy chunks and assets", () => {
		const load = loadChunks(bundle);
		for (const f of ['entry/start.js', 'entry/app.js', 'nodes/0.js', 'nodes/1.js', 'nodes/2.js', 'chunks/kit.js', 'chunks/error-only.js', 'chunks/zip.js', 'assets/0.css'])
			expect(load.has(f), f).toBe(false);
	});

	it('ignores a missing import and stops at cycles', () => {
		const cyclic = { 'entry/page.js': chunk('entry/page', ['a.js', 'gone.js'], true), 'a.js': chunk('a', ['entry/page.js']) };
		expect([...loadChunks(cyclic)].sort()).toEqual(['a.js', 'entry/page.js']);
	});
});

describe('compileHints plugin', () => {
	type Hook = (this: unknown, ...args: unknown[]) => void;
	const run = (b: Record<string, unknown>, files: Record<string, string>) => {
		const dir = mkdtempSync(join(tmpdir(), 'hints-'));
		for (const [f, code] of Object.entries(files)) {
			mkdirSync(join(dir, f, '..'), { recursive: true });
			writeFileSync(join(dir, f), code);
		}
		const plugin = compileHints();
		(plugin.generateBundle as Hook).call({}, {}, b, false);
		(plugin.writeBundle as Hook).call({}, { dir }, b);
		(plugin.writeBundle as Hook).call({}, { dir }, b); // a second write adds nothing
		return (f: string) => readFileSync(join(dir, f), 'utf8');
	};

	it('prefixes the load chunks on disk, once, and nothing else', () => {
		const files = Object.fromEntries(Object.keys(bundle).map((f) => [f, `export const x = "${f}";\n`]));
		const read = run(bundle, files);
		for (const f of loadChunks(bundle)) expect(read(f)).toBe(COMPILE_HINT + files[f]);
		for (const f of ['entry/start.js', 'nodes/1.js', 'chunks/kit.js', 'chunks/zip.js', 'chunks/error-only.js']) expect(read(f)).toBe(files[f]);
	});

	it('leaves a build without SvelteKit’s client entry alone (server build, worker)', () => {
		const server = { 'index.js': chunk('index', ['chunks/x.js'], true), 'chunks/x.js': chunk('x') };
		const read = run(server, { 'index.js': 'a', 'chunks/x.js': 'b' });
		expect(read('index.js')).toBe('a');
		expect(read('chunks/x.js')).toBe('b');
	});
});
