import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Wizard, type Step } from './wizard.ts';

async function serious(page: Page): Promise<string[]> {
	const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const STEPS: Step[] = ['Project', 'Dependencies', 'Packaging', 'Deployment', 'Services', 'Review'];

for (const scheme of ['light', 'dark'] as const) {
	test(`axe: no serious or critical violations, ${scheme} theme`, async ({ page }) => {
		test.setTimeout(240_000);
		await page.emulateMedia({ colorScheme: scheme });
		const w = new Wizard(page);
		await w.open();
		const found: string[] = [];
		for (const s of STEPS) {
			await w.goto(s);
			found.push(...(await serious(page)).map((v) => `${s}: ${v}`));
		}
		// States with messages: an invalid field, an open import report, a suggestion list.
		await w.goto('Project');
		await page.getByLabel('Project name').fill('Bad Name!');
		await page.getByText('Import an existing pyproject.toml').click();
		await page.getByLabel("Paste the file's content").fill('[project]\nname = = 1');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByTestId('import-result')).toContainText('Nothing was imported');
		found.push(...(await serious(page)).map((v) => `invalid: ${v}`));
		await w.goto('Dependencies');
		await page.getByRole('combobox', { name: 'Add a runtime dependency' }).fill('py');
		await page.getByRole('combobox', { name: 'Add a runtime dependency' }).press('ArrowDown');
		// The suggestions load lazily: check the open list, not the closed box.
		await expect(page.getByRole('listbox', { name: 'Popular packages' })).toBeVisible();
		found.push(...(await serious(page)).map((v) => `combobox: ${v}`));
		expect(found).toEqual([]);
	});
}

test('axe: the toggled dark theme and a broken-link banner', async ({ page }) => {
	test.setTimeout(120_000);
	await page.emulateMedia({ colorScheme: 'light' });
	const w = new Wizard(page);
	await w.open('#c=1.garbage!!');
	await page.getByTestId('theme-toggle').click(); // light
	await page.getByTestId('theme-toggle').click(); // dark
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await serious(page)).toEqual([]);
	// Persisted across a reload.
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
