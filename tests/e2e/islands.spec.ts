/**
 * The page's islands (src/lib/islands/): prerendered markup that is hydrated
 * (kept, not rebuilt) in small tasks, on screen first, everything at the first
 * interaction, and nothing typed before that is lost.
 */
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 390, height: 760 } });

/** Tag every prerendered island element's nodes before any script runs, to tell hydration from re-rendering. */
async function tagPrerendered(page: import('@playwright/test').Page): Promise<void> {
	await page.addInitScript(() => {
		document.addEventListener('DOMContentLoaded', () => {
			for (const el of document.querySelectorAll('[data-island] input, [data-island] button, [data-island] [role="tab"]')) {
				(el as HTMLElement).dataset.prerendered = '';
			}
		});
	});
}

test('on a phone only the islands on screen come to life; the preview waits until it is scrolled to', async ({ page }) => {
	await tagPrerendered(page);
	await page.goto('./');
	await expect(page.locator('[data-island="wizard"][data-live]')).toBeAttached();
	await expect(page.locator('[data-island="project-start"][data-live]')).toBeAttached();
	// Below the first screen, untouched: still the prerendered markup, not live.
	await page.waitForTimeout(300);
	await expect(page.locator('[data-island="preview"][data-live]')).toHaveCount(0);
	await expect(page.locator('[data-island="project-kind"][data-live]')).toHaveCount(0);
	await expect(page.locator('[data-island="project-people"][data-live]')).toHaveCount(0);
	// Hydrated, not rebuilt: the tabs are the very nodes the server sent.
	await expect(page.getByRole('tab', { name: /Project/ })).toHaveAttribute('data-prerendered', '');
	await page.getByRole('tab', { name: /Packaging/ }).click();
	await expect(page.getByRole('tabpanel', { name: /Packaging/ })).toBeVisible();
	// Any interaction brought every island to life; the preview shows files once it is on screen.
	await expect(page.locator('[data-island="preview"][data-live]')).toBeAttached();
	await page.locator('[data-island="preview"]').scrollIntoViewIfNeeded();
	await expect(page.getByRole('tree', { name: 'Generated files' }).getByRole('treeitem').first()).toBeVisible();
});

test('typing into a field before its island is live keeps the text and updates the files', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 560 });
	await tagPrerendered(page);
	await page.goto('./');
	// The page's script runs (the wizard is live); the fields, below the first screen, are not.
	await expect(page.locator('[data-island="wizard"][data-live]')).toBeAttached();
	await expect(page.locator('[data-island="project-about"][data-live]')).toHaveCount(0);
	const name = page.getByLabel('Project name');
	// Clicking the prerendered input brings the islands to life before the keystrokes land.
	await name.click();
	await name.press('ControlOrMeta+a');
	await name.pressSequentially('early-bird');
	await expect(name).toHaveValue('early-bird');
	await expect(name).toHaveAttribute('data-prerendered', '');
	await expect(page.locator('[data-island="project-about"][data-live]')).toBeAttached();
	await page.locator('[data-island="preview"]').scrollIntoViewIfNeeded();
	await expect(page.getByTestId('file-content')).toContainText('name = "early-bird"');
});

test('a shared link brings every island to life before it replaces the configuration', async ({ page }) => {
	await page.goto('./');
	await expect(page.locator('[data-island="wizard"][data-live]')).toBeAttached();
	// Make a link from an edited configuration, then open it in a fresh page.
	await page.getByLabel('Project name').fill('from-a-link');
	await expect(page).toHaveURL(/#c=1\./);
	const url = page.url();
	const fresh = await page.context().newPage();
	await fresh.goto(url);
	for (const name of ['wizard', 'project-start', 'project-about', 'project-people', 'project-kind', 'preview']) {
		await expect(fresh.locator(`[data-island="${name}"][data-live]`)).toBeAttached();
	}
	await expect(fresh.getByLabel('Project name')).toHaveValue('from-a-link');
});

test('a problem listed on Review takes the focus to its field, in a step that loads on demand', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('./');
	await expect(page.locator('[data-island="wizard"][data-live]')).toBeAttached();
	await page.getByRole('tab', { name: /Deployment/ }).click();
	await page.getByRole('group', { name: 'Deployment target' }).getByRole('radio', { name: /^Kubernetes\b/ }).check();
	await page.getByLabel('Namespace', { exact: true }).fill('Not_A_Label');
	await page.getByRole('tab', { name: /Review/ }).click();
	await page.getByRole('button', { name: 'Deployment › Namespace' }).click();
	await expect(page.getByRole('tabpanel', { name: /Deployment/ })).toBeVisible();
	await expect(page.getByLabel('Namespace', { exact: true })).toBeFocused();
});
