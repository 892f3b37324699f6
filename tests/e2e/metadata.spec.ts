/**
 * Issue 19.4 in the browser: an imported pyproject's extras, groups, authors and SPDX expression
 * appear in labelled fields; the lists are edited with the keyboard alone; a license outside the
 * SPDX list is refused once the lazily loaded list arrives; an expression Slipway has no text for
 * writes no LICENSE, and says so.
 */
import { expect, test } from '@playwright/test';
import { Wizard } from './wizard.ts';

const PYPROJECT = `[project]
name = "wirehttp"
version = "1.0.0"
description = "An HTTP client"
requires-python = ">=3.12"
license = "MIT OR Apache-2.0"
authors = [{ name = "Alex Example", email = "alex@example.org" }, { name = "Sam Sample" }]
keywords = ["http", "client"]
dependencies = ["idna"]

[project.optional-dependencies]
socks = ["socksio==1.*"]

[dependency-groups]
docs = ["mkdocs>=1.6"]
dev = [{ include-group = "docs" }, "pytest>=8"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
`;

test('an imported pyproject: the expression, more authors, keywords, extras and groups are in the form, and written back', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await page.getByText('Import an existing pyproject.toml').click();
	await page.getByLabel("Paste the file's content").fill(PYPROJECT);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('import-result')).toContainText('extras: socks');
	await expect(page.getByLabel('License', { exact: true })).toHaveValue('MIT OR Apache-2.0');
	await expect(page.getByText('writes no LICENSE file')).toBeVisible();
	const more = page.getByText(/^More authors, maintainers, keywords, classifiers \(3\)$/);
	await more.click();
	await expect(page.getByLabel('Name (author 1)')).toHaveValue('Sam Sample');
	await expect(page.getByLabel('Keyword 2')).toHaveValue('client');
	await w.goto('Dependencies');
	await expect(page.getByLabel('Extra name (extra 1)')).toHaveValue('socks');
	await expect(page.getByLabel('Group name (group 1)')).toHaveValue('docs');
	await expect(page.getByLabel('Included group 1')).toHaveValue('docs');
	expect(await w.paths()).not.toContain('LICENSE');
	const py = await w.fileText('pyproject.toml');
	expect(py).toContain('license = "MIT OR Apache-2.0"');
	expect(py).toContain('{ name = "Sam Sample" }');
	expect(py).toContain('socks = ["socksio==1.*"]');
	expect(py).toContain('{ include-group = "docs" }');
	expect(w.errors).toEqual([]);
});

test('keyboard only: add an author and an extra, remove them; a non-SPDX license is refused at its field', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	const license = page.getByLabel('License', { exact: true });
	// The field's island hydrates on first interaction (islands-client.ts): type once it is live.
	await license.focus();
	await expect(page.locator('[data-island="project-people"][data-live]')).toBeAttached();
	await license.fill('BSD');
	// Refused once the SPDX list (loaded on first need) has arrived.
	await expect(page.getByText(/uses "BSD", which is not an SPDX license identifier/)).toBeVisible();
	await license.fill('Apache-2.0 WITH LLVM-exception');
	await expect(page.getByText(/which is not an SPDX license identifier/)).toHaveCount(0);
	const summary = page.locator('summary', { hasText: 'More authors' });
	await summary.focus();
	await page.keyboard.press('Enter');
	const add = page.getByRole('button', { name: 'Add another author' });
	await add.focus();
	await page.keyboard.press('Enter');
	// Focus moves to the new row's first field.
	await expect(page.getByLabel('Name (author 1)')).toBeFocused();
	await page.keyboard.type('Bob Example');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('E-mail (author 1)')).toBeFocused();
	await page.keyboard.type('bob@example.com');
	await w.goto('Review');
	await w.goto('Project');
	await expect(page.getByLabel('Name (author 1)')).toHaveValue('Bob Example');
	expect(await w.fileText('pyproject.toml')).toContain('{ name = "Bob Example", email = "bob@example.com" }');
	await page.getByRole('button', { name: 'Remove author 1' }).focus();
	await page.keyboard.press('Enter');
	await expect(add).toBeFocused();
	await w.goto('Dependencies');
	await page.getByRole('button', { name: 'Add an extra' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Extra name (extra 1)')).toBeFocused();
	await page.keyboard.type('speed');
	await page.keyboard.press('Tab');
	await page.keyboard.type("uvloop>=0.21; sys_platform != 'win32'");
	await page.keyboard.press('Tab');
	await expect.poll(() => w.fileText('pyproject.toml')).toContain('speed = ["uvloop>=0.21; sys_platform != \'win32\'"]');
	expect(w.errors).toEqual([]);
});
