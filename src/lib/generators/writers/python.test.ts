import fc from 'fast-check';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { describe, expect, it } from 'vitest';
import { pyComment, pyCommentBlock, pyFile, pyFromImport, pyModule, pyStr } from './python.ts';

/** Decode a Python string literal the way Python does, for the escapes pyStr can produce. */
function pyDecode(lit: string): string {
	const q = lit[0];
	expect(lit.endsWith(q)).toBe(true);
	const body = lit.slice(1, -1);
	return body.replace(/\\(u[0-9a-f]{4}|["'\\/bfnrt])/g, (_, e: string) => {
		if (e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
		return ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
	});
}

describe('pyStr', () => {
	it('round-trips any text, never leaving the literal', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (s) => {
				const lit = pyStr(s);
				expect(pyDecode(lit)).toBe(s);
				expect(lit).not.toMatch(/[\n\r\u2028\u2029]/);
			})
		);
	});
	it('is a valid, ruff-formatted Python literal for nasty input', { timeout: 60_000 }, () => {
		const ws = new Workspace({ 'line-length': 100 }, PositionEncoding.Utf16);
		for (const s of ['plain', 'say "hi"', "it's", `both " and '`, 'back\\slash', 'naïve 🚀 李', '"""', "'''", 'tab\there', '\u2028']) {
			const src = `X = ${pyStr(s)}\n`;
			expect(ws.check(src)).toEqual([]);
			expect(ws.format(src)).toBe(src);
		}
	});
});

describe('comments and imports', () => {
	it('keeps comments on one line', () => {
		expect(pyComment('a\nb\rc\u2028d')).toBe('# a b c d');
		expect(pyCommentBlock('word '.repeat(40), '    ').every((l) => l.length <= 88 && l.startsWith('    # '))).toBe(true);
	});
	it('wraps long imports the way ruff does', () => {
		expect(pyFromImport('a.b', ['c', 'd'])).toBe('from a.b import c, d');
		expect(pyFromImport('x'.repeat(90), ['c', 'd'])).toBe(`from ${'x'.repeat(90)} import (\n    c,\n    d,\n)`);
	});
});

describe('pyModule', () => {
	const ws = new Workspace({ 'line-length': 100 }, PositionEncoding.Utf16);
	it.each([
		['a constant after the imports: one blank line', { doc: 'Doc.', imports: [['import os'], [], ['from . import x']], body: ['A = (os.sep, x)'] }, '"""Doc."""\n\nimport os\n\nfrom . import x\n\nA = (os.sep, x)\n'],
		['a definition after the imports: two', { doc: 'Doc.\n\nMore.\n', imports: [['import os']], body: ['', 'def f() -> str:', '    return os.sep'] }, '"""Doc.\n\nMore.\n"""\n\nimport os\n\n\ndef f() -> str:\n    return os.sep\n'],
		['a definition right after the docstring: two', { doc: 'Doc.', body: ['class C: ...'] }, '"""Doc."""\n\n\nclass C: ...\n'],
		['a backslash: a raw docstring', { doc: 'Run:\n\n    a \\\n      b\n' }, 'r"""Run:\n\n    a \\\n      b\n"""\n']
	])('%s', (_name, parts, want) => {
		const src = pyFile(pyModule(parts));
		expect(src).toBe(want);
		expect(ws.check(src)).toEqual([]);
		expect(ws.format(src)).toBe(src);
	});
});
