/**
 * The code view is patched line by line (src/lib/highlight/lines.ts): an edit rewrites the
 * lines that changed, and every other line of the file stays the very same DOM node.
 */
import { expect, test } from '@playwright/test';
import { Wizard } from './wizard.ts';

test('an edit touches only the changed lines of the file shown; every line stays the same node', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	const w = new Wizard(page);
	await w.open();
	await w.openFile('pyproject.toml');
	await expect(w.content).toContainText('[project]');
	// Highlighted (the highlighter is a lazy chunk): from here on only the edit changes the view.
	await expect(w.content.locator('.tok-section').first()).toBeVisible();
	const lines = w.content.locator('.line');
	const count = await lines.count();
	expect(count).toBeGreaterThan(10);
	const textsBefore = await lines.allTextContents();
	// Tag every line node, and record every DOM change inside the code view from now on.
	await w.content.evaluate((pre) => {
		pre.querySelectorAll('.line').forEach((l, i) => ((l as HTMLElement & { __tag?: number }).__tag = i));
		const touched: string[] = [];
		(window as unknown as { __touched: string[] }).__touched = touched;
		new MutationObserver((records) => {
			for (const r of records) {
				// A line's class (its change mark) follows the last edit, which may have marked many lines: checked below.
				if (r.type === 'attributes' && r.attributeName === 'class') continue;
				// The view's flag while the lines below the screen wait for the painted frame (lines.ts `upTo`).
				if (r.type === 'attributes' && r.attributeName === 'data-partial') continue;
				const line = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('.line');
				touched.push(line ? `line ${(line as HTMLElement & { __tag?: number }).__tag}` : `${r.type} of ${(r.target as Element).tagName ?? 'text'}`);
			}
		}).observe(pre, { subtree: true, childList: true, characterData: true, attributes: true });
	});

	await w.goto('Project');
	const field = page.getByLabel('Project name', { exact: true });
	await field.click();
	await page.keyboard.press('End');
	await page.keyboard.type('x');
	await w.settled();
	await expect(w.content).toContainText(/name = "[^"]*x"/);

	const after = await w.content.evaluate((pre) =>
		[...pre.querySelectorAll('.line')].map((l) => ({
			tag: (l as HTMLElement & { __tag?: number }).__tag ?? null,
			text: l.textContent ?? '',
			mark: l.classList.contains('mark')
		}))
	);
	const touched = [...new Set(await page.evaluate(() => (window as unknown as { __touched: string[] }).__touched))];
	// Every line is still the node it was (nothing was rebuilt); the content of only a few lines changed, the name's among them.
	expect(after.map((l) => l.tag)).toEqual(after.map((_, i) => i));
	expect(after.length).toBe(count);
	expect(touched.filter((t) => !t.startsWith('line '))).toEqual([]);
	// Exactly the lines whose text changed were rewritten (the name's among them), not the file.
	const differ = after.flatMap((l, i) => (l.text !== textsBefore[i] ? [`line ${i}`] : []));
	expect(differ.length).toBeGreaterThan(0);
	expect(differ.length).toBeLessThan(count / 4);
	expect(touched.sort()).toEqual(differ.sort());
	const nameLine = after.findIndex((l) => /^name = ".*x"$/.test(l.text));
	expect(touched).toContain(`line ${nameLine}`);
	// The changed lines, and only they, are marked.
	expect(after.flatMap((l, i) => (l.mark ? [`line ${i}`] : [])).sort()).toEqual(differ.sort());
	expect(w.errors).toEqual([]);
});

/** Each line's number, read from the gutter: its text and the top of its glyphs, next to the top and height of the line it numbers. */
const numbered = (pre: Element) => {
	const gutter = pre.querySelector('.gutter')!;
	const text = gutter.firstChild as Text | null;
	const rows: { n: string; top: number }[] = [];
	if (text) {
		let from = 0;
		for (const n of text.data.split('\n')) {
			const r = document.createRange();
			r.setStart(text, from);
			r.setEnd(text, from + n.length);
			rows.push({ n, top: r.getBoundingClientRect().top });
			from += n.length + 1;
		}
	}
	const lines = [...pre.querySelectorAll('code > .line')].map((l) => ({ top: l.getBoundingClientRect().top, height: l.getBoundingClientRect().height }));
	return { rows, lines, display: getComputedStyle(gutter).display, before: pre.querySelector('.line') ? getComputedStyle(pre.querySelector('.line')!, '::before').content : '' };
};

test('line numbers: one beside each line, still so after a switch that shifts lines; they stay in view sideways, and wrapped lines number themselves', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	const w = new Wizard(page);
	await w.open();
	await w.openFile('pyproject.toml');
	await expect(w.content.locator('.tok-section').first()).toBeVisible();
	const check = async () => {
		const { rows, lines, display, before } = await w.content.evaluate(numbered);
		expect(display).toBe('block');
		expect(before).toBe('none'); // not the lines' own counters
		expect(rows.map((r) => r.n)).toEqual(lines.map((_, i) => String(i + 1)));
		// Every number sits at the same height within its line (its glyphs' top, the same offset from the line's top for
		// all of them, inside the line): no drift down the file.
		const offsets = lines.map((l, i) => rows[i].top - l.top);
		for (let i = 0; i < lines.length; i++) {
			expect(Math.abs(offsets[i] - offsets[0]), `line ${i + 1}`).toBeLessThan(0.5);
			expect(offsets[i], `line ${i + 1}`).toBeGreaterThanOrEqual(0);
			expect(offsets[i], `line ${i + 1}`).toBeLessThan(lines[i].height / 2);
		}
		return lines.length;
	};
	const uv = await check();
	// Nothing in the column changes while the line count does not (a keystroke in the name).
	await w.content.evaluate((pre) => {
		const seen: string[] = [];
		(window as unknown as { __gutter: string[] }).__gutter = seen;
		new MutationObserver((r) => seen.push(...r.map((m) => m.type))).observe(pre.querySelector('.gutter')!, { subtree: true, childList: true, characterData: true });
	});
	await w.goto('Project');
	await page.getByLabel('Project name', { exact: true }).click();
	await page.keyboard.press('End');
	await page.keyboard.type('x');
	await w.settled();
	await w.openFile('pyproject.toml');
	expect(await page.evaluate(() => (window as unknown as { __gutter: string[] }).__gutter)).toEqual([]);
	// uv -> Poetry rewrites pyproject.toml with another line count: the numbers follow, row for row.
	await w.choose('Packaging', 'Package manager', 'Poetry');
	await w.settled();
	await w.openFile('pyproject.toml');
	await expect(w.content).toContainText('[tool.poetry');
	expect(await check()).not.toBe(uv);
	// Scrolled sideways, the numbers stay at the view's left edge (sticky), over an opaque background.
	const sideways = await w.content.evaluate((pre) => {
		const left = pre.querySelector('.gutter')!.getBoundingClientRect().left;
		pre.scrollLeft = 200;
		return { moved: pre.scrollLeft, delta: pre.querySelector('.gutter')!.getBoundingClientRect().left - left, bg: getComputedStyle(pre.querySelector('.gutter')!).backgroundColor };
	});
	expect(sideways.moved).toBeGreaterThan(0);
	expect(sideways.delta).toBe(0);
	expect(sideways.bg).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
	// Wrapped, a line can take several rows: the column is hidden and each line carries its number.
	await page.getByRole('checkbox', { name: 'Wrap lines' }).check();
	const wrapped = await w.content.evaluate(numbered);
	expect(wrapped.display).toBe('none');
	expect(wrapped.before).toBe('counter(line)');
	// Copying the code copies the lines, never the numbers.
	expect(await w.content.locator('.gutter').evaluate((g) => getComputedStyle(g).userSelect)).toBe('none');
	expect(w.errors).toEqual([]);
});
