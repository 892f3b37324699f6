import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'smol-toml';
import { writeToml, type TomlTable } from './toml.ts';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const CHARS = ['a', 'Z', '0', '-', '_', ' ', '.', '"', "'", '\\', '\n', '\t', '\x7f', '\x00', 'é', '日', '🐍', '=', '#', '[', ']'];
const text = (r: () => number, n = 1 + Math.floor(r() * 8)) => Array.from({ length: n }, () => CHARS[Math.floor(r() * CHARS.length)]).join('');

describe('writeToml', () => {
	it('reads back (smol-toml parse) as the document it was given, keys and strings of any characters, twice the same', () => {
		const r = rng(18);
		for (let k = 0; k < 300; k++) {
			const doc: TomlTable = { project: { name: text(r), [text(r)]: text(r), list: [text(r), text(r), `${text(r)}>=1`] }, tool: { [text(r)]: { [text(r)]: text(r), n: k, on: k % 2 === 0 } } };
			const out = writeToml(doc);
			expect(parse(out), out).toEqual(doc);
			expect(writeToml(doc)).toBe(out);
		}
	});

	it('writes each key and string as smol-toml does, also once more keys and strings than its memo keeps have gone by', () => {
		const r = rng(19);
		const doc: TomlTable = {};
		for (let i = 0; i < 5000; i++) doc[`k${i} ${text(r)}`] = `v${i} ${text(r)}`;
		const out = writeToml(doc);
		expect(out).toBe(stringify(doc));
		expect(parse(out)).toEqual(doc);
		expect(writeToml(doc)).toBe(out);
	});
});
