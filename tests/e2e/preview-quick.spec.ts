/**
 * Issue 18.15: the file on screen follows an edit in the edit's own task. The
 * page computes that one file itself (generators/index.ts `generateFile`,
 * state/app.svelte.ts `early`) while the worker makes the whole set; the set
 * then replaces it with the same text and the same line marks.
 *
 * Test double, for timing only: the worker's answers are held back (the
 * Worker's message events wait in a queue the test releases), so "before the
 * worker answered" is a state the test can look at instead of a race. The
 * answers to look-ahead requests (the sets one click away the page asks for
 * while idle, state/app.svelte.ts #lookAhead) are held from the start unless
 * `__passAhead` is set: without them a switch waits for the worker, as these
 * tests need it to.
 */
import { expect, test } from '@playwright/test';
import { Wizard } from './wizard.ts';

/** Installed before the page's scripts: while `__hold` is set, the generator worker's answers queue up until `__release()`. */
function holdWorkerAnswers() {
	const w = window as unknown as {
		__hold: boolean;
		__passAhead: boolean;
		__held: Array<() => void>;
		__posted: Array<{ id: number; ahead?: boolean }>;
		__aheadAnswers: number;
		__release: () => void;
		Worker: typeof Worker;
	};
	w.__hold = false;
	w.__passAhead = false;
	w.__held = [];
	w.__posted = [];
	w.__aheadAnswers = 0;
	const aheadIds = new Set<number>();
	w.__release = () => {
		w.__hold = false;
		for (const deliver of w.__held.splice(0)) deliver();
	};
	const Native = w.Worker;
	w.Worker = class extends Native {
		postMessage(message: { id: number; ahead?: boolean }, ...rest: unknown[]) {
			w.__posted.push(message);
			if (message.ahead) aheadIds.add(message.id);
			return (super.postMessage as (...a: unknown[]) => void)(message, ...rest);
		}
		set onmessage(handler: ((e: MessageEvent) => void) | null) {
			super.onmessage =
				handler &&
				((e: MessageEvent) => {
					const ahead = aheadIds.has(e.data?.id);
					if (w.__hold || (ahead && !w.__passAhead)) w.__held.push(() => handler.call(this, e));
					else {
						if (ahead) w.__aheadAnswers++;
						handler.call(this, e);
					}
				});
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
	// The lines below the screen follow the painted frame (src/lib/highlight/lines.ts `upTo`): the whole early file first.
	await expect(w.content.locator('code:not([data-partial])')).toBeAttached();
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

test('a switch to a configuration computed ahead shows its whole set (tree included) in the click\'s own task, without asking the worker', async ({ page }) => {
	await page.addInitScript(holdWorkerAnswers);
	await page.addInitScript(() => ((window as unknown as { __passAhead: boolean }).__passAhead = true));
	await page.setViewportSize({ width: 1440, height: 900 });
	const w = new Wizard(page);
	await w.open();
	await w.choosePreset('FastAPI service');
	await w.settled();
	await w.goto('Deployment');
	// Docker now: the page, idle, has the worker compute the sets one click away (the other targets among them).
	await expect(w.tree.locator('[data-path^="deploy/kubernetes/"]')).toHaveCount(0);
	// Until the look-ahead is done: at least 3 answers, then none for a second (a fast machine may have answered
	// for a config that changed since, and then goes on with the new one's neighbours).
	const aheadAnswers = () => page.evaluate(() => (window as unknown as { __aheadAnswers: number }).__aheadAnswers);
	for (let seen = -1, quiet = 0, t0 = Date.now(); quiet < 5 && Date.now() - t0 < 20_000; ) {
		const n = await aheadAnswers();
		quiet = n >= 3 && n === seen ? quiet + 1 : 0;
		seen = n;
		await page.waitForTimeout(200);
	}
	expect(await aheadAnswers()).toBeGreaterThanOrEqual(3);
	const asked = () => page.evaluate(() => (window as unknown as { __posted: Array<{ ahead?: boolean }> }).__posted.filter((m) => !m.ahead).length);
	const posted = await asked();
	await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
	await page.getByRole('group', { name: 'Deployment target' }).getByRole('radio', { name: /^Kubernetes\b/ }).check();
	// Every answer is held, and nothing new was asked: the Kubernetes files are in the tree all the same, the preview is not pending.
	await expect(w.tree.locator('[data-path^="deploy/kubernetes/"]').first()).toBeAttached();
	await expect(page.locator('section.preview:not([data-pending])')).toBeAttached();
	expect(await asked()).toBe(posted);
	// Releasing what was held (answers to look-ahead requests only: nothing else was asked) leaves the preview as it is.
	const shown = await w.paths();
	await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
	await w.settled();
	expect(await w.paths()).toEqual(shown);
});
