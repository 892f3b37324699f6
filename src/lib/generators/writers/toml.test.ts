import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, stringify } from 'smol-toml';
import { writeToml, type TomlTable } from './toml.ts';

/** Keys and strings of any Unicode characters (quotes, backslashes, control characters, astral planes); fixed seeds, as property.test.ts. */
const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 8 });
const SEED = 18;

describe('writeToml', () => {
	it('reads back (smol-toml parse) as the document it was given, keys and strings of any characters, twice the same', () => {
		fc.assert(
			fc.property(text, text, text, text, text, text, text, text, fc.integer(), fc.boolean(), (name, k1, v1, a, b, c, k2, k3, n, on) => {
				const doc: TomlTable = { project: { name, [k1]: v1, list: [a, b, `${c}>=1`] }, tool: { [k2]: { [k3]: v1, n, on } } };
				const out = writeToml(doc);
				expect(parse(out), out).toEqual(doc);
				expect(writeToml(doc)).toBe(out);
			}),
			{ numRuns: 300, seed: SEED }
		);
	});

	it('writes each key and string as smol-toml does, also once more keys and strings than its memo keeps have gone by', () => {
		const keys = fc.sample(text, { numRuns: 5000, seed: SEED + 1 });
		const values = fc.sample(text, { numRuns: 5000, seed: SEED + 2 });
		const doc: TomlTable = {};
		keys.forEach((k, i) => (doc[`k${i} ${k}`] = `v${i} ${values[i]}`));
		const out = writeToml(doc);
		expect(out).toBe(stringify(doc));
		expect(parse(out)).toEqual(doc);
		expect(writeToml(doc)).toBe(out);
	});
});
