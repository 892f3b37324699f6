/**
 * How much text rehighlight tokenizes again: the tokenizer is wrapped (vi.mock of ./index.ts, the real
 * function underneath, each call's text length counted), so the test sees the work, not only the result.
 */
import { describe, expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({ chars: 0 }));
vi.mock('./index.ts', async (importOriginal) => {
	const real = await importOriginal<typeof import('./index.ts')>();
	return {
		...real,
		tokenize: (code: string, language: Parameters<typeof real.tokenize>[1]) => {
			seen.chars += code.length;
			return real.tokenize(code, language);
		}
	};
});

const { highlightAll, highlightLines, rehighlight } = await import('./incremental.ts');

describe('rehighlight: the work', () => {
	it('changes in three lines far apart of a 400-line file tokenize those lines, not the span between them', () => {
		const text = Array.from({ length: 400 }, (_, i) => `key${i} = "value ${i}"`).join('\n');
		const h = highlightAll(text, 'toml');
		const lines = text.split('\n');
		for (const i of [10, 200, 390]) lines[i] = `key${i} = "renamed ${i}"`;
		const edited = lines.join('\n');
		seen.chars = 0;
		const next = rehighlight(h, edited, 'toml');
		expect(next.lines).toEqual(highlightLines(edited, 'toml'));
		// One span from line 10 to line 390 would be about 95% of the text.
		expect(seen.chars).toBeLessThan(edited.length / 20);
		expect(seen.chars).toBeGreaterThan(0);
	});

	it('a line put in near the top and one changed near the end of a 400-line file tokenize those runs, not the lines between them', () => {
		const text = Array.from({ length: 400 }, (_, i) => `key${i} = "value ${i}"`).join('\n');
		const h = highlightAll(text, 'toml');
		const lines = text.split('\n');
		lines[390] = 'key390 = "renamed"';
		lines.splice(10, 0, 'inserted = true');
		const edited = lines.join('\n');
		seen.chars = 0;
		const next = rehighlight(h, edited, 'toml');
		expect(next.lines).toEqual(highlightLines(edited, 'toml'));
		// One span from line 10 to line 391, as a change of the line count was tokenized before, would be about 95% of the text.
		expect(seen.chars).toBeLessThan(edited.length / 20);
		expect(seen.chars).toBeGreaterThan(0);
	});
});
