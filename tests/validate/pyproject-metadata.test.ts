/**
 * Issue 19.4: pyproject.toml files that use the model's new metadata (more authors,
 * maintainers, keywords, own classifiers, SPDX expressions, a legacy license kept verbatim,
 * extras with markers, PEP 735 groups with include-group, Poetry group tables with
 * include-groups) still pass the real tools of the Debian 13 root: validate-pyproject
 * (PEP 621/639/735 schemas), poetry check, and a wheel built with the project's backend
 * whose METADATA is checked (proof.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/lib/model/config.ts';
import { presetById } from '../../src/lib/model/presets.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';
import { generate } from '../../src/lib/generators/index.ts';
import { makeFileSet } from './registry.ts';
import { rootStatus } from './root.ts';
import { pyproject } from './validators/pyproject.ts';
import { poetryCheck } from './validators/poetry.ts';

function withMetadata(presetId: string, edit: (c: Config) => void): Config {
	const c = presetById(presetId)!.config();
	Object.assign(c.project, {
		moreAuthors: [{ name: 'Bob Example', email: 'bob@example.com' }, { name: '', email: 'team@example.com' }],
		maintainers: [{ name: 'Ops Team', email: '' }],
		keywords: ['orders', 'http'],
		classifiers: ['Development Status :: 4 - Beta', 'Intended Audience :: Developers', 'Topic :: Internet :: WWW/HTTP'],
		extras: [
			{ name: 'speed', requirements: ["uvloop>=0.21; sys_platform != 'win32'", "winloop>=0.1; sys_platform == 'win32'"] },
			{ name: 'socks', requirements: ['socksio>=1.0'] }
		],
		dependencyGroups: [
			{ name: 'docs', includes: [], requirements: ['mkdocs>=1.6'] },
			{ name: 'docs-auto', includes: ['docs'], requirements: ['mkdocs-autorefs>=1.2'] }
		],
		devIncludes: ['docs']
	});
	edit(c);
	expect(validateConfig(c)).toEqual([]);
	return c;
}

const CONFIGS: [string, Config][] = [
	['uv + uv_build library, MIT OR Apache-2.0 (no LICENSE)', withMetadata('library', (c) => (c.project.license = 'MIT OR Apache-2.0'))],
	['pip + hatchling service, Apache-2.0 WITH LLVM-exception', withMetadata('fastapi-service', (c) => {
		c.packaging = { ...c.packaging, manager: 'pip', backend: 'hatchling' };
		c.project.license = 'Apache-2.0 WITH LLVM-exception';
	})],
	['pip + setuptools cli, license = { text = "BSD" } kept verbatim', withMetadata('cli-tool', (c) => {
		c.packaging = { ...c.packaging, manager: 'pip', backend: 'setuptools' };
		Object.assign(c.project, { license: 'BSD', licenseForm: 'text' });
	})],
	['uv + flit-core library, Apache-2.0 (LICENSE written)', withMetadata('library', (c) => {
		c.packaging = { ...c.packaging, backend: 'flit-core' };
		c.project.license = 'Apache-2.0';
	})],
	['Poetry 2 service, groups with include-groups', withMetadata('fastapi-service', (c) => {
		c.packaging = { ...c.packaging, manager: 'poetry', backend: 'poetry-core', poetryLayout: 'poetry2' };
		c.project.license = 'MIT OR Apache-2.0';
	})]
];

describe.runIf(rootStatus().ok)('pyproject.toml with the new metadata against the real tools', () => {
	it.each(CONFIGS)('%s: validate-pyproject', async (_name, config) => {
		const files = generate(config);
		const f = files.filter((x) => x.path === 'pyproject.toml');
		expect(await pyproject.check(f, makeFileSet(files, config))).toEqual([]);
	});

	it('Poetry 2: the group tables with include-groups pass poetry-core 2.3.2\'s schema, and poetry check (2.1) without them', async () => {
		const config = CONFIGS[4][1];
		const files = generate(config);
		const text = files.find((x) => x.path === 'pyproject.toml')!.content;
		expect(text).toContain('[tool.poetry.group.docs-auto]\ninclude-groups = ["docs"]');
		expect(text).toContain('[tool.poetry.group.dev]\ninclude-groups = ["docs"]');
		// include-groups is poetry-core >= 2.2 (versions.ts POETRY_INCLUDE_GROUPS); the project requires Poetry >= 2.4.
		// Its patterns are Python's (\\A ... \\Z, start and end of the text): the same as ^ ... $ without the m flag.
		const raw = readFileSync(join(import.meta.dirname, 'schemas/poetry-core-2.3.2-poetry-schema.json'), 'utf8').replaceAll('\\\\A', '^').replaceAll('\\\\Z', '$');
		// Draft-04: the other keywords of an object with $ref are ignored (ajv 8 would apply them): drop them.
		const draft04 = (v: unknown): unknown =>
			Array.isArray(v) ? v.map(draft04) : v && typeof v === 'object' ? ('$ref' in v ? { $ref: (v as { $ref: unknown }).$ref } : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, draft04(x)]))) : v;
		const schema = draft04(JSON.parse(raw)) as Record<string, unknown>;
		delete schema.$schema; // draft-04; nothing in it reads differently under ajv's default draft. Python regex classes such as [a-zA-Z-_.0-9] need non-unicode RegExps.
		const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema);
		const poetry = (parse(text) as { tool: { poetry: unknown } }).tool.poetry;
		expect(validate(poetry), JSON.stringify(validate.errors)).toBe(true);
		// A group with an unknown key still fails that schema: it checks the group tables.
		expect(validate({ ...(poetry as object), group: { dev: { 'include-group': ['docs'], dependencies: {} } } })).toBe(false);
		// The root's Poetry 2.1 predates include-groups: check everything else with it.
		const copy = files.map((x) => (x.path === 'pyproject.toml' ? { ...x, content: x.content.replace(/^include-groups = .*\n/gm, '') } : x));
		const claimed = copy.filter((x) => poetryCheck.match(x.path, x.content));
		expect(await poetryCheck.check(claimed, makeFileSet(copy, config))).toEqual([]);
	});

	it.each(CONFIGS.slice(0, 4))('%s: the wheel builds with its backend and its METADATA matches', async (_name, config) => {
		const { proveProject } = await import('./proof.ts');
		const r = await proveProject(config, generate(config));
		expect(r.wheel.status, r.wheel.detail).toBe('pass');
	}, 600_000);
});
