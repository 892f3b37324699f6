/**
 * "Compare with my project" (issue 19, section 3), in Debian's Chromium against the built site:
 * the user's project, generated here by the built CLI (`node dist/cli/slipway.js generate`,
 * so its slipway.json records the file hashes) and then edited as a user would, is opened
 * in the page from a folder (`<input webkitdirectory>`) or from a zip, offline too.
 *
 * - an untouched project compares clean, and the form takes its configuration;
 * - after switching uv -> Poetry in the form, a user's edit Slipway also changes is merged,
 *   an edit on a line Slipway changes is a conflict with git's markers, an edit Slipway does not
 *   touch stays the user's, a deleted file stays deleted;
 * - the downloaded .patch passes `git apply --check` on a git copy of the project, and applying
 *   it gives the merged files; the downloaded zip holds the updated files and not the deleted one;
 * - bad input (no slipway.json/pyproject.toml, a newer slipway.json, a binary file where a
 *   generated file should be, a file that is not a zip) gets its message and the form is untouched.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { Wizard } from './wizard.ts';

const NAME = 'acme-orders';
const ROUTE = '\n\n@app.get("/orders")\ndef list_orders() -> list[str]:\n    return []\n';
const NOTE = '\n## Team notes\n\nAsk Ada before deploying on Fridays.\n';
const MY_BUILD_LINE = '# Build: docker build -t registry.acme.test/orders .   (our own registry)';

const temps: string[] = [];
function tempDir(tag: string): string {
	const d = mkdtempSync(join(tmpdir(), `slipway-compare-${tag}-`));
	temps.push(d);
	return d;
}
test.afterAll(() => {
	for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** A project as `slipway generate` writes it (uv, Docker), in a folder named after it. */
function generated(): string {
	const dir = join(tempDir('project'), NAME);
	execFileSync('node', ['dist/cli/slipway.js', 'generate', '--preset', 'fastapi-service', '--manager', 'uv', '--target', 'docker', '--config', JSON.stringify({ project: { name: NAME } }), '--out', dir]);
	return dir;
}

/** The same project after a year of the user's work. */
function edited(): string {
	const dir = generated();
	// An edit Slipway never touches: a new route.
	writeFileSync(join(dir, 'src/acme_orders/main.py'), readFileSync(join(dir, 'src/acme_orders/main.py'), 'utf8') + ROUTE);
	// An edit away from the lines a manager change rewrites: merged.
	writeFileSync(join(dir, 'README.md'), readFileSync(join(dir, 'README.md'), 'utf8') + NOTE);
	// An edit on a line the manager change rewrites (the build comment names uv.lock): a conflict.
	const docker = readFileSync(join(dir, 'Dockerfile'), 'utf8').split('\n');
	const i = docker.findIndex((l) => l.startsWith('# Build: docker build'));
	expect(i).toBeGreaterThanOrEqual(0);
	docker[i] = MY_BUILD_LINE;
	writeFileSync(join(dir, 'Dockerfile'), docker.join('\n'));
	// A file the user does not want.
	unlinkSync(join(dir, 'compose.override.yaml'));
	// What a real checkout also has, never to be read.
	writeFileSync(join(dir, 'uv.lock'), 'version = 1\n');
	return dir;
}

/** Every file under a folder, by relative path. */
function filesOf(dir: string): Map<string, Buffer> {
	const out = new Map<string, Buffer>();
	for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
		const p = join(dir, rel);
		if (statSync(p).isFile()) out.set(relative(dir, p).split('\\').join('/'), readFileSync(p));
	}
	return out;
}

/** A zip of the folder, with one top folder as GitHub's "Download ZIP" has. */
async function zipOf(dir: string, top = `${NAME}-main`): Promise<Buffer> {
	const zip = new JSZip();
	for (const [p, bytes] of filesOf(dir)) zip.file(`${top}/${p}`, bytes);
	return zip.generateAsync({ type: 'nodebuffer' });
}

async function openCompare(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Compare with my project' }).click();
	await expect(page.getByRole('heading', { name: 'Compare with my project' })).toBeVisible();
}

const compare = (page: Page) => page.getByTestId('compare');
const row = (page: Page, path: string) => page.getByTestId('compare-files').locator(`[data-path="${path}"]`);

async function pickFolder(page: Page, dir: string): Promise<void> {
	await page.getByTestId('compare-folder').setInputFiles(dir);
}
async function pickZip(page: Page, name: string, buffer: Buffer): Promise<void> {
	await page.getByTestId('compare-zip').setInputFiles({ name, mimeType: 'application/zip', buffer });
}

async function statusOf(page: Page, path: string): Promise<string | null> {
	return row(page, path).getAttribute('data-status');
}

test('an untouched project, picked as a folder, compares clean and fills the form', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await expect(page.getByLabel('Project name')).not.toHaveValue(NAME);
	const dir = generated();
	// A checkout's .git and .venv are skipped (never read, never listed).
	for (const junk of ['.git/objects/ab', '.venv/lib']) {
		const d = join(dir, junk);
		execFileSync('mkdir', ['-p', d]);
		writeFileSync(join(d, 'blob'), Buffer.from([0, 1, 2, 3]));
	}
	await openCompare(page);
	await pickFolder(page, dir);
	await expect(page.getByTestId('compare-summary')).toContainText(`Compared with the folder ${NAME}`);
	// One entry per generated file, every one unchanged.
	const statuses = await page.getByTestId('compare-files').locator('[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
	expect(statuses.length).toBe(filesOf(dir).size - 2);
	expect(new Set(statuses)).toEqual(new Set(['unchanged']));
	await expect(page.getByTestId('compare-summary')).toContainText(`${statuses.length} unchanged`);
	expect(await page.getByTestId('compare-files').locator('[data-path^=".git/"], [data-path^=".venv/"]').count()).toBe(0);
	// The form holds the project's configuration.
	await page.getByRole('button', { name: 'Compare with my project' }).click();
	await w.goto('Project');
	await expect(page.getByLabel('Project name')).toHaveValue(NAME);
	// One setting changed: the files it touches are "changed by Slipway", seen at once.
	await page.getByLabel('Project name').fill('acme-shop');
	await page.getByRole('button', { name: 'Compare with my project' }).click();
	await expect(row(page, 'pyproject.toml')).toHaveAttribute('data-status', 'changed-by-slipway');
	await expect(row(page, 'src/acme_shop/main.py')).toHaveAttribute('data-status', 'new');
	expect(w.errors).toEqual([]);
});

test('a zip of an edited project: uv -> Poetry merges, conflicts, keeps a deleted file deleted; the .patch applies with git', async ({ page }) => {
	test.setTimeout(90_000);
	const w = new Wizard(page);
	await w.open();
	const dir = edited();
	await openCompare(page);
	await pickZip(page, `${NAME}-main.zip`, await zipOf(dir));
	await expect(page.getByTestId('compare-summary')).toContainText(`Compared with ${NAME}-main.zip`);
	// Before any change: the user's edits, and the deleted file.
	await expect(row(page, 'src/acme_orders/main.py')).toHaveAttribute('data-status', 'changed-by-you');
	await expect(row(page, 'README.md')).toHaveAttribute('data-status', 'changed-by-you');
	await expect(row(page, 'compose.override.yaml')).toHaveAttribute('data-status', 'removed-by-you');
	await expect(row(page, 'pyproject.toml')).toHaveAttribute('data-status', 'unchanged');
	expect(await row(page, 'uv.lock').count()).toBe(0);

	// Change one setting in the form: the package manager.
	await page.getByRole('button', { name: 'Compare with my project' }).click();
	await w.choose('Packaging', 'Package manager', 'Poetry');
	await page.getByRole('button', { name: 'Compare with my project' }).click();
	await expect(row(page, 'pyproject.toml')).toHaveAttribute('data-status', 'changed-by-slipway');
	await expect(row(page, 'README.md')).toHaveAttribute('data-status', 'merged');
	await expect(row(page, 'Dockerfile')).toHaveAttribute('data-status', 'conflict');
	await expect(row(page, 'src/acme_orders/main.py')).toHaveAttribute('data-status', 'changed-by-you');
	await expect(row(page, 'compose.override.yaml')).toHaveAttribute('data-status', 'removed-by-you');
	await expect(row(page, 'poetry.toml')).toHaveAttribute('data-status', 'new');
	await expect(row(page, '.github/workflows/ci.yml')).toHaveAttribute('data-status', 'changed-by-slipway');

	// The conflict, with its markers, in the per-file view (unified, then side by side).
	await row(page, 'Dockerfile').click();
	await expect(page.getByTestId('compare-status')).toHaveText('Conflict');
	const diff = page.getByRole('region', { name: 'Differences in Dockerfile' });
	await expect(diff).toContainText('<<<<<<< yours');
	await expect(diff).toContainText('>>>>>>> slipway');
	await expect(diff).toContainText(MY_BUILD_LINE);
	await page.getByLabel('Side by side').check();
	await expect(diff.locator('table')).toBeVisible();
	await expect(diff).toContainText('<<<<<<< yours');
	// The merged README: the user's note and Poetry's commands.
	await row(page, 'README.md').click();
	await page.getByLabel('Side by side').uncheck();
	await expect(page.getByRole('region', { name: 'Differences in README.md' })).toContainText('poetry install');
	await page.getByRole('radio', { name: 'Your edits' }).check();
	await expect(page.getByRole('region', { name: 'Differences in README.md' })).toContainText('Ask Ada before deploying on Fridays.');

	// The .patch applies with git on a copy of the project, and gives the merged files.
	const [patchDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .patch' }).click()]);
	expect(patchDl.suggestedFilename()).toBe(`${NAME}-slipway.patch`);
	const patch = readFileSync((await patchDl.path())!, 'utf8');
	const repo = join(tempDir('git'), NAME);
	cpSync(dir, repo, { recursive: true });
	const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo } });
	git('init', '-q');
	git('add', '-A');
	git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'mine');
	writeFileSync(join(repo, '..', 'update.patch'), patch);
	git('apply', '--check', '../update.patch');
	git('apply', '../update.patch');
	const readme = readFileSync(join(repo, 'README.md'), 'utf8');
	expect(readme).toContain('Ask Ada before deploying on Fridays.');
	expect(readme).toContain('poetry install');
	expect(readFileSync(join(repo, 'src/acme_orders/main.py'), 'utf8')).toContain('def list_orders()');
	expect(readFileSync(join(repo, 'Dockerfile'), 'utf8')).toMatch(/<<<<<<< yours\n# Build: docker build -t registry\.acme\.test\/orders[^\n]*\n=======\n[^\n]*poetry\.lock[^\n]*\n>>>>>>> slipway\n/);
	expect(readFileSync(join(repo, 'pyproject.toml'), 'utf8')).toContain('poetry-core');
	expect(readFileSync(join(repo, 'poetry.toml'), 'utf8').length).toBeGreaterThan(0);
	expect(() => statSync(join(repo, 'compose.override.yaml'))).toThrow();
	expect(JSON.parse(readFileSync(join(repo, 'slipway.json'), 'utf8')).config.packaging.manager).toBe('poetry');

	// The zip of the updated files: what the patch gave, and not the deleted file.
	const [zipDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download updated files (.zip)' }).click()]);
	const zip = await JSZip.loadAsync(readFileSync((await zipDl.path())!));
	const inZip = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
	expect(inZip).not.toContain(`${NAME}/compose.override.yaml`);
	for (const p of ['README.md', 'Dockerfile', 'pyproject.toml', 'src/acme_orders/main.py', 'slipway.json', 'poetry.toml'])
		expect(await zip.file(`${NAME}/${p}`)!.async('string'), p).toBe(readFileSync(join(repo, p), 'utf8'));
	expect(w.errors).toEqual([]);
});

test('offline: a zip compares from the cached app, without the network', async ({ page, context }) => {
	test.setTimeout(90_000);
	const w = new Wizard(page);
	await w.open();
	// Once the service worker controls the page, everything the page can load is cached.
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
	});
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Slipway' })).toBeVisible();
	const dir = edited();
	const zip = await zipOf(dir);
	await openCompare(page);
	await pickZip(page, 'project.zip', zip);
	await expect(page.getByTestId('compare-summary')).toContainText('Compared with project.zip');
	await expect(row(page, 'README.md')).toHaveAttribute('data-status', 'changed-by-you');
	await expect(row(page, 'compose.override.yaml')).toHaveAttribute('data-status', 'removed-by-you');
	await row(page, 'README.md').click();
	await page.getByRole('radio', { name: 'Your edits' }).check();
	await expect(page.getByRole('region', { name: 'Differences in README.md' })).toContainText('Ask Ada');
	expect(await page.evaluate(() => navigator.onLine)).toBe(false);
	const unexpected = w.errors.filter((e) => !/service-worker|ERR_INTERNET_DISCONNECTED/.test(e));
	expect(unexpected).toEqual([]);
});

test('"Choose a folder…" uses the File System Access picker where the browser has it, and a zip can be dropped', async ({ page }) => {
	const dir = edited();
	const files = Object.fromEntries([...filesOf(dir)].map(([p, b]) => [p, b.toString('base64')]));
	// A test double of the browser's folder picker only (its dialog is native and cannot be driven): it hands
	// over a directory handle of the File System Access API's shape, built from the project's files.
	await page.addInitScript((tree: Record<string, string>) => {
		type Node = { kind: 'directory'; name: string; children: Map<string, Node> } | { kind: 'file'; name: string; bytes: Uint8Array };
		const root: Node = { kind: 'directory', name: 'acme-orders', children: new Map() };
		for (const [path, b64] of Object.entries(tree)) {
			const parts = path.split('/');
			let d = root as Extract<Node, { kind: 'directory' }>;
			for (const part of parts.slice(0, -1)) {
				if (!d.children.has(part)) d.children.set(part, { kind: 'directory', name: part, children: new Map() });
				d = d.children.get(part) as Extract<Node, { kind: 'directory' }>;
			}
			const name = parts[parts.length - 1];
			d.children.set(name, { kind: 'file', name, bytes: Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)) });
		}
		const handle = (n: Node): unknown =>
			n.kind === 'file'
				? { kind: 'file', name: n.name, getFile: async () => new File([n.bytes as BlobPart], n.name) }
				: {
						kind: 'directory',
						name: n.name,
						async *values() {
							for (const c of n.children.values()) yield handle(c);
						}
					};
		(window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () => handle(root);
	}, files);
	const w = new Wizard(page);
	await w.open();
	await openCompare(page);
	await page.getByRole('button', { name: 'Choose a folder…' }).click();
	await expect(page.getByTestId('compare-summary')).toContainText('Compared with the folder acme-orders');
	await expect(row(page, 'README.md')).toHaveAttribute('data-status', 'changed-by-you');
	await expect(row(page, 'compose.override.yaml')).toHaveAttribute('data-status', 'removed-by-you');

	// A zip dropped on the panel.
	const zip = (await zipOf(generated(), 'fresh')).toString('base64');
	await page.evaluate((b64) => {
		const dt = new DataTransfer();
		dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'fresh.zip', { type: 'application/zip' }));
		const target = document.querySelector('[data-testid="compare"] .pick')!;
		target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
		target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
	}, zip);
	await expect(page.getByTestId('compare-summary')).toContainText('Compared with fresh.zip');
	await expect(row(page, 'README.md')).toHaveAttribute('data-status', 'unchanged');
	expect(w.errors).toEqual([]);
});

test('a project Slipway did not write: the form fills from its pyproject.toml, and the update keeps its files', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	const dir = join(tempDir('pyproject'), 'legacy-shop');
	execFileSync('mkdir', ['-p', join(dir, 'src/legacy_shop')]);
	writeFileSync(
		join(dir, 'pyproject.toml'),
		'[project]\nname = "legacy-shop"\nversion = "2.3.1"\ndescription = "A shop"\nrequires-python = ">=3.11"\ndependencies = ["flask>=3.0"]\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
	);
	writeFileSync(join(dir, 'README.md'), '# Legacy shop\n\nOur shop.\n');
	await openCompare(page);
	await pickFolder(page, dir);
	await expect(page.getByTestId('compare-summary')).toContainText('Compared with the folder legacy-shop');
	await expect(page.getByTestId('compare-summary')).toContainText('from your pyproject.toml (imported; check the fields)');
	// Its own files are the user's; what Slipway would add is new.
	await expect(row(page, 'README.md')).toHaveAttribute('data-status', 'changed-by-you');
	await expect(row(page, 'pyproject.toml')).toHaveAttribute('data-status', 'changed-by-you');
	await expect(row(page, 'slipway.json')).toHaveAttribute('data-status', 'new');
	await w.goto('Project');
	await expect(page.getByLabel('Project name')).toHaveValue('legacy-shop');
	await expect(page.getByLabel('Description')).toHaveValue('A shop');
	expect(w.errors).toEqual([]);
});

test('bad input gets its message, and the form does not change', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	const before = await page.getByLabel('Project name').inputValue();
	await openCompare(page);
	const error = page.getByTestId('compare-error');

	// A folder that is not a Python project.
	const plain = join(tempDir('plain'), 'notes');
	execFileSync('mkdir', ['-p', plain]);
	writeFileSync(join(plain, 'todo.md'), '- buy milk\n');
	await pickFolder(page, plain);
	await expect(error).toContainText('has no slipway.json and no pyproject.toml');

	// A slipway.json from a newer Slipway.
	const newer = generated();
	const sj = JSON.parse(readFileSync(join(newer, 'slipway.json'), 'utf8'));
	writeFileSync(join(newer, 'slipway.json'), JSON.stringify({ ...sj, slipway: 99 }, null, 2));
	await pickFolder(page, newer);
	await expect(error).toContainText('newer Slipway');
	await expect(error).toContainText('Nothing was changed');

	// A file Slipway generates that is not text here.
	const binary = generated();
	writeFileSync(join(binary, 'README.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
	await pickZip(page, 'binary.zip', await zipOf(binary));
	await expect(error).toContainText('README.md is not a text file');

	// A "zip" that is not one.
	await pickZip(page, 'photo.zip', Buffer.from('GIF89a not a zip at all'));
	await expect(error).toContainText('photo.zip is not a zip file');

	await expect(page.getByTestId('compare-files')).toHaveCount(0);
	await page.getByRole('button', { name: 'Compare with my project' }).click();
	await w.goto('Project');
	await expect(page.getByLabel('Project name')).toHaveValue(before);
	await expect(page.getByTestId('undo-bar')).toHaveCount(0);
	expect(w.errors).toEqual([]);
});

test('keyboard and axe: the compare panel is labelled, reachable and has no serious violations', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	const dir = edited();
	const toggle = page.getByRole('button', { name: 'Compare with my project' });
	await toggle.focus();
	await page.keyboard.press('Enter');
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await pickFolder(page, dir);
	await expect(page.getByTestId('compare-summary')).toBeVisible();
	// The file list is one tab stop; the arrow keys move the selection.
	const first = page.getByTestId('compare-files').locator('button[tabindex="0"]');
	await first.focus();
	const start = await page.getByTestId('compare-path').textContent();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByTestId('compare-path')).not.toHaveText(start ?? '');
	const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-path'));
	await expect(page.getByTestId('compare-path')).toHaveText(focused ?? '');
	await page.keyboard.press('Enter');
	const r = await new AxeBuilder({ page }).include('[data-testid="compare"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	const serious = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(serious).toEqual([]);
	await page.getByLabel('Side by side').check();
	const r2 = await new AxeBuilder({ page }).include('[data-testid="compare"]').withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
	expect(r2.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	expect(w.errors).toEqual([]);
});
