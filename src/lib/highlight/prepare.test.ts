/**
 * prepare(): the file on screen of a set one click away, highlighted and diffed in idle time; the click's
 * rehighlight and changedLines then give what was prepared, which must be what they compute without it.
 */
import { describe, expect, it } from 'vitest';
import { changedLines, highlightAll, prepare, rehighlight } from './incremental.ts';
import { changedLines as lineChanges } from '../state/diff.ts';
import { generate } from '../generators/index.ts';
import { PRESETS } from '../model/presets.ts';

const pyproject = (i: number) => generate(PRESETS[i].config()).find((f) => f.path === 'pyproject.toml')!.content;

describe('prepare', () => {
	it('gives the click the highlighting and the marks computed without it, and the prepared ones are reused', () => {
		const a = pyproject(0);
		const b = pyproject(1);
		expect(a).not.toBe(b);
		const from = highlightAll(a, 'toml');
		prepare(from, b, 'toml');
		const h = rehighlight(from, b, 'toml');
		expect(h.lines).toEqual(highlightAll(b, 'toml').lines);
		// The very object prepared: nothing was tokenized again.
		expect(rehighlight(null, b, 'toml')).toBe(h);
		const marks = changedLines(a, b);
		expect([...marks]).toEqual([...lineChanges(a, b)]);
		expect(changedLines(a, b)).toBe(marks);
	});

	it('is not used for another language or against another text shown', () => {
		const a = pyproject(0);
		const b = pyproject(2);
		prepare(highlightAll(a, 'toml'), b, 'toml');
		expect(rehighlight(null, b, 'text').language).toBe('text');
		const other = a.replace('[project]', '[project]\n# edited');
		expect([...changedLines(other, b)]).toEqual([...lineChanges(other, b)]);
		expect(changedLines(other, b)).not.toBe(changedLines(a, b));
	});
});
