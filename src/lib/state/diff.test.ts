import { describe, expect, it } from 'vitest';
import { changedLines } from './diff.ts';

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
