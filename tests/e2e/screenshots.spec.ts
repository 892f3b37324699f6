import { expect, test } from '@playwright/test';
import { Wizard } from './wizard.ts';

/** Screenshots of the main states at phone and desktop widths, in both themes, under tests/e2e/artifacts/. */
for (const [label, width, height] of [
	['375', 375, 812],
	['1440', 1440, 900]
] as const) {
	for (const scheme of ['light', 'dark'] as const) {
		test(`screenshots ${label}px ${scheme}`, async ({ page }) => {
			await page.setViewportSize({ width, height });
			await page.emulateMedia({ colorScheme: scheme });
			const w = new Wizard(page);
			await w.open();
			await w.choosePreset('FastAPI service');
			await w.screenshot(`${label}-${scheme}-project`);
			await page.screenshot({ path: `tests/e2e/artifacts/${label}-${scheme}-project-viewport.png` });
			await w.goto('Dependencies');
			const box = page.getByRole('combobox', { name: 'Add a runtime dependency' });
			await box.fill('sql');
			await box.press('ArrowDown');
			await expect(page.getByRole('listbox', { name: 'Popular packages' })).toBeVisible();
			await page.screenshot({ path: `tests/e2e/artifacts/${label}-${scheme}-dependencies-viewport.png` });
			await box.press('Escape');
			await w.goto('Project');
			await page.getByLabel('Project name').fill('Bad Name!');
			await page.screenshot({ path: `tests/e2e/artifacts/${label}-${scheme}-invalid-viewport.png` });
			await page.getByLabel('Project name').fill('shop-api');
			await w.goto('Deployment');
			await w.choose('Deployment', 'Deployment target', 'Kubernetes');
			await w.openFile('deploy/kubernetes/deployment.yaml');
			await w.screenshot(`${label}-${scheme}-deployment`);
			await w.goto('Review');
			await expect(page.getByTestId('bootstrap')).toContainText('uv init');
			await w.screenshot(`${label}-${scheme}-review`);
		});
	}
}
