/**
 * generateFile(config, path) is the page's quick path for the file on screen
 * (state/app.svelte.ts `early`): it must give exactly what generate() gives,
 * for every path of every matrix configuration, in any order of calls (its
 * cache of which generator writes which path goes stale as configs change).
 */
import { describe, expect, it } from 'vitest';
import { generate, generateFile } from './index.ts';
import { fullMatrix } from '../../../tests/validate/matrix.ts';
import { presetById } from '../model/presets.ts';

describe('generateFile', () => {
	it('equals generate() for every path of every matrix configuration, walking them in turn', () => {
		let checked = 0;
		for (const e of fullMatrix()) {
			const all = generate(e.config);
			for (const f of all) {
				expect(generateFile(e.config, f.path), `${e.id}: ${f.path}`).toEqual(f);
				checked++;
			}
			// A path this config does not have (another target's file) is null, not another config's file.
			for (const p of ['k8s/base/deployment.yaml', 'Dockerfile', 'deploy/install.sh', 'template.yaml'])
				if (!all.some((f) => f.path === p)) expect(generateFile(e.config, p), `${e.id}: ${p}`).toBeNull();
		}
		expect(checked).toBeGreaterThan(3000);
	}, 120_000);

	it('follows a path from a config that has it to one that does not and back', () => {
		const service = presetById('fastapi-service')!.config();
		const library = presetById('library')!.config();
		expect(generateFile(service, 'Dockerfile')?.content).toBe(generate(service).find((f) => f.path === 'Dockerfile')!.content);
		expect(generateFile(library, 'Dockerfile')).toBeNull();
		expect(generateFile(service, 'Dockerfile')).not.toBeNull();
		expect(generateFile(service, 'no/such/file')).toBeNull();
	});
});
