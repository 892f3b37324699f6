import { describe, expect, it } from 'vitest';
import { highlightAll, highlightLines, languageOf, rehighlight, RULES, type Highlighted } from './incremental.ts';
import type { Language } from '../generators/types.ts';
import { generate } from '../generators/index.ts';
import { PRESETS } from '../model/presets.ts';

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

/** What an edit inserts: letters, and the characters that open or close tokens across lines. */
const PIECES = ['a', 'x1', ' ', '\n', '"', "'", '"""', "'''", '#', '[', ']', '=', ':', '- ', '```\n', '<!--', '-->', '${', '}', '\\', '\n\n', 'def f', 'true', '42'];

function edit(text: string, r: () => number): string {
	const at = Math.floor(r() * (text.length + 1));
	const del = r() < 0.4 ? Math.floor(r() * 12) : 0;
	const ins = r() < 0.8 ? PIECES[Math.floor(r() * PIECES.length)] : '';
	return text.slice(0, at) + ins + text.slice(at + del);
}

/**
 * Every generated file of every preset, edited `rounds` times in a row by `change` (the whole text in, the edited text
 * out): the first highlighting and each result must be what highlightLines and a whole tokenization give. `seen` gets
 * each highlighting before and after its edit. Returns the number of edits.
 */
function everyFileEdited(rounds: number, change: (text: string, k: number) => string, seen?: (before: Highlighted, after: Highlighted) => void): number {
	let edits = 0;
	for (const preset of PRESETS) {
		for (const file of generate(preset.config())) {
			const language = languageOf(file.path, file.language);
			let text = file.content;
			let h = highlightAll(text, language);
			expect(h.lines).toEqual(highlightLines(text, language));
			for (let k = 0; k < rounds; k++) {
				text = change(text, k);
				const next = rehighlight(h, text, language);
				expect(next.lines, `${preset.id} ${file.path} edit ${k}`).toEqual(highlightLines(text, language));
				// The clean flags must be those of a whole tokenization too (the next edit relies on them).
				expect(next.clean).toEqual(highlightAll(text, language).clean);
				seen?.(h, next);
				edits++;
				h = next;
			}
		}
	}
	return edits;
}

/** A change of the text made on its lines, in place. */
const onLines =
	(change: (lines: string[], k: number) => void) =>
	(text: string, k: number): string => {
		const lines = text.split('\n');
		change(lines, k);
		return lines.join('\n');
	};

describe('rehighlight', () => {
	it('gives what highlightLines gives for the whole text, over random edits of every generated file', () => {
		const r = rng(18_15);
		let reused = 0;
		const edits = everyFileEdited(
			12,
			(text) => edit(text, r),
			(h, next) => {
				if (next.lines.length > 4 && next.lines.some((l, i) => l === h.lines[i])) reused++;
			}
		);
		expect(edits).toBeGreaterThan(500);
		expect(reused).toBeGreaterThan(0);
	});

	it('json: a colon put at the start of the next line does not turn the string above into a key (no look-ahead across lines)', () => {
		const before = '{\n  "k"\n  1\n}\n';
		const after = '{\n  "k"\n  :1\n}\n';
		expect(rehighlight(highlightAll(before, 'json'), after, 'json').lines).toEqual(highlightLines(after, 'json'));
		expect(highlightLines('{"k": 1}', 'json')[0]).toContain('<span class="tok-key">');
	});

	it('every language, texts made of the token-opening pieces only', () => {
		const r = rng(7);
		for (const language of [...Object.keys(RULES), 'text'] as Language[]) {
			let text = Array.from({ length: 60 }, () => PIECES[Math.floor(r() * PIECES.length)]).join('');
			let h = highlightAll(text, language);
			for (let k = 0; k < 200; k++) {
				text = edit(text, r);
				h = rehighlight(h, text, language);
				expect(h.lines, `${language} edit ${k}: ${JSON.stringify(text)}`).toEqual(highlightLines(text, language));
				expect(h.clean).toEqual(highlightAll(text, language).clean);
			}
		}
	});

	it('edits of several lines far apart (the same line count) give what highlightLines gives, over every generated file', () => {
		const r = rng(2026);
		const INLINE = PIECES.filter((p) => !p.includes('\n'));
		const multi = everyFileEdited(6, onLines((lines) => {
			// 2 to 5 lines, each changed within itself (a piece put in, a few characters dropped).
			const n = 2 + Math.floor(r() * 4);
			for (let j = 0; j < n; j++) {
				const i = Math.floor(r() * lines.length);
				const at = Math.floor(r() * (lines[i].length + 1));
				lines[i] = lines[i].slice(0, at) + INLINE[Math.floor(r() * INLINE.length)] + lines[i].slice(at + Math.floor(r() * 3));
			}
		}));
		expect(multi).toBeGreaterThan(200);
	});

	it('lines put in and taken out in several places (the line count changes) give what highlightLines gives, over every generated file', () => {
		const r = rng(1815);
		const runs = everyFileEdited(6, onLines((lines, k) => {
			// 2 to 4 places, each: a line dropped, a line (or a token-opening piece) put in, or a line changed.
			for (let j = 2 + Math.floor(r() * 3); j > 0; j--) {
				const i = Math.floor(r() * (lines.length + 1));
				const what = r();
				if (what < 0.35 && lines.length > 1) lines.splice(Math.min(i, lines.length - 1), 1);
				else if (what < 0.7) lines.splice(i, 0, r() < 0.5 ? PIECES[Math.floor(r() * PIECES.length)] : `added = ${k}`);
				else if (i < lines.length) lines[i] += PIECES[Math.floor(r() * PIECES.length)];
			}
		}));
		expect(runs).toBeGreaterThan(200);
	});

	it('a switch of preset or manager: each file, from its version in one configuration to its version in another, gives what highlightLines gives', () => {
		const configs = PRESETS.flatMap((p) => {
			const c = p.config();
			const poetry = structuredClone(c);
			poetry.packaging.manager = poetry.packaging.manager === 'poetry' ? 'uv' : 'poetry';
			return [c, poetry];
		});
		let pairs = 0;
		for (const a of configs) {
			const from = new Map(generate(a).map((f) => [f.path, f]));
			for (const b of configs) {
				for (const file of generate(b)) {
					const old = from.get(file.path);
					if (!old || old.content === file.content) continue;
					const language = languageOf(file.path, file.language);
					const next = rehighlight(highlightAll(old.content, language), file.content, language);
					expect(next.lines, file.path).toEqual(highlightLines(file.content, language));
					expect(next.clean).toEqual(highlightAll(file.content, language).clean);
					pairs++;
				}
			}
		}
		expect(pairs).toBeGreaterThan(100);
	});

	it('a rename of the project changes pyproject.toml in several places: the result is the whole tokenization of the new text', () => {
		const config = PRESETS[0].config();
		const before = generate(config).find((f) => f.path === 'pyproject.toml')!;
		const after = generate({ ...config, project: { ...config.project, name: `${config.project.name}-renamed` } }).find((f) => f.path === 'pyproject.toml')!;
		const changed = before.content.split('\n').filter((l, i) => l !== after.content.split('\n')[i]).length;
		expect(changed).toBeGreaterThan(1);
		expect(rehighlight(highlightAll(before.content, 'toml'), after.content, 'toml').lines).toEqual(highlightLines(after.content, 'toml'));
	});

	it('an edit of one line of a long file tokenizes only around it (the lines before and after are the same strings)', () => {
		const text = Array.from({ length: 400 }, (_, i) => `key${i} = "value ${i}"`).join('\n');
		const h = highlightAll(text, 'toml');
		const edited = text.replace('key200 = "value 200"', 'key200 = "changed"');
		const next = rehighlight(h, edited, 'toml');
		expect(next.lines).toEqual(highlightLines(edited, 'toml'));
		expect(next.lines[199]).toBe(h.lines[199]);
		expect(next.lines[200]).not.toBe(h.lines[200]);
		expect(next.lines[201]).toBe(h.lines[201]);
		// Same language, same text: the same object back; another language: highlighted afresh.
		expect(rehighlight(next, edited, 'toml')).toBe(next);
		expect(rehighlight(next, edited, 'yaml').lines).toEqual(highlightLines(edited, 'yaml'));
	});
});
