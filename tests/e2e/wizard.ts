/**
 * Page object for Slipway's wizard: the few moves every browser test makes,
 * by role and label (what a user sees), never by CSS structure.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');

/** The values of every input a locator matches, in order. */
export async function values(inputs: Locator): Promise<string[]> {
	await expect(inputs.first()).toBeVisible();
	return inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

export type Step = 'Project' | 'Dependencies' | 'Packaging' | 'Deployment' | 'Services' | 'Review';

export class Wizard {
	readonly errors: string[] = [];
	constructor(readonly page: Page) {
		page.on('console', (m) => {
			if (m.type() === 'error') this.errors.push(m.text());
		});
		page.on('pageerror', (e) => this.errors.push(String(e) + (process.env.E2E_STACK ? e.stack : '')));
	}

	/** Open the app (optionally with a fragment) and wait until it is interactive. */
	async open(hash = ''): Promise<void> {
		await this.page.goto(`./${hash}`);
		await expect(this.page.getByRole('heading', { level: 1, name: 'Slipway' })).toBeVisible();
		// The preview comes to life when it is on screen (below the wizard on a phone): look at it, as a user would.
		const preview = this.page.locator('[data-island="preview"]');
		await preview.scrollIntoViewIfNeeded();
		await expect(this.tree.getByRole('treeitem').first()).toBeVisible();
		await this.page.evaluate(() => window.scrollTo(0, 0));
		// Hydrated: the wizard island is live (src/lib/islands/client.ts marks it), so the tabs react to clicks.
		await expect(this.page.locator('[data-island="wizard"][data-live]')).toBeAttached();
		await this.page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]') !== null);
	}

	get tree(): Locator {
		return this.page.getByRole('tree', { name: 'Generated files' });
	}
	get content(): Locator {
		return this.page.getByTestId('file-content');
	}
	tab(step: Step): Locator {
		return this.page.getByRole('tab', { name: new RegExp(`^\\W*\\d?\\s*${step}`) });
	}
	panel(step: Step): Locator {
		return this.page.getByRole('tabpanel', { name: new RegExp(step) });
	}

	async goto(step: Step): Promise<void> {
		await this.tab(step).click();
		await expect(this.tab(step)).toHaveAttribute('aria-selected', 'true');
	}

	async choosePreset(title: string): Promise<void> {
		await this.goto('Project');
		await this.page.getByRole('button', { name: title, exact: false }).and(this.page.locator('[data-preset]')).click();
		const replace = this.page.getByRole('alertdialog').getByRole('button', { name: 'Replace' });
		if (await replace.isVisible().catch(() => false)) await replace.click();
	}

	/** Pick a radio option in a step (by its visible label). */
	async choose(step: Step, group: string, option: string): Promise<void> {
		await this.goto(step);
		await this.page.getByRole('group', { name: group }).getByRole('radio', { name: new RegExp(`^${option}\\b`) }).check();
	}

	/** All file paths in the tree (folders expanded by default). */
	/**
	 * Wait until the preview shows the files of the configuration as it is now (they come from a worker), the tree
	 * included (it follows the file set a painted frame late: src/lib/components/Preview.svelte `tree`, `data-behind`).
	 */
	async settled(): Promise<void> {
		await expect(this.page.locator('section.preview:not([data-pending]):not(:has(.tree-pane[data-behind]))')).toBeAttached();
	}

	async paths(): Promise<string[]> {
		await this.settled();
		return this.tree.locator('[role="treeitem"][data-kind="file"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? ''));
	}

	async openFile(path: string): Promise<void> {
		await this.settled();
		await this.tree.locator(`[role="treeitem"][data-path="${path}"]`).click();
		await expect(this.page.getByTestId('viewer-path')).toHaveText(path);
		// The lines below the view follow the painted frame (src/lib/highlight/lines.ts `upTo`): wait for the whole file.
		await expect(this.content.locator('code:not([data-partial])')).toBeAttached();
	}

	async fileText(path: string): Promise<string> {
		await this.openFile(path);
		// The lines only, not the line numbers beside them (Preview.svelte's gutter).
		return this.content.locator('code').innerText();
	}

	async screenshot(name: string): Promise<void> {
		mkdirSync(ARTIFACTS, { recursive: true });
		await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
	}

	/** The share fragment the address bar holds, once the debounced update has happened. */
	async settledHash(): Promise<string> {
		await expect.poll(() => this.page.evaluate(() => location.hash)).toMatch(/^#c=1\./);
		let prev = '';
		await expect
			.poll(async () => {
				const h = await this.page.evaluate(() => location.hash);
				const same = h === prev;
				prev = h;
				return same;
			}, { intervals: [500, 500, 500] })
			.toBe(true);
		return prev;
	}
}
