/**
 * Issue 18.15 (change to preview): the work a change does besides the preview
 * (saving to the browser's storage, the address bar) is scheduled after it,
 * debounced. Nothing typed may be lost for that: a reload straight after a
 * change keeps it, a page sent to the background saves at once, fast typing
 * saves once, and the address bar still follows the configuration.
 */
import { expect, test, type Page } from '@playwright/test';
import { Wizard } from './wizard.ts';

/** Counts the page's writes of its kept configuration (installed before the page's scripts). */
function countSaves() {
	const w = window as unknown as { __saves: string[] };
	w.__saves = [];
	const set = Storage.prototype.setItem;
	Storage.prototype.setItem = function (key: string, value: string) {
		if (key === 'slipway:last') w.__saves.push(value);
		return set.call(this, key, value);
	};
}
const saves = (page: Page) => page.evaluate(() => (window as unknown as { __saves: string[] }).__saves);

test('a change then an immediate reload keeps it (the pending save is written on pagehide)', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	const name = page.getByLabel('Project name', { exact: true });
	await name.fill('reloaded-at-once');
	// No wait for the debounce: the reload starts right after the input.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Slipway' })).toBeVisible();
	await w.goto('Project');
	await expect(page.getByLabel('Project name', { exact: true })).toHaveValue('reloaded-at-once');
});

test('a page sent to the background saves what was typed at once, not after the debounce', async ({ page }) => {
	await page.addInitScript(countSaves);
	const w = new Wizard(page);
	await w.open();
	await page.getByLabel('Project name', { exact: true }).fill('hidden-at-once');
	// The page is told it is hidden (as a phone does before discarding it) in the same task that reads storage:
	// no timer can have run in between. Playwright cannot hide a page, so visibilityState is set by hand here.
	const kept = await page.evaluate(() => {
		Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
		return localStorage.getItem('slipway:last') ?? '';
	});
	expect(kept).toContain('"name":"hidden-at-once"');
});

test('fast typing saves once, after the last keystroke, and the address bar follows', async ({ page }) => {
	await page.addInitScript(countSaves);
	const w = new Wizard(page);
	await w.open();
	const name = page.getByLabel('Project name', { exact: true });
	await name.click();
	await page.keyboard.press('End');
	const before = (await saves(page)).length;
	await page.keyboard.type('abcdefghij', { delay: 30 });
	await expect.poll(async () => (await saves(page)).slice(before).some((s) => s.includes('"name":"my-serviceabcdefghij"'))).toBe(true);
	await page.waitForTimeout(700);
	const written = (await saves(page)).slice(before);
	// Ten keystrokes, one write (plus, at most, the one the address bar's update makes with the same state).
	expect(written.length).toBeGreaterThanOrEqual(1);
	expect(written.length).toBeLessThanOrEqual(2);
	for (const s of written) expect(s).toContain('"name":"my-serviceabcdefghij"');
	await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#c=/);
});
