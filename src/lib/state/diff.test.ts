import { describe, expect, it } from 'vitest';
import { changedLines } from './diff.ts';

describe('changedLines', () => {
	it('is empty for identical text', () => {
		expect([...changedLines('a\nb', 'a\nb')]).toEqual([]);
	});
	it('marks a changed line', () => {
		expect([...changedLines('a\nb\nc', 'a\nB\nc')]).toEqual([1]);
	});
	it('marks inserted lines and not the shifted ones', () => {
		expect([...changedLines('a\nb\nc\nd', 'a\nb\nx\ny\nc\nd')].sort()).toEqual([2, 3]);
	});
	it('marks nothing for pure deletions', () => {
		expect([...changedLines('a\nb\nc\nd', 'a\nd')]).toEqual([]);
	});
	it('handles repeated lines', () => {
		expect([...changedLines('x\nx\nx', 'x\ny\nx\nx')]).toEqual([1]);
	});
	it('marks everything new when the old text was empty', () => {
		expect([...changedLines('', 'a\nb')].sort()).toEqual([0, 1]);
	});
});
