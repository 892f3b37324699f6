import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Wizard } from './wizard.ts';

test('download a single file', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.openFile('Dockerfile');
	const shown = await w.content.evaluate((el) => [...el.querySelectorAll('.line')].map((l) => l.textContent).join('\n'));
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download', exact: true }).click()]);
	expect(download.suggestedFilename()).toBe('Dockerfile');
	const text = readFileSync((await download.path())!, 'utf8');
	expect(text).toContain('FROM ');
	expect(text).toBe(shown);
});

test('the shell script recreates exactly the files of the zip', async ({ page }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choosePreset('Flask app');
	await w.choose('Deployment', 'Deployment target', 'Bare metal');
	await w.goto('Review');
	await expect(page.getByTestId('bootstrap')).toContainText('python3.12 -m venv .venv');
	const [zipDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).first().click()]);
	const zip = await JSZip.loadAsync(readFileSync((await zipDl.path())!));
	const [shDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download shell script' }).click()]);
	expect(shDl.suggestedFilename()).toBe('create-flask-app.sh');
	const dir = mkdtempSync(join(tmpdir(), 'slipway-e2e-sh-'));
	try {
		writeFileSync(join(dir, 'create.sh'), readFileSync((await shDl.path())!));
		execFileSync('sh', ['create.sh'], { cwd: dir });
		const files = Object.entries(zip.files).filter(([, f]) => !f.dir);
		expect(files.length).toBeGreaterThan(10);
		for (const [name, f] of files) {
			expect(readFileSync(join(dir, name)).equals(Buffer.from(await f.async('uint8array'))), name).toBe(true);
			expect(statSync(join(dir, name)).mode & 0o777, name).toBe((f.unixPermissions as number) & 0o777);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
