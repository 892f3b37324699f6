/**
 * The same browser tests against a private copy of the build (E2E_ROOT/build),
 * for working while other builds rewrite build/:
 *   npm run build && rm -rf /tmp/ui && mkdir /tmp/ui && cp -r build /tmp/ui/ &&
 *   E2E_ROOT=/tmp/ui npx playwright test -c tests/e2e/local.config.ts
 */
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';

const PORT = Number(process.env.E2E_PORT ?? 4471);
const ROOT = process.env.E2E_ROOT ?? process.cwd();

export default defineConfig({
	...base,
	testDir: '.',
	outputDir: '../../test-results/local',
	reporter: [['list']],
	use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}/` },
	webServer: {
		command: `cd '${ROOT}' && node '${process.cwd()}/scripts/serve.mjs' --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
