import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

/** Collect console errors and page errors for the whole test. */
function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	return errors;
}

test('the page loads with no console error and shows a preview', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('./');
	await expect(page.getByRole('heading', { level: 1, name: 'Slipway' })).toBeVisible();
	await expect(page.getByTestId('file-list').getByRole('button', { name: 'pyproject.toml' })).toBeVisible();
	await expect(page.getByTestId('file-content')).toContainText('[project]');
	expect(errors).toEqual([]);
});

test('typing a name updates the preview; an invalid name shows a message and keeps the text', async ({ page }) => {
	await page.goto('./');
	const name = page.getByLabel('Project name');
	await page.getByTestId('file-list').getByRole('button', { name: 'pyproject.toml' }).click();
	await name.fill('acme-orders');
	await expect(page.getByTestId('file-content')).toContainText('name = "acme-orders"');
	await name.fill('Acme Orders!');
	await expect(page.getByRole('alert').first()).toContainText('not a valid Python distribution name');
	await expect(name).toHaveValue('Acme Orders!');
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('button', { name: 'Download .zip' })).toBeDisabled();
	await name.fill('acme-orders2');
	await expect(page.getByTestId('file-content')).toContainText('name = "acme-orders2"');
});

test('choosing a manager changes pyproject', async ({ page }) => {
	await page.goto('./');
	await page.getByTestId('file-list').getByRole('button', { name: 'pyproject.toml' }).click();
	await page.getByLabel('Poetry').check();
	await expect(page.getByTestId('file-content')).toContainText('poetry.core.masonry.api');
	await page.getByLabel('pip').check();
	await expect(page.getByTestId('file-content')).toContainText('setuptools.build_meta');
});

test('Download .zip gives a zip with the project folder and the previewed files', async ({ page }) => {
	await page.goto('./');
	await page.getByLabel('Project name').fill('zip-check');
	const listed = await page.getByTestId('file-list').getByRole('button').allTextContents();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).click()]);
	expect(download.suggestedFilename()).toBe('zip-check.zip');
	const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
	const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
	expect(names).toEqual(listed.map((p) => `zip-check/${p.trim()}`).sort());
	const py = await zip.file('zip-check/pyproject.toml')!.async('string');
	expect(py).toContain('name = "zip-check"');
});

test('the preset picker loads a complete configuration', async ({ page }) => {
	await page.goto('./');
	await page.getByLabel('Preset').selectOption('library');
	await expect(page.getByLabel('Project name')).toHaveValue('my-library');
});
