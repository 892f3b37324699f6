import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { decodeText, fromDirectoryEntry, fromDirectoryHandle, fromFileList, fromZip, ignoredPath, InputError, readTexts, type DirHandle, type FileHandle } from './read.ts';
import { splitRows, unifiedRows } from './rows.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function fileAt(path: string, text: string): File {
	const f = new File([text], path.split('/').pop()!);
	Object.defineProperty(f, 'webkitRelativePath', { value: path });
	return f;
}

describe('reading a project', () => {
	it('a picked folder: the folder name is taken off, skipped folders are not listed', async () => {
		const p = fromFileList([
			fileAt('acme/pyproject.toml', '[project]\n'),
			fileAt('acme/src/acme/main.py', 'x = 1\n'),
			fileAt('acme/.git/config', '[core]\n'),
			fileAt('acme/.venv/lib/site.py', ''),
			fileAt('acme/node_modules/a/index.js', ''),
			fileAt('acme/src/acme.egg-info/PKG-INFO', '')
		]);
		expect(p.label).toBe('the folder acme');
		expect(p.paths).toEqual(['pyproject.toml', 'src/acme/main.py']);
		expect(decodeText(await p.read('src/acme/main.py'), 'main.py')).toBe('x = 1\n');
	});

	it('a zip with one top folder (GitHub, Slipway) or none', async () => {
		const z = new JSZip();
		z.file('acme-main/slipway.json', '{}');
		z.file('acme-main/README.md', '# acme\n');
		z.file('acme-main/.git/HEAD', 'ref');
		const p = await fromZip(await z.generateAsync({ type: 'uint8array' }), 'acme.zip');
		expect(p.paths).toEqual(['README.md', 'slipway.json']);
		expect(decodeText(await p.read('README.md'), 'README.md')).toBe('# acme\n');
		const flat = new JSZip();
		flat.file('pyproject.toml', '');
		flat.file('src/x.py', '');
		expect((await fromZip(await flat.generateAsync({ type: 'uint8array' }), 'flat.zip')).paths).toEqual(['pyproject.toml', 'src/x.py']);
	});

	it('a file that is not a zip is refused with a message', async () => {
		await expect(fromZip(enc('just text'), 'notes.zip')).rejects.toThrow(/notes\.zip is not a zip file/);
		await expect(fromZip(enc('just text'), 'notes.zip')).rejects.toBeInstanceOf(InputError);
	});

	it('a directory handle (File System Access API) is walked without opening skipped folders', async () => {
		const opened: string[] = [];
		const dir = (name: string, entries: Array<DirHandle | FileHandle>): DirHandle => ({
			kind: 'directory',
			name,
			async *values() {
				opened.push(name);
				yield* entries;
			}
		});
		const file = (name: string, text: string): FileHandle => ({ kind: 'file', name, getFile: async () => new File([text], name) });
		const p = await fromDirectoryHandle(dir('acme', [file('slipway.json', '{}'), dir('.git', [file('HEAD', '')]), dir('src', [file('a.py', 'a\n')])]));
		expect(p.paths).toEqual(['slipway.json', 'src/a.py']);
		expect(opened).toEqual(['acme', 'src']);
		expect(decodeText(await p.read('src/a.py'), 'a.py')).toBe('a\n');
	});

	it('a dropped folder (entries API): batches read until an empty one, skipped folders never opened', async () => {
		const opened: string[] = [];
		type E = { isFile: boolean; isDirectory: boolean; name: string; fullPath: string };
		const file = (name: string, text: string) => ({ isFile: true, isDirectory: false, name, fullPath: name, file: (ok: (f: File) => void) => ok(new File([text], name)) });
		const dir = (name: string, batches: E[][]) => ({
			isFile: false,
			isDirectory: true,
			name,
			fullPath: name,
			createReader() {
				opened.push(name);
				let i = 0;
				return { readEntries: (ok: (e: E[]) => void) => ok(batches[i++] ?? []) };
			}
		});
		const p = await fromDirectoryEntry(dir('acme', [[file('pyproject.toml', 'x')], [dir('node_modules', [[file('a.js', '')]]), dir('src', [[file('b.py', 'b')]])]]));
		expect(p.paths).toEqual(['pyproject.toml', 'src/b.py']);
		expect(opened).toEqual(['acme', 'src']);
		expect(decodeText(await p.read('src/b.py'), 'b.py')).toBe('b');
	});

	it('binary or non-UTF-8 files are refused by name; paths the project lacks are left out', async () => {
		expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'README.md')).toThrow(/README\.md is not a text file/);
		expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41]), 'x.txt')).toThrow(/not UTF-8/);
		const p = fromFileList([fileAt('a/pyproject.toml', 'x'), fileAt('a/README.md', 'r')]);
		expect([...(await readTexts(p, ['README.md', 'Dockerfile']))]).toEqual([['README.md', 'r']]);
		expect(ignoredPath('a/__pycache__/x.pyc')).toBe(true);
		expect(ignoredPath('deploy/x.yaml')).toBe(false);
	});
});

describe('diff rows', () => {
	const patch = ['--- a/f', '+++ b/f', '@@ -1,3 +1,3 @@', ' one', '-two', '+TWO', '+extra', ' three', '\\ No newline at end of file', ''].join('\n');
	it('unified rows carry line numbers from the hunk header', () => {
		const rows = unifiedRows(patch);
		expect(rows.map((r) => [r.kind, r.text, r.old, r.new])).toEqual([
			['hunk', '@@ -1,3 +1,3 @@', undefined, undefined],
			['context', 'one', 1, 1],
			['del', 'two', 2, undefined],
			['add', 'TWO', undefined, 2],
			['add', 'extra', undefined, 3],
			['context', 'three', 3, 4],
			['note', 'No newline at end of file', undefined, undefined]
		]);
	});
	it('side by side pairs a removed run with the added run after it', () => {
		const rows = splitRows(unifiedRows(patch));
		expect(rows.filter((r) => r.kind === 'change').map((r) => [r.left?.text, r.right?.text])).toEqual([
			['two', 'TWO'],
			[undefined, 'extra']
		]);
	});
});
