import { expect, test, type Page } from '@playwright/test';
import { Wizard } from './wizard.ts';

/** Press Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, back = false, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	throw new Error(`focus never reached ${selector}`);
}

test('keyboard only: preset, steps, choices, tree, download', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await tabTo(page, '[data-preset="django-app"]');
	await expect(page.locator('[data-preset="django-app"]')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Project name')).toHaveValue('django-app');

	// Step tabs: arrow keys move and select (roving tabindex).
	await tabTo(page, '[role="tab"][aria-selected="true"]', true);
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Packaging' })).toBeFocused();
	await expect(page.getByRole('tab', { name: 'Packaging' })).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('End');
	await expect(page.getByRole('tab', { name: 'Review' })).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByRole('tab', { name: 'Review' })).toBeFocused();
	await page.keyboard.press('Alt+Shift+ArrowLeft');
	await page.keyboard.press('Alt+Shift+ArrowLeft');
	await page.keyboard.press('Alt+Shift+ArrowLeft');
	await expect(page.getByRole('tab', { name: 'Packaging' })).toHaveAttribute('aria-selected', 'true');

	// Into the panel: the manager radios change with the arrow keys.
	await page.keyboard.press('Tab');
	await tabTo(page, 'input[type="radio"][name="f-packaging-manager"]');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('group', { name: 'Package manager' }).getByRole('radio', { name: /^pip/ })).toBeChecked();

	// The file tree: one tab stop, arrows move, selection follows focus.
	await tabTo(page, '[role="treeitem"]');
	const focusedPath = () => page.evaluate(() => document.activeElement?.getAttribute('data-path'));
	// Home: the first row, the dev container's folder; collapsed, the next row down is .github.
	await page.keyboard.press('Home');
	expect(await focusedPath()).toBe('.devcontainer');
	await page.keyboard.press('ArrowLeft');
	await expect(page.locator('[role="treeitem"][data-path=".devcontainer"]')).toHaveAttribute('aria-expanded', 'false');
	await page.keyboard.press('ArrowDown');
	expect(await focusedPath()).toBe('.github');
	await page.keyboard.press('ArrowLeft');
	await expect(page.locator('[role="treeitem"][data-path=".github"]')).toHaveAttribute('aria-expanded', 'false');
	await page.keyboard.press('ArrowRight');
	await expect(page.locator('[role="treeitem"][data-path=".github"]')).toHaveAttribute('aria-expanded', 'true');
	await page.keyboard.press('ArrowRight');
	expect(await focusedPath()).toBe('.github/workflows');
	await page.keyboard.press('ArrowDown');
	expect(await focusedPath()).toBe('.github/workflows/ci.yml');
	await expect(page.getByTestId('viewer-path')).toHaveText('.github/workflows/ci.yml');
	await page.keyboard.press('ArrowLeft');
	expect(await focusedPath()).toBe('.github/workflows');
	await page.keyboard.press('End');
	expect(await focusedPath()).toBe('slipway.json');
	// Type-ahead: the next item (in display order, wrapping) whose name starts with the key.
	await page.keyboard.press('p');
	expect(await focusedPath()).toBe('src/django_app/py.typed');
	await page.keyboard.press('p');
	expect(await focusedPath()).toBe('pyproject.toml');
	await expect(page.getByTestId('viewer-path')).toHaveText('pyproject.toml');
	await expect(w.content).toContainText('setuptools.build_meta');

	// Shortcut: download.
	const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+Shift+D')]);
	expect(download.suggestedFilename()).toBe('django-app.zip');
	await expect(page.getByRole('button', { name: 'Copy link' })).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+L');
	expect(w.errors).toEqual([]);
});

test('the shortcuts help opens from the keyboard and closes with Escape', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await tabTo(page, '[data-testid="shortcuts-button"]');
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Download the .zip');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
});

test('the layout does not jump while typing an invalid value', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	// Position in the document (not the viewport: filling a field may scroll it into view).
	const box = () => page.getByLabel('Description').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
	const before = await box();
	await page.getByLabel('Project name').fill('Bad Name!');
	await expect(page.locator('#f-project-name-error')).not.toBeEmpty();
	expect(await box()).toBe(before);
	const viewer = await page.getByTestId('file-content').boundingBox();
	await page.getByLabel('Project name').fill('good-name');
	expect((await page.getByTestId('file-content').boundingBox())!.height).toBe(viewer!.height);
});
