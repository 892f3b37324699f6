/**
 * src/lib/highlight/lines.ts `patchLines` in Debian's Chromium (a real DOM): over random old and new
 * versions of a file's lines (HTML as the highlighter writes it, lines repeated, runs put in, dropped
 * and changed), with random change marks and a random `upTo` (the lines on screen):
 * - the code element shows exactly the new lines, each with its mark, once the call without `upTo` is made;
 * - with `upTo`, it shows the new lines up to there at once, and returns false only when lines below remain;
 * - the lines of a longest common subsequence of the old and new versions are never touched: the same nodes,
 *   no DOM change inside them (a manager switch that shifts most of a file writes only the lines that changed).
 * The module is bundled by esbuild (Vite's own) and run in a blank page; no app server is needed.
 */
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import fc from 'fast-check';

const PIECES = ['name = "demo"', '<span class="tok-key">x</span> = 1', '', '[project]', '<span class="tok-string">"a" &lt;b&gt;</span>', 'dependencies = [', ']'];
const version = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 });
const CASES = fc.sample(
	fc.record({
		steps: fc.array(fc.record({ lines: version, marks: fc.array(fc.nat(45), { maxLength: 8 }), upTo: fc.option(fc.nat(45), { nil: null }) }), { minLength: 2, maxLength: 6 })
	}),
	{ numRuns: 300, seed: 1815 }
);

test('patchLines shows exactly the new lines and leaves the kept lines untouched, over random versions', async ({ page }) => {
	const bundle = await build({ entryPoints: ['src/lib/highlight/lines.ts'], bundle: true, format: 'iife', globalName: 'slipwayLines', write: false, logLevel: 'error' });
	await page.setContent('<pre><code></code></pre>');
	await page.addScriptTag({ content: bundle.outputFiles[0].text });
	const problems = await page.evaluate((cases) => {
		const { patchLines } = (window as unknown as { slipwayLines: typeof import('../../src/lib/highlight/lines.ts') }).slipwayLines;
		const out: string[] = [];
		/** LCS length of two arrays (the lines a patch must keep). */
		const lcs = (a: string[], b: string[]) => {
			const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
			for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) t[i][j] = a[i - 1] === b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
			return t[a.length][b.length];
		};
		const shows = (code: Element) => [...code.children].map((c) => c.innerHTML);
		cases.forEach(({ steps }, n) => {
			const code = document.createElement('code');
			document.querySelector('pre')!.replaceChildren(code);
			for (const [k, { lines, marks: m, upTo }] of steps.entries()) {
				const marks = new Set(m.filter((i) => i < lines.length));
				const before = shows(code);
				const nodes = new Set(code.children);
				const touched = new Set<Node>();
				const note = (records: MutationRecord[]) => {
					for (const r of records) {
						if (r.type === 'attributes') continue;
						const line = r.target === code ? null : (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('code > span');
						if (line) touched.add(line);
						r.removedNodes.forEach((x) => touched.add(x));
					}
				};
				// The records are read synchronously (takeRecords) below: this loop never yields to the observer's microtask.
				const mo = new MutationObserver(note);
				mo.observe(code, { subtree: true, childList: true, characterData: true, attributes: true });
				const where = `case ${n} step ${k}`;
				if (upTo !== null) {
					const done = patchLines(code, lines, marks, upTo);
					const now = shows(code);
					if (JSON.stringify(now.slice(0, upTo)) !== JSON.stringify(lines.slice(0, upTo))) out.push(`${where}: the first ${upTo} lines are not the new ones`);
					if (done !== (JSON.stringify(now) === JSON.stringify(lines))) out.push(`${where}: returned ${done} but shows ${done ? 'other' : 'exactly the new'} lines`);
				}
				if (!patchLines(code, lines, marks)) out.push(`${where}: the call without upTo returned false`);
				note(mo.takeRecords());
				mo.disconnect();
				if (JSON.stringify(shows(code)) !== JSON.stringify(lines)) out.push(`${where}: shows ${JSON.stringify(shows(code))}, not ${JSON.stringify(lines)}`);
				[...code.children].forEach((c, i) => {
					if (c.className !== (marks.has(i) ? 'line mark' : 'line')) out.push(`${where}: line ${i} has class "${c.className}"`);
				});
				// The old nodes left alone (still there, nothing changed inside them) are at least the lines an LCS keeps.
				const untouched = [...code.children].filter((c) => nodes.has(c) && !touched.has(c)).length;
				if (k > 0 && upTo === null && untouched < lcs(before, lines)) out.push(`${where}: ${untouched} lines left alone, an LCS keeps ${lcs(before, lines)}`);
			}
		});
		return out;
	}, CASES);
	expect(problems).toEqual([]);
});
