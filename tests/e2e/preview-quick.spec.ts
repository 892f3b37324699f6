/**
 * Issue 18.15: the file on screen follows an edit in the edit's own task. The
 * page computes that one file itself (generators/index.ts `generateFile`,
 * state/app.svelte.ts `early`) while the worker makes the whole set; the set
 * then replaces it with the same text and the same line marks.
 *
 * Test double, for timing only: the worker's answers are held back (the
 * Worker's message events wait in a queue the test releases), so "before the
 * worker answered" is a state the test can look at instead of a race.
 */
import { expect, test } from '@playwright/test';
import { Wizard } from './wizard.ts';

/** Installed before the page's scripts: while `__hold` is set, the generator worker's answers queue up until `__release()`. */
function holdWorkerAnswers() {
	const w = window as unknown as { __hold: boolean; __held: Array<() => void>; __release: () => void; Worker: typeof Worker };
	w.__hold = false;
	w.__held = [];
	w.__release = () => {
		w.__hold = false;
		for (const deliver of w.__held.splice(0)) deliver();
	};
	const Native = w.Worker;
	w.Worker = class extends Native {
		set onmessage(handler: ((e: MessageEvent) => void) | null) {
			super.onmessage = handler && ((e: MessageEvent) => (w.__hold ? w.__held.push(() => handler.call(this, e)) : handler.call(this, e)));
		}
		get onmessage() {
			return super.onmessage;
		}
	};
}

test('a keystroke shows in the file on screen before the worker answers; the answer keeps text and marks', async ({ page }) => {
	await page.addInitScript(holdWorkerAnswers);
	await page.setViewportSize({ width: 1440, height: 900 });
	const w = new Wizard(page);
	await w.open();
	await w.openFile('pyproject.toml');
	await w.goto('Project');
	const field = page.getByLabel('Project name', { exact: true });
	await field.click();
	// The first reach for the form loads the quick path (the worker's bundle, imported into the page).
	await page.waitForFunction(() => typeof (window as unknown as Record<string, unknown>).__slipwayGenerateFile === 'function');
	await page.keyboard.press('End');
	const bar = page.locator('section.preview p.changes');
	const barBefore = await bar.textContent();
	await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
	await page.keyboard.type('q');
	// The worker has been asked and has not been heard: the file on screen has the new name all the same.
	await expect(w.content).toContainText(/name = "[^"]*q"/);
	expect(await page.evaluate(() => (window as unknown as { __held: unknown[] }).__held.length)).toBeGreaterThan(0);
	await expect(page.getByTestId('line-marks')).toHaveText(/^\d+ lines? changed$/);
	const marksEarly = await page.getByTestId('line-marks').textContent();
	const linesEarly = await w.content.locator('.line').allTextContents();
	const markedEarly = await w.content.locator('.line.mark').allTextContents();
	// The rest of the preview (the bar naming what the last edit changed) waits for the whole set.
	expect(await bar.textContent()).toBe(barBefore);
	await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
	await w.settled();
	await expect(bar).toContainText(/Last edit changed \d+ files?/);
	expect(await w.content.locator('.line').allTextContents()).toEqual(linesEarly);
	await expect(page.getByTestId('line-marks')).toHaveText(marksEarly!);
	expect(await w.content.locator('.line.mark').allTextContents()).toEqual(markedEarly);
});

test('a file the new configuration does not have waits for the set, then the view falls back to pyproject.toml', async ({ page }) => {
	await page.addInitScript(holdWorkerAnswers);
	const w = new Wizard(page);
	await w.open();
	await w.choosePreset('FastAPI service');
	await w.settled();
	await w.openFile('Dockerfile');
	await page.getByLabel('Project name', { exact: true }).click();
	await page.waitForFunction(() => typeof (window as unknown as Record<string, unknown>).__slipwayGenerateFile === 'function');
	await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
	await w.choosePreset('Library');
	// No Dockerfile in a library: the quick path has nothing to show, so the old one stays until the set arrives.
	await expect(page.getByTestId('viewer-path')).toHaveText('Dockerfile');
	await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
	await w.settled();
	await expect(page.getByTestId('viewer-path')).toHaveText('pyproject.toml');
});
