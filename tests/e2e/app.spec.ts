import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { Wizard } from './wizard.ts';

test('the page loads with no console error and shows a preview', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await expect(w.tree.getByRole('treeitem', { name: 'pyproject.toml' })).toBeVisible();
	await expect(w.content).toContainText('[project]');
	expect(w.errors).toEqual([]);
});

test('typing a name updates the preview; an invalid name shows a message and keeps the text', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	const name = page.getByLabel('Project name');
	await w.openFile('pyproject.toml');
	await name.fill('acme-orders');
	await expect(w.content).toContainText('name = "acme-orders"');
	await name.fill('Acme Orders!');
	await expect(page.locator('#f-project-name-error')).toContainText('not a valid Python distribution name');
	await expect(name).toHaveValue('Acme Orders!');
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await expect(name).toHaveAttribute('aria-describedby', /f-project-name-error/);
	await expect(page.getByRole('button', { name: 'Download .zip' }).first()).toBeDisabled();
	await name.fill('acme-orders2');
	await expect(w.content).toContainText('name = "acme-orders2"');
});

test('choosing a manager changes pyproject', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.openFile('pyproject.toml');
	await w.choose('Packaging', 'Package manager', 'Poetry');
	await expect(w.content).toContainText('poetry.core.masonry.api');
	await w.choose('Packaging', 'Package manager', 'pip');
	await expect(w.content).toContainText('setuptools.build_meta');
});

test('Download .zip gives a zip with the project folder and the previewed files', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await page.getByLabel('Project name').fill('zip-check');
	await expect(w.tree.getByRole('treeitem', { name: 'zip_check' })).toBeVisible();
	const listed = await w.paths();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).first().click()]);
	expect(download.suggestedFilename()).toBe('zip-check.zip');
	const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
	const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
	expect(names).toEqual(listed.map((p) => `zip-check/${p}`).sort());
	const py = await zip.file('zip-check/pyproject.toml')!.async('string');
	expect(py).toContain('name = "zip-check"');
});

test('the preset picker loads a complete configuration', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choosePreset('Library');
	await expect(page.getByLabel('Project name')).toHaveValue('my-library');
	await expect(page.locator('[data-preset="library"]')).toHaveAttribute('aria-pressed', 'true');
});
