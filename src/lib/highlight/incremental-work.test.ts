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

/**
 * A 400-line TOML file, edited by `change` (on its lines, in place), re-highlighted from its first version: the
 * result must be the whole tokenization's. Returns how many characters the tokenizer was given for it.
 */
function tokenizedFor(change: (lines: string[]) => void): { chars: number; length: number } {
	const text = Array.from({ length: 400 }, (_, i) => `key${i} = "value ${i}"`).join('\n');
	const h = highlightAll(text, 'toml');
	const lines = text.split('\n');
	change(lines);
	const edited = lines.join('\n');
	seen.chars = 0;
	const next = rehighlight(h, edited, 'toml');
	expect(next.lines).toEqual(highlightLines(edited, 'toml'));
	return { chars: seen.chars, length: edited.length };
}

describe('rehighlight: the work', () => {
	it('changes in three lines far apart of a 400-line file tokenize those lines, not the span between them', () => {
		const { chars, length } = tokenizedFor((lines) => {
			for (const i of [10, 200, 390]) lines[i] = `key${i} = "renamed ${i}"`;
		});
		// One span from line 10 to line 390 would be about 95% of the text.
		expect(chars).toBeLessThan(length / 20);
		expect(chars).toBeGreaterThan(0);
	});

	it('a line put in near the top and one changed near the end of a 400-line file tokenize those runs, not the lines between them', () => {
		const { chars, length } = tokenizedFor((lines) => {
			lines[390] = 'key390 = "renamed"';
			lines.splice(10, 0, 'inserted = true');
		});
		// One span from line 10 to line 391, as a change of the line count was tokenized before, would be about 95% of the text.
		expect(chars).toBeLessThan(length / 20);
		expect(chars).toBeGreaterThan(0);
	});
});
