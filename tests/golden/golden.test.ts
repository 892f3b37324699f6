/**
 * Golden files: named scenarios, every generated file compared with a
 * committed copy under tests/golden/<scenario>/, plus the list of paths.
 * Refresh on purpose with `npx vitest run --project unit tests/golden -u`
 * and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generate } from '../../src/lib/generators/index.ts';
import { presetById } from '../../src/lib/model/presets.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';
import type { Config } from '../../src/lib/model/config.ts';
import { DEFAULT_BACKEND } from '../../src/lib/model/defaults.ts';

interface Scenario {
	name: string;
	preset: string;
	edit: (c: Config) => void;
}

const manager = (m: Config['packaging']['manager']) => (c: Config) => {
	c.packaging.manager = m;
	c.packaging.backend = DEFAULT_BACKEND[m];
};

/** Two presets per manager, one per target, one per serverless provider. */
export const SCENARIOS: Scenario[] = [
	{ name: 'fastapi-uv-docker', preset: 'fastapi-service', edit: manager('uv') },
	{ name: 'library-uv', preset: 'library', edit: manager('uv') },
	{ name: 'django-poetry-kubernetes', preset: 'django-app', edit: (c) => ((c.target = 'kubernetes'), manager('poetry')(c)) },
	{
		name: 'cli-poetry-classic-docker',
		preset: 'cli-tool',
		edit: (c) => {
			manager('poetry')(c);
			c.packaging.poetryLayout = 'classic';
		}
	},
	{ name: 'flask-pip-bare-metal', preset: 'flask-app', edit: (c) => ((c.target = 'bare-metal'), manager('pip')(c)) },
	{
		name: 'worker-pip-tools-aws-lambda',
		preset: 'worker',
		edit: (c) => {
			manager('pip')(c);
			c.packaging.pipWorkflow = 'pip-tools';
			c.target = 'serverless';
			c.serverless.provider = 'aws-lambda';
		}
	},
	{
		name: 'fastapi-uv-aws-lambda',
		preset: 'fastapi-service',
		edit: (c) => {
			c.target = 'serverless';
			c.serverless.provider = 'aws-lambda';
		}
	},
	{
		name: 'flask-uv-cloud-run',
		preset: 'flask-app',
		edit: (c) => {
			manager('uv')(c);
			c.target = 'serverless';
			c.serverless.provider = 'cloud-run';
		}
	}
];

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath, e.name)))
		.sort();
}

describe.each(SCENARIOS)('golden: $name', (s) => {
	const config = presetById(s.preset)!.config();
	s.edit(config);
	const files = generate(config);
	const root = join(import.meta.dirname, s.name);

	it('is a valid scenario', () => {
		expect(validateConfig(config)).toEqual([]);
	});

	it('lists the same paths', async () => {
		await expect(files.map((f) => f.path).join('\n') + '\n').toMatchFileSnapshot(join(root, '..', `${s.name}.paths.txt`));
	});

	it.each(files.map((f) => [f.path, f] as const))('%s', async (_path, f) => {
		await expect(f.content).toMatchFileSnapshot(join(root, f.path));
	});

	it('has no stale golden files', () => {
		const expected = files.map((f) => f.path).sort();
		const onDisk = listFiles(root);
		expect(onDisk.filter((p) => !expected.includes(p))).toEqual([]);
	});
});
