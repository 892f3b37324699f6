import { expect, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The built CLI, exactly as users run it after `npm ci && npm run build`.
test('node dist/cli/slipway.js and npx slipway answer --help', () => {
	expect(execFileSync('node', ['dist/cli/slipway.js', '--help'], { encoding: 'utf8' })).toContain('slipway generate');
	expect(execFileSync('npx', ['--no-install', 'slipway', '--help'], { encoding: 'utf8' })).toContain('slipway generate');
});

test('the built CLI generates files and exits 2 on bad input', () => {
	const dir = mkdtempSync(join(tmpdir(), 'slipway-e2e-'));
	try {
		execFileSync('node', ['dist/cli/slipway.js', 'generate', '--preset', 'fastapi-service', '--manager', 'uv', '--target', 'docker', '--out', join(dir, 'x')]);
		expect(readFileSync(join(dir, 'x', 'pyproject.toml'), 'utf8')).toContain('name = "fastapi-service"');
		const bad = spawnSync('node', ['dist/cli/slipway.js', 'generate', '--manager', 'conda', '--out', join(dir, 'y')], { encoding: 'utf8' });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('--manager must be one of');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
