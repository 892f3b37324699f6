/**
 * The Poetry 2 layout requires poetry-core >= 2.2 and Poetry >= 2.2 (PEP 639
 * metadata, issue 14.15), newer than the toolchain root's Debian 13 Poetry
 * and poetry-core 2.1.2. The harness still checks such a project with real
 * tools, and says where it relaxed a version gate:
 *   - the wheel proof builds with the root's poetry-core (python3 -m build
 *     --skip-dependency-check) and its detail names both versions;
 *   - poetry check runs on a copy without the requires-poetry line, which
 *     Poetry 2.1 refuses to load ("This project requires Poetry >=2.2").
 * The classic layout (poetry-core >= 1.9) needs neither.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/lib/model/config.ts';
import { presetById } from '../../src/lib/model/presets.ts';
import { generate } from '../../src/lib/generators/index.ts';
import { makeFileSet } from './registry.ts';
import { rootStatus } from './root.ts';
import { poetryCheck } from './validators/poetry.ts';
import { REQUIRES_POETRY } from '../../src/lib/generators/versions.ts';

function poetryConfig(layout: 'poetry2' | 'classic'): Config {
	const c = presetById('library')!.config();
	c.packaging.manager = 'poetry';
	c.packaging.backend = 'poetry-core';
	c.packaging.poetryLayout = layout;
	return c;
}

describe.runIf(rootStatus().ok)('Poetry 2.2 floors against the Debian 13 root (Poetry 2.1.2)', () => {
	it('builds the Poetry 2 layout with the root poetry-core and says so', async () => {
		const { proveProject } = await import('./proof.ts');
		const config = poetryConfig('poetry2');
		const files = generate(config);
		expect(files.find((f) => f.path === 'pyproject.toml')!.content).toContain('requires = ["poetry-core>=2.2,<3.0.0"]');
		const r = await proveProject(config, files);
		expect(r.wheel.status, r.wheel.detail).toBe('pass');
		expect(r.wheel.detail).toMatch(/built with Debian 13's poetry-core 2\.1\.2, which does not satisfy the project's poetry-core<3\.0\.0,>=2\.2/);
		expect(r.install.status, r.install.detail).toBe('pass');
	});

	it('builds the classic layout with its own requirement, no gate relaxed', async () => {
		const { proveProject } = await import('./proof.ts');
		const config = poetryConfig('classic');
		const r = await proveProject(config, generate(config));
		expect(r.wheel.status, r.wheel.detail).toBe('pass');
		expect(r.wheel.detail ?? '').not.toMatch(/skip-dependency-check/);
	});

	it(`runs poetry check on requires-poetry ${REQUIRES_POETRY} (Poetry 2.1 refuses to load it as is)`, async () => {
		const config = poetryConfig('poetry2');
		const files = generate(config);
		expect(files.find((f) => f.path === 'pyproject.toml')!.content).toContain(`\nrequires-poetry = "${REQUIRES_POETRY}"\n`);
		const set = makeFileSet(files, config);
		const claimed = files.filter((f) => poetryCheck.match(f.path, f.content));
		expect(claimed.map((f) => f.path)).toEqual(['pyproject.toml']);
		expect(await poetryCheck.check(claimed, set)).toEqual([]);
		// The gate is the only thing dropped: a real error is still reported.
		const broken = claimed.map((f) => ({ ...f, content: f.content.replace(/^requires-poetry = .*$/m, '$&\nno-such-setting = true') }));
		const findings = await poetryCheck.check(broken, set);
		expect(findings.length).toBe(1);
		expect(findings[0].message).toMatch(/no-such-setting/);
		expect(findings[0].message).not.toMatch(/requires Poetry/);
	});
});
