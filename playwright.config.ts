import { spawnSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

/**
 * A port nothing listens on (the kernel's choice for port 0), picked synchronously because the
 * config is read synchronously. It goes into the environment: the test workers read this file
 * again and inherit the runner's environment, so they all see the same port.
 */
function freePort(): number {
	const probe = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
	const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
	const port = Number(r.stdout);
	if (!Number.isInteger(port) || port <= 0) throw new Error(`could not pick a free port for the test server: ${r.stderr}`);
	return port;
}
process.env.E2E_PORT ??= String(freePort());
const PORT = Number(process.env.E2E_PORT);
const BASE = process.env.SLIPWAY_BASE ?? '';

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	forbidOnly: true,
	reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}${BASE}/`,
		acceptDownloads: true,
		launchOptions: {
			executablePath: CHROMIUM_PATH,
			args: CHROMIUM_ARGS
		}
	},
	webServer: {
		command: `node scripts/serve.mjs --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}${BASE}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
