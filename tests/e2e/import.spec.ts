import { expect, test } from '@playwright/test';
import { Wizard, values } from './wizard.ts';

const POETRY1 = `[tool.poetry]
name = "legacy-shop"
version = "2.3.1"
description = "A shop on Poetry 1"
authors = ["Grace Hopper <grace@navy.test>"]
license = "MIT"

[tool.poetry.dependencies]
python = "^3.11"
flask = "^3.0"
requests = "~2.31"
redis = { version = "^5.0", extras = ["hiredis"] }
internal = { git = "https://example.com/internal.git" }

[tool.poetry.dev-dependencies]
pytest = "^8.0"

[build-system]
requires = ["poetry-core>=1.0.0"]
build-backend = "poetry.core.masonry.api"
`;

test('import a Poetry 1 pyproject: fields prefilled and a report', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await page.getByText('Import an existing pyproject.toml').click();
	await page.getByLabel("Paste the file's content").fill(POETRY1);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const result = page.getByTestId('import-result');
	await expect(result).toContainText('Imported from pyproject.toml');
	await expect(result).toContainText('package manager: poetry');
	await expect(result).toContainText('internal: git dependency skipped');
	await expect(page.getByLabel('Project name')).toHaveValue('legacy-shop');
	await expect(page.getByLabel('Version', { exact: true })).toHaveValue('2.3.1');
	await expect(page.getByLabel('Description')).toHaveValue('A shop on Poetry 1');
	await expect(page.getByLabel('Author name')).toHaveValue('Grace Hopper');
	await expect(page.getByLabel('Author e-mail')).toHaveValue('grace@navy.test');
	await expect(page.getByLabel('Lowest Python version')).toHaveValue('3.11');
	await expect(page.getByRole('group', { name: 'Web framework' }).getByRole('radio', { name: /^Flask/ })).toBeChecked();
	await w.goto('Dependencies');
	expect(await values(page.getByTestId('list-dependencies').locator('input'))).toEqual([
		'flask>=3.0,<4.0',
		'requests>=2.31,<2.32',
		'redis[hiredis]>=5.0,<6.0'
	]);
	expect(await values(page.getByTestId('list-devDependencies').locator('input'))).toEqual(['pytest>=8.0,<9.0']);
	await w.goto('Packaging');
	await expect(page.getByRole('group', { name: 'Package manager' }).getByRole('radio', { name: /^Poetry/ })).toBeChecked();
	await expect(page.getByRole('group', { name: 'Poetry pyproject layout' }).getByRole('radio', { name: /Classic/ })).toBeChecked();
	await w.goto('Services');
	await expect(page.getByLabel(/Redis/)).toBeChecked();
	// Undo brings back what was there.
	await page.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
	await w.goto('Project');
	await expect(page.getByLabel('Project name')).toHaveValue('my-service');
	expect(w.errors).toEqual([]);
});

test('import a requirements.txt file: dependencies prefilled, options skipped with a note', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await page.getByText('Import an existing pyproject.toml').click();
	await page.locator('input[type="file"]').setInputFiles({
		name: 'requirements.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('# pinned\n--index-url https://pypi.example/simple\nhttpx==0.27.2\nboto3>=1.35 --hash=sha256:00\n-e .\n')
	});
	const result = page.getByTestId('import-result');
	await expect(result).toContainText('Imported from requirements.txt');
	await expect(result).toContainText('pip option "--index-url');
	await expect(result).toContainText('comment line');
	await w.goto('Dependencies');
	expect(await values(page.getByTestId('list-dependencies').locator('input'))).toEqual(['httpx==0.27.2', 'boto3>=1.35']);
	await w.goto('Packaging');
	await expect(page.getByRole('group', { name: 'Package manager' }).getByRole('radio', { name: /^pip/ })).toBeChecked();
});

test('unparseable TOML: a clear message with line and column, nothing changed', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await page.getByText('Import an existing pyproject.toml').click();
	await page.getByLabel("Paste the file's content").fill('[project]\nname = "x"\nversion = = "1"\n');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const result = page.getByTestId('import-result');
	await expect(result).toContainText('Nothing was imported');
	await expect(result).toContainText('not valid TOML');
	await expect(result).toContainText(/line 3, column \d+/);
	await expect(page.getByLabel('Project name')).toHaveValue('my-service');
});

test('reopen and reproduce: importing slipway.json gives back the identical configuration', async ({ page, browser }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choosePreset('Background worker');
	await w.choose('Deployment', 'Deployment target', 'Serverless');
	await page.getByLabel('Region').fill('us-east-2');
	const hash = await w.settledHash();
	const slipwayJson = await w.fileText('slipway.json');

	const ctx = await browser.newContext();
	const fresh = await ctx.newPage();
	const w2 = new Wizard(fresh);
	await w2.open();
	await fresh.getByText('Import an existing pyproject.toml').click();
	await fresh.locator('input[type="file"]').setInputFiles({ name: 'slipway.json', mimeType: 'application/json', buffer: Buffer.from(slipwayJson) });
	await expect(fresh.getByTestId('import-result')).toContainText('Imported from slipway.json');
	expect(await w2.settledHash()).toBe(hash);
	expect(await w2.fileText('slipway.json')).toBe(slipwayJson);
	await ctx.close();
});
