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
