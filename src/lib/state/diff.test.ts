import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changedLines, lineHunks, type Hunk } from './diff.ts';

describe('changedLines', () => {
	it.each([
		['is empty for identical text', 'a\nb', 'a\nb', []],
		['marks a changed line', 'a\nb\nc', 'a\nB\nc', [1]],
		['marks inserted lines and not the shifted ones', 'a\nb\nc\nd', 'a\nb\nx\ny\nc\nd', [2, 3]],
		['marks nothing for pure deletions', 'a\nb\nc\nd', 'a\nd', []],
		['handles repeated lines', 'x\nx\nx', 'x\ny\nx\nx', [1]],
		['marks everything new when the old text was empty', '', 'a\nb', [0, 1]]
	])('%s', (_name, before, after, lines) => {
		expect([...changedLines(before, after)].sort()).toEqual(lines);
	});
});

describe('lineHunks', () => {
	/** Lines from a small alphabet, so old and new share many lines, repeated ones included. */
	const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 40 });
	/** The length of a longest common subsequence, by the textbook table (the reference the hunks are held to). */
	function lcsLength(a: readonly string[], b: readonly string[]): number {
		const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
		for (let i = 1; i <= a.length; i++)
			for (let j = 1; j <= b.length; j++) t[i][j] = a[i - 1] === b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
		return t[a.length][b.length];
	}
	/** `a` with each hunk's old lines replaced by its new ones. */
	function apply(a: readonly string[], b: readonly string[], hunks: readonly Hunk[]): string[] {
		const out: string[] = [];
		let at = 0;
		for (const h of hunks) {
			out.push(...a.slice(at, h.aFrom), ...b.slice(h.bFrom, h.bTo));
			at = h.aTo;
		}
		return [...out, ...a.slice(at)];
	}

	it('turns the old lines into the new ones, keeps a longest common subsequence, and its runs are ordered, apart and not empty', () => {
		fc.assert(
			fc.property(lines, lines, (a, b) => {
				const hunks = lineHunks(a, b);
				expect(apply(a, b, hunks)).toEqual(b);
				const kept = a.length - hunks.reduce((n, h) => n + h.aTo - h.aFrom, 0);
				expect(kept).toBe(lcsLength(a, b));
				for (const [i, h] of hunks.entries()) {
					expect(h.aTo - h.aFrom + h.bTo - h.bFrom).toBeGreaterThan(0);
					// Between two runs, at least one kept line, at the same offset in both versions.
					if (i > 0) {
						expect(h.aFrom).toBeGreaterThan(hunks[i - 1].aTo);
						expect(h.aFrom - hunks[i - 1].aTo).toBe(h.bFrom - hunks[i - 1].bTo);
					}
				}
			}),
			{ numRuns: 3000, seed: 1815 }
		);
	});

	it('gives nothing for identical lines, and one run for the whole differing middle past its cell limit', () => {
		expect(lineHunks(['a', 'b'], ['a', 'b'])).toEqual([]);
		const a = ['h', 'x', 'k', 'y', 't'];
		const b = ['h', 'k', 'z', 't'];
		expect(lineHunks(a, b)).toEqual([
			{ aFrom: 1, aTo: 2, bFrom: 1, bTo: 1 },
			{ aFrom: 3, aTo: 4, bFrom: 2, bTo: 3 }
		]);
		expect(lineHunks(a, b, 5)).toEqual([{ aFrom: 1, aTo: 4, bFrom: 1, bTo: 3 }]);
	});
});
