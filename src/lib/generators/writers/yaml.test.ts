/**
 * The YAML writer's trailing comments (issue 16.1): `uses: owner/repo@<sha> # vX.Y.Z` and
 * pre-commit's `rev: <sha>  # frozen: vX.Y.Z` are written on the value's line, the value
 * still quoted where YAML needs it, and a parser reads the value alone.
 */
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { TrailingComment, writeYaml } from './yaml.ts';

const SHA = '3d3c42e5aac5ba805825da76410c181273ba90b1';

describe('TrailingComment', () => {
	it('writes the comment after a step value, one space before #', () => {
		const text = writeYaml({ steps: [{ uses: new TrailingComment(`actions/checkout@${SHA}`, 'v7.0.1'), with: { 'persist-credentials': false } }] });
		expect(text).toBe(`steps:\n  - uses: actions/checkout@${SHA} # v7.0.1\n    with:\n      persist-credentials: false\n`);
		expect(load(text)).toEqual({ steps: [{ uses: `actions/checkout@${SHA}`, with: { 'persist-credentials': false } }] });
	});

	it("writes pre-commit's frozen form with two spaces, as pre-commit autoupdate --freeze does", () => {
		const text = writeYaml({ repos: [{ repo: 'https://github.com/pre-commit/pre-commit-hooks', rev: new TrailingComment(SHA, 'frozen: v6.0.0', '  ') }] });
		expect(text).toContain(`    rev: ${SHA}  # frozen: v6.0.0\n`);
		expect((load(text) as { repos: { rev: string }[] }).repos[0].rev).toBe(SHA);
	});

	it('quotes a value YAML would read as another type, and keeps the comment after the quotes', () => {
		// An all-digit "SHA" and a number-like string: js-yaml quotes both, the parser reads strings.
		const digits = '1234567890'.repeat(4);
		const text = writeYaml({ a: new TrailingComment(digits, 'x'), b: [new TrailingComment('1e3', 'y')] });
		expect(text).toBe(`a: "${digits}" # x\nb:\n  - "1e3" # y\n`);
		expect(load(text)).toEqual({ a: digits, b: ['1e3'] });
	});

	it('is not confused by user text that looks like its placeholder', () => {
		const text = writeYaml({ name: 'slipwaytrailingcomment0end', uses: new TrailingComment('a/b@c', 'v1') });
		expect(load(text)).toEqual({ name: 'slipwaytrailingcomment0end', uses: 'a/b@c' });
		expect(text).toContain('uses: a/b@c # v1\n');
	});

	it('is not confused by a key, a nested string or a commented value that looks like its placeholder', () => {
		const doc = { slipwaytrailingcomment0end: 'k', deep: [{ x: 'slipwaytrailingcommentx0end' }], uses: new TrailingComment('slipwaytrailingcommentxx1end', 'v1'), b: new TrailingComment('z', 'v2') };
		const text = writeYaml(doc);
		expect(load(text)).toEqual({ slipwaytrailingcomment0end: 'k', deep: [{ x: 'slipwaytrailingcommentx0end' }], uses: 'slipwaytrailingcommentxx1end', b: 'z' });
		expect(text).toContain('uses: slipwaytrailingcommentxx1end # v1\n');
		expect(text).toContain('b: z # v2\n');
	});

	it('refuses a comment over two lines and a value that is not a scalar on a key', () => {
		expect(() => new TrailingComment('x', 'a\nb')).toThrow(/one line/);
		expect(() => writeYaml(new TrailingComment('x', 'top level'))).toThrow(/not a scalar value/);
	});
});
