import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { pageEntry } from './src/lib/islands/build/page-entry.ts';
import svelteConfig from './svelte.config.js';
import { pureRecords } from './vite-plugins/pure-records.ts';
import { recordEvidence } from './vite-plugins/record-evidence.ts';
import { workerChunk } from './vite-plugins/worker-chunk.ts';

/** SvelteKit's client build writes its Vite manifest here; the prerender reads it (src/lib/islands/hooks.ts). */
const clientManifest = `${svelteConfig.kit?.outDir ?? '.svelte-kit'}/output/client/.vite/manifest.json`;

export default defineConfig({
	plugins: [workerChunk(), sveltekit(), pageEntry({ clientManifest }), pureRecords(), recordEvidence()],
	// The generator worker is bundled on its own: the same two tree-shaking facts apply there.
	worker: {
		plugins: () => [pureRecords()],
		rolldownOptions: { treeshake: { moduleSideEffects: [{ test: /\/src\/lib\/generators\//, sideEffects: false }] } }
	},
	build: {
		...(process.env.SLIPWAY_NOMINIFY ? { minify: false } : {}),
		// The generator modules run only declarations on import (tests/unit/generators-side-effects.test.ts
		// holds it), so a page chunk that imports one of their helpers drops the modules it does not use
		// instead of carrying a second copy of every generator besides the generator worker's (issue 18.16).
		rolldownOptions: { treeshake: { moduleSideEffects: [{ test: /\/src\/lib\/generators\//, sideEffects: false }] } }
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'validate',
					environment: 'node',
					include: ['tests/validate/**/*.test.ts'],
					testTimeout: 600_000,
					hookTimeout: 600_000
				}
			}
		]
	}
});
