/**
 * No tracked file keeps a merge's conflict markers (README.md carried a stray
 * `<<<<<<< HEAD` from a merge for several commits; nothing else would have noticed).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The opening and closing lines (the middle `=======` is also a Markdown heading underline).
const MARKER = /^(<{7} |>{7} )/m;

describe('the repository', () => {
	it('has no merge conflict markers in its tracked text files', () => {
		const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
		expect(files.length).toBeGreaterThan(100);
		const marked = files.filter((f) => {
			let text: string;
			try {
				text = readFileSync(f, 'utf8');
			} catch {
				return false; // listed but not in the work tree (deleted, not yet committed)
			}
			return !text.includes('\0') && MARKER.test(text);
		});
		expect(marked).toEqual([]);
	});

	it('recognises the markers git writes', () => {
		expect(MARKER.test('a\n<<<<<<< HEAD\nb\n')).toBe(true);
		expect(MARKER.test('c\n>>>>>>> other\n')).toBe(true);
		expect(MARKER.test('a heading\n=======\n<<<<<<<< eight\n')).toBe(false);
	});
});
