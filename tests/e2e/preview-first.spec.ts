/**
 * Issue 18.15 (change to preview), "preview first": a change's own task writes
 * the preview (the bar and the file shown) and the control touched; what else
 * it causes waits until that frame is painted (src/lib/state/after-paint.svelte.ts):
 * the Deployment step's sections for a new target, the file tree's rows, and the
 * post to the generator worker (a task of its own). Each check looks at the page
 * inside the change's task (after its microtasks, where Svelte's updates run),
 * and again after a painted frame; without the deferral the first look already
 * sees the later state and the test fails.
 */
import { expect, test } from '@playwright/test';
import { Wizard } from './wizard.ts';

test('a target switch: its task updates the choice and the preview bar; the new sections and tree rows follow the painted frame', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.goto('Deployment');
	await expect(page.getByLabel('Image repository', { exact: false })).toBeVisible();
	await expect(page.getByTestId('file-tree').locator('[data-path="deploy/kubernetes"]')).toHaveCount(0);
	// Let the sets one click away be computed (the switch then needs no worker round trip).
	await page.waitForTimeout(1500);
	const seen = await page.evaluate(async () => {
		const radio = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === 'kubernetes')!;
		const look = () => ({
			checked: radio.checked,
			// Built as a section of its own (not the copy kept in the closed fold of other targets).
			namespace: !!document.getElementById('f-kubernetes-namespace') && !document.getElementById('f-kubernetes-namespace')!.closest('details'),
			treeK8s: !!document.querySelector('[data-testid="file-tree"] [data-path="deploy/kubernetes"]'),
			summary: document.querySelector('[data-testid="other-settings"] summary')?.textContent ?? ''
		});
		radio.click();
		// Svelte's updates run in microtasks: after these, the click's task has done what it does.
		for (let i = 0; i < 5; i++) await Promise.resolve();
		const inTask = look();
		await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 50)));
		return { inTask, afterPaint: look() };
	});
	expect(seen.inTask.checked).toBe(true);
	// In the click's task: the Kubernetes section is not built yet, nor the tree's k8s rows.
	expect(seen.inTask.namespace).toBe(false);
	expect(seen.inTask.treeK8s).toBe(false);
	expect(seen.inTask.summary).toContain('not used by Docker');
	// After the painted frame: both are there.
	expect(seen.afterPaint.namespace).toBe(true);
	expect(seen.afterPaint.treeK8s).toBe(true);
	expect(seen.afterPaint.summary).toContain('not used by Kubernetes');
	await expect(page.getByLabel('Namespace', { exact: true })).toBeVisible();
});

test('a keystroke: the file shown follows in its own task; the post to the generator worker waits for a task of its own', async ({ page }) => {
	await page.addInitScript(() => {
		const w = window as unknown as { __posts: number; Worker: typeof Worker };
		w.__posts = 0;
		const Native = w.Worker;
		w.Worker = class extends Native {
			postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]) {
				w.__posts++;
				return super.postMessage(message, options as StructuredSerializeOptions);
			}
		} as typeof Worker;
	});
	const w = new Wizard(page);
	await w.open();
	const name = page.getByLabel('Project name', { exact: true });
	await name.click();
	// The quick path loads on the first reach for the form; wait until a keystroke shows through it.
	await page.keyboard.press('End');
	await page.keyboard.type('x');
	await expect(page.getByTestId('file-content')).toContainText('my-servicex');
	await page.waitForTimeout(1500);
	const seen = await page.evaluate(async () => {
		const w = window as unknown as { __posts: number };
		const input = document.getElementById('f-project-name') as HTMLInputElement;
		const before = w.__posts;
		input.value = 'first-in-task';
		input.dispatchEvent(new Event('input', { bubbles: true }));
		for (let i = 0; i < 5; i++) await Promise.resolve();
		const inTask = { shown: document.querySelector('[data-testid="file-content"]')?.textContent?.includes('first-in-task') ?? false, posts: w.__posts - before };
		await new Promise((r) => setTimeout(r, 20));
		return { inTask, later: w.__posts - before };
	});
	expect(seen.inTask.shown).toBe(true);
	expect(seen.inTask.posts).toBe(0);
	expect(seen.later).toBeGreaterThanOrEqual(1);
});

test('a change to most of a long file: its task writes the lines on screen, the lines below follow the painted frame', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	const w = new Wizard(page);
	await w.open();
	await w.openFile('pyproject.toml');
	// Highlighted, and the quick path for the file shown loaded (on the first reach for the form).
	await expect(w.content.locator('.tok-section').first()).toBeVisible();
	await page.getByLabel('Project name', { exact: true }).click();
	await page.waitForTimeout(1500);
	const seen = await page.evaluate(async () => {
		const code = document.querySelector('[data-testid="file-content"] code')!;
		const look = () => ({ partial: code.hasAttribute('data-partial'), lines: [...code.querySelectorAll('.line')].map((l) => l.textContent ?? '') });
		const before = look();
		(document.querySelector('[data-preset="flask-app"]') as HTMLButtonElement).click();
		for (let i = 0; i < 5; i++) await Promise.resolve();
		const inTask = look();
		const view = document.querySelector('[data-testid="file-content"]')!;
		const onScreen = Math.floor(view.clientHeight / parseFloat(getComputedStyle(view).lineHeight));
		await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 50)));
		return { before, inTask, onScreen, afterPaint: look() };
	});
	await w.openFile('pyproject.toml');
	const final = await w.content.evaluate((el) => [...el.querySelectorAll('.line')].map((l) => l.textContent ?? ''));
	expect(seen.afterPaint).toEqual({ partial: false, lines: final });
	// The preset rewrote lines far below the view: a whole-file change.
	expect(seen.onScreen).toBeGreaterThan(10);
	expect(final.length).toBeGreaterThan(seen.onScreen + 20);
	expect(final.slice(seen.onScreen + 15).some((l, i) => l !== seen.before.lines[seen.onScreen + 15 + i])).toBe(true);
	// In the click's task: every line on screen is the new file's, and the lines far below are not written yet.
	expect(seen.inTask.partial).toBe(true);
	expect(seen.inTask.lines.slice(0, seen.onScreen)).toEqual(final.slice(0, seen.onScreen));
	expect(seen.inTask.lines.slice(seen.onScreen + 15)).not.toEqual(final.slice(seen.onScreen + 15));
	expect(w.errors).toEqual([]);
});

test('a manager switch or a preset whose set is computed ahead: the click shows its files; the config, and the form with it, follow the painted frame', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.openFile('pyproject.toml');
	await expect(w.content.locator('.tok-section').first()).toBeVisible();
	// Let the sets one click away be computed (and the file on screen in each prepared): one at a time, each in an
	// idle period or after 500 ms without one (headless Chromium gives few), 11 of them.
	await page.waitForTimeout(6500);
	// A preset (the config unedited: no question asked): its files in the click's task, its card pressed (the config loaded) after the frame.
	const preset = await page.evaluate(async () => {
		const card = document.querySelector<HTMLButtonElement>('[data-preset="flask-app"]')!;
		const look = () => ({ flask: document.querySelector('[data-testid="file-content"]')?.textContent?.includes('flask') ?? false, pressed: card.getAttribute('aria-pressed') });
		card.click();
		for (let i = 0; i < 5; i++) await Promise.resolve();
		const inTask = look();
		await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 50)));
		return { inTask, afterPaint: look() };
	});
	expect(preset.inTask).toEqual({ flask: true, pressed: 'false' });
	expect(preset.afterPaint).toEqual({ flask: true, pressed: 'true' });
	await w.goto('Packaging');
	await page.waitForTimeout(6500);
	const seen = await page.evaluate(async () => {
		const code = document.querySelector('[data-testid="file-content"]')!;
		const backends = () => [...document.querySelectorAll<HTMLOptionElement>('#f-packaging-backend option')].map((o) => o.value);
		const look = () => ({
			// The file shown, line by line.
			lines: [...code.querySelectorAll('.line')].map((l) => l.textContent ?? ''),
			backends: backends(),
			layoutDisabled: (document.getElementById('f-packaging-poetryLayout') as HTMLFieldSetElement | null)?.disabled ?? null,
			highlighted: code.querySelectorAll('.tok-section').length > 0,
			marks: document.querySelector('[data-testid="line-marks"]')?.textContent ?? ''
		});
		const radio = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === 'poetry')!;
		// Scrolled to its end, the whole file is on screen (the lines below the view follow the frame: the test above).
		code.scrollTop = code.scrollHeight;
		await new Promise((r) => setTimeout(r, 100));
		const before = look();
		radio.click();
		for (let i = 0; i < 5; i++) await Promise.resolve();
		const inTask = look();
		await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 50)));
		return { before, inTask, afterPaint: look(), poetryFile: code.textContent?.includes('poetry.core.masonry.api') ?? false };
	});
	// In the click's task: Poetry's pyproject.toml on screen, highlighted and its changed lines marked; the form still shows the manager before's backends.
	expect(seen.poetryFile).toBe(true);
	expect(seen.afterPaint.lines).not.toEqual(seen.before.lines);
	expect(seen.inTask.lines).toEqual(seen.afterPaint.lines);
	expect(seen.inTask.highlighted).toBe(true);
	expect(seen.inTask.marks).toMatch(/\d+ lines changed/);
	// (The Flask preset's manager is pip: its backends, not Poetry's.)
	expect(seen.inTask.backends).toEqual(seen.before.backends);
	expect(seen.before.backends).not.toContain('poetry-core');
	expect(seen.inTask.layoutDisabled).toBe(true);
	// After the painted frame the config is Poetry's: the backends and the Poetry-only setting follow.
	expect(seen.afterPaint.backends).toContain('poetry-core');
	expect(seen.afterPaint.layoutDisabled).toBe(false);

	expect(w.errors).toEqual([]);
});
