import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { deflateRawSync } from 'node:zlib';
import { Wizard } from './wizard.ts';

/** A fixed configuration and the v1 link made from it (2026-11-24). Never regenerate: old links must keep opening. */
const FIXED = {
	project: {
		name: 'acme-orders',
		description: 'Orders API for Acme.',
		version: '1.2.0',
		authorName: 'Ada Lovelace',
		authorEmail: 'ada@acme.test',
		license: 'Apache-2.0',
		url: 'https://github.com/acme/orders',
		pythonVersion: '3.13',
		kind: 'service',
		framework: 'fastapi',
		dependencies: ['httpx>=0.27,<1', 'sqlalchemy>=2.0'],
		devDependencies: ['pytest-asyncio>=0.24']
	},
	packaging: { manager: 'poetry', backend: 'poetry-core', poetryLayout: 'poetry2', pipWorkflow: 'requirements' },
	target: 'kubernetes',
	services: { postgres: true, redis: false },
	docker: { image: 'ghcr.io/acme/orders', baseImageDigest: '' },
	kubernetes: { namespace: 'orders', replicas: 3, ingressHost: 'orders.acme.test', ingressClass: 'nginx' },
	serverless: { provider: 'aws-lambda', memoryMb: 512, timeoutSeconds: 30, region: 'eu-west-1' },
	bareMetal: { domain: 'orders.acme.test' }
};
const V1_LINK =
	'#c=1.ZVJda9tAEPwr5p4t-aulIJpQ0xQaSNpCoX0oeVid1vLVujtl72RHGP_3zklGhPTtbndmdvbjrFrxf1lHVZyVI8uqUKQtZ14qlqDmquKgxbTReIfc9yE82_64n-28zLaA5gAdERwBq3ydLxGhLu69fBsVtxXNHvyRG9I85b5YMk0qV9GnVDKPHCKyjdHswkBrSe85GwU7SeB9jG0oFovaxH1X5trbReIuJrttD233a_KzyVcbhA_GVfgFliPkEdgJrJ28HBDdUYjUmqHZll3FThsOqvgzlHu5vVnm6w_zjysAwnNDDUzZ_vYm-XpKnOPdGxpMoJeMQo-QH_jv1NMF7kgfqDauTuO25KhmgYHWc5Qe8iXyUJpCmfaS3I6_B-p9h01dv-uUMO1vNLFr_Alx4efOCFt2MSiUiyQ1J8KhK1kcw1XqYRwCnGL7PsRa0jtKx3MoVAafHTWBIVB5-IHDszIWXqFU77Xkxr-ZekmB7xPiztRpi4VK5V9VvV5XwACSykQUbrFvAmAzV5gLrISv8DRh8tencQV8biiAoRwm-ZIKpY5YGqSGnsQfDbjptk4ha8iWFYFt2XrpH0tVvF-tMRxjGeP8ydq7KhlYJjv1eDbcZae0wlWSL0n4kSPhAM8YCe42Qf7zd7n8Aw';

async function zipOf(page: Page): Promise<Record<string, string>> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).first().click()]);
	const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
	const out: Record<string, string> = {};
	for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out[name] = await f.async('string');
	return out;
}

/** A fragment holding arbitrary JSON, as an attacker could craft one. */
function craft(json: string): string {
	return '#c=1.' + deflateRawSync(Buffer.from(json)).toString('base64url');
}

test('share-link round trip: a fresh page opens the identical file set', async ({ page, browser }) => {
	const w = new Wizard(page);
	await w.open();
	await w.choosePreset('Django app');
	await page.getByLabel('Project name').fill('round-trip');
	await w.choose('Deployment', 'Deployment target', 'Kubernetes');
	await page.getByLabel('Namespace', { exact: true }).fill('rt');
	await w.goto('Dependencies');
	const box = page.getByRole('combobox', { name: 'Add a runtime dependency' });
	await box.fill('celery[redis]>=5.4; python_version >= "3.11"');
	await box.press('Enter');
	const hash = await w.settledHash();
	expect(hash.length).toBeLessThan(2000);

	const original = await zipOf(page);
	const context = await browser.newContext();
	const fresh = await context.newPage();
	const w2 = new Wizard(fresh);
	await w2.open(hash);
	await expect(fresh.getByLabel('Project name')).toHaveValue('round-trip');
	expect(await zipOf(fresh)).toEqual(original);
	expect(w2.errors).toEqual([]);
	await context.close();
});

test('the URL follows edits (debounced, replaceState) and Copy link copies it', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const w = new Wizard(page);
	await w.open();
	const before = await page.evaluate(() => history.length);
	expect(await page.evaluate(() => location.hash)).toBe('');
	await page.getByLabel('Project name').fill('my-service-x');
	const hash = await w.settledHash();
	expect(await page.evaluate(() => history.length)).toBe(before);
	await page.getByRole('button', { name: 'Copy link' }).click();
	await expect(page.getByTestId('status')).toContainText('Link copied');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied.endsWith(hash)).toBe(true);
	// An invalid edit does not change the URL: it keeps the last valid configuration.
	await page.getByLabel('Project name').fill('Bad Name!');
	await page.waitForTimeout(800);
	expect(await page.evaluate(() => location.hash)).toBe(hash);
});

test('a pinned v1 link opens exactly its configuration', async ({ page }) => {
	const w = new Wizard(page);
	await w.open(V1_LINK);
	await expect(page.getByLabel('Project name')).toHaveValue('acme-orders');
	await expect(page.getByTestId('link-error')).toHaveCount(0);
	const { files, ...json } = JSON.parse(await w.fileText('slipway.json'));
	// slipway.json also records each generated file's hash (issue 19: what `slipway update` compares with).
	expect(Object.keys(files)).toContain('pyproject.toml');
	expect(Object.values(files).every((h) => /^sha256:[0-9a-f]{64}$/.test(String(h)))).toBe(true);
	// Fields added since the link was made (Cloud Run's project and repository) arrive empty, which
	// means "derived": everything the link holds is kept as it was.
	// The Kubernetes exposure (2026-12) arrives as "ingress": the link's Ingress and its class stay.
	// The base image (2026-12) is the python:X-slim every image used before; the release cooldown gets today's default.
	expect(json).toEqual({
		slipway: 1,
		config: {
			...FIXED,
			packaging: { ...FIXED.packaging, releaseCooldownDays: 7 },
			docker: { ...FIXED.docker, baseImage: 'python-slim' },
			serverless: { ...FIXED.serverless, gcpProject: '', artifactRepository: '' },
			kubernetes: { ...FIXED.kubernetes, exposure: 'ingress', gatewayName: 'shared-gateway', gatewayNamespace: 'infra-ns' }
		}
	});
	await w.goto('Deployment');
	await expect(page.getByLabel('Namespace', { exact: true })).toHaveValue('orders');
	expect(w.errors).toEqual([]);
});

const GARBAGE: [string, string, RegExp][] = [
	['not base64', '#c=1.!!!not-base64!!!', /damaged/],
	['no version', '#c=garbage', /not a Slipway configuration/],
	['newer version', '#c=9.AAAA', /newer Slipway/],
	['truncated', V1_LINK.slice(0, 200), /damaged|cut off/],
	['tampered byte', V1_LINK.slice(0, 100) + (V1_LINK[100] === 'A' ? 'B' : 'A') + V1_LINK.slice(101), /damaged|cannot use|not valid/],
	['oversized', '#c=1.' + 'A'.repeat(20_000), /too long/],
	['not JSON', craft('<script>window.__pwned=1</script>'), /not valid JSON/],
	['decompression bomb', craft(JSON.stringify({ x: 'a'.repeat(2_000_000) })), /too large|damaged/]
];

test.describe('broken links show a clear message and keep the defaults', () => {
	for (const [label, hash, message] of GARBAGE) {
		test(label, async ({ page }) => {
			const w = new Wizard(page);
			let dialogs = 0;
			page.on('dialog', (d) => {
				dialogs++;
				void d.dismiss();
			});
			await w.open(hash);
			const banner = page.getByTestId('link-error');
			await expect(banner).toBeVisible();
			await expect(banner).toContainText(message);
			await expect(page.getByLabel('Project name')).toHaveValue('my-service');
			expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
			expect(dialogs).toBe(0);
			expect(w.errors).toEqual([]);
		});
	}

	test('a link with invalid fields lists them, and runs nothing', async ({ page }) => {
		const bad = structuredClone(FIXED) as Record<string, any>;
		bad.project.name = '<img src=x onerror="window.__pwned=1">';
		bad.kubernetes.replicas = 1000;
		bad.docker.extra = 'x';
		const w = new Wizard(page);
		await w.open(craft(JSON.stringify(bad)));
		const banner = page.getByTestId('link-error');
		await expect(banner).toContainText('cannot use');
		await expect(banner).toContainText('project.name');
		await expect(banner).toContainText('kubernetes.replicas');
		await expect(banner).toContainText('docker.extra');
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		await expect(page.getByLabel('Project name')).toHaveValue('my-service');
		expect(w.errors).toEqual([]);
	});
});
